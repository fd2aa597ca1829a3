import { ALERT_MITIGATION, formatDuration } from '@hybridlens/conventions';
import type { CliSpec } from '@hybridlens/cli';
import { DEFAULT_STEP_SECONDS, DEFAULT_TRACES_PER_HOUR } from './backfill';
import { LIMITS } from './limits';

/** Environment variable that may carry the admin API's bearer token (never a command-line flag: ps shows those). */
export const ADMIN_TOKEN_ENV = 'HYBRIDLENS_ADMIN_TOKEN';
export const RESTORE_NONE = 'none';

const common = {
  scenario: {
    type: 'string',
    placeholder: 'FILE',
    description: 'fault schedule (YAML or JSON); default: the built-in schedule',
  },
  seed: {
    type: 'integer',
    description: 'random seed: the same seed and scenario give the same output',
    min: LIMITS.seed.min,
    max: LIMITS.seed.max,
  },
  load: {
    type: 'number',
    description: "multiplies the topology's traffic",
    min: LIMITS.load.min,
    max: LIMITS.load.max,
    default: 1,
  },
} as const;

export const SIM_CLI = {
  name: 'hybridlens-sim',
  summary: 'A simulated hybrid LLM + quantum service with fault injection: live telemetry, or backfilled history.',
  commands: {
    live: {
      summary: 'serve /metrics and the admin API, export OTLP traces, write JSON logs to stdout',
      flags: {
        port: { type: 'port', description: 'listen port for /metrics and the admin API', default: 9464 },
        host: {
          type: 'string',
          description: 'listen address (the admin API can disable providers: 0.0.0.0 only with a token)',
          default: '127.0.0.1',
        },
        'otlp-url': { type: 'url', description: 'OTLP/HTTP traces endpoint, e.g. http://tempo:4318/v1/traces' },
        'otlp-logs-url': {
          type: 'url',
          description: 'OTLP/HTTP logs endpoint, e.g. http://loki:3100/otlp/v1/logs (stdout JSON lines continue)',
        },
        ...common,
        'calibration-dir': {
          type: 'string',
          placeholder: 'DIR',
          description: "keep calibration snapshots in the providers' formats here (for the calibration exporter)",
        },
        'admin-token-file': {
          type: 'string',
          placeholder: 'FILE',
          description: `file holding the admin API's bearer token (or set ${ADMIN_TOKEN_ENV})`,
        },
        'restore-on-resolve': {
          type: 'string',
          multiple: true,
          placeholder: 'ALERT',
          choices: [...Object.keys(ALERT_MITIGATION), RESTORE_NONE],
          description:
            'alerts whose resolution undoes their mitigation (default: all but HybridQuantumHardwareFailures)',
        },
        'mitigation-hold': {
          type: 'duration',
          description: 'an alert-driven mitigation stays at least this long (hold-down against flapping alerts)',
          minMs: 0,
          maxMs: 24 * 3_600_000,
          default: '5m',
        },
      },
      details: `Relative times of a scenario count from the start of the run.
Example: hybridlens-sim live --port 9464 --otlp-url http://tempo:4318/v1/traces --calibration-dir /calibration`,
    },
    backfill: {
      summary: 'write OpenMetrics history, sample traces, their logs and calibration snapshots into a directory',
      flags: {
        days: {
          type: 'number',
          description: 'days of history',
          min: LIMITS.days.min,
          max: LIMITS.days.max,
          required: true,
        },
        out: {
          type: 'string',
          placeholder: 'DIR',
          description: 'output directory (created; must be empty)',
          required: true,
        },
        replace: { type: 'boolean', description: 'replace a non-empty --out whole, once the new history is complete' },
        end: { type: 'time', description: 'end of the history (default: now)' },
        step: {
          type: 'duration',
          description: 'sample interval of the history',
          minMs: LIMITS.stepSeconds.min * 1000,
          maxMs: LIMITS.stepSeconds.max * 1000,
          default: formatDuration(DEFAULT_STEP_SECONDS * 1000),
        },
        ...common,
        'traces-per-hour': {
          type: 'integer',
          description: 'traces kept per hour of history (degraded and slow requests first), plus as many failed ones',
          min: LIMITS.tracesPerHour.min,
          max: LIMITS.tracesPerHour.max,
          default: DEFAULT_TRACES_PER_HOUR,
        },
      },
      details: `Output: DIR/metrics/*.om (one OpenMetrics file per 2-hour TSDB block), DIR/traces.otlp.jsonl,
DIR/logs.jsonl, DIR/calibration/. Relative times of a scenario count from the start of the history ("+2d"),
or back from its end ("-36h"). Load into Prometheus with:
  for f in DIR/metrics/*.om; do promtool tsdb create-blocks-from openmetrics "$f" DATA; done`,
    },
  },
} as const satisfies CliSpec;
