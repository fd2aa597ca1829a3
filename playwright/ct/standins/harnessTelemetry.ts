import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOG_FIELD, LOKI_OTLP_METADATA, LOKI_STREAM_LABEL, QUANTUM_ATTR } from '@hybridlens/conventions';
import { type TraceSpan, readTrace } from '@hybridlens/traces';
import { type OtlpDocument, generateSyntheticTrace } from '@hybridlens/traces/testing';
import { LOGS_FILE, TRACES_FILE } from '../server/harnessHistory';
import { jaegerAnswer } from './jaegerAnswer';
import type { LogEntry, StandInData } from './tempoLokiServer';

/** The real trace fixtures, read in place (never copied into the repository). */
export const TRACE_FIXTURES_DIR = resolve(__dirname, '../../../../shared/fixtures/traces');
/** An OTLP fixture (Jaeger UI's, four spans over four resources), served as Jaeger JSON converted at run time. */
const JAEGER_SOURCE_FIXTURE = 'jaeger-ui_otlp2jaeger-multi-in-combined.json';
const TEMPO_V1_FIXTURE = 'tempo_tempopb_trace_batches.json';

/** Spans of the large synthetic trace (the waterfall's virtualisation and in-trace search). */
export const LARGE_TRACE_SPANS = 10_000;

/** What the stand-ins serve, by role, for the specs to pick their cases (ids only: expected values come from the stand-in). */
export interface TraceCatalog {
  /** A synthetic trace with two quantum jobs, the first failed. */
  twoJobs: { traceId: string; jobIds: string[] };
  /** A synthetic trace of {@link LARGE_TRACE_SPANS} spans. */
  large: { traceId: string; spanCount: number };
  /** The simulator history's sampled traces (their ids are those of its requests). */
  history: string[];
  /** Real fixtures: absent (with the reason in `fixturesMissing`) when ../shared/fixtures is not there. */
  jaeger?: string;
  tempoV1?: string;
  fixturesMissing?: string;
}

function jsonLines(file: string): unknown[] {
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Fields of the JSON line that OTLP carries elsewhere than in attributes: time, body, resource, severity. */
const NOT_METADATA = new Set<string>([LOG_FIELD.timestamp, LOG_FIELD.message, LOG_FIELD.service, LOG_FIELD.level]);

/**
 * A log record as Loki holds it after OTLP ingestion (`provisioning/loki/loki.yaml`), built from the JSON line the
 * SDK writes for the same record: the body (the message) is the line, `service_name` the one stream label, the
 * trace context and the other contract fields structured metadata, the level as `severity_text` and Loki's own
 * `detected_level`.
 */
export function lokiEntry(fields: Record<string, unknown>, fallbackMs: number): LogEntry {
  const at = fields[LOG_FIELD.timestamp];
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : fallbackMs;
  const level = str(fields[LOG_FIELD.level]) ?? 'info';
  const structuredMetadata: Record<string, string> = {
    [LOKI_OTLP_METADATA.severityText]: level,
    [LOKI_OTLP_METADATA.detectedLevel]: level,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (!NOT_METADATA.has(key) && value !== undefined && value !== null && value !== '') {
      structuredMetadata[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return {
    ns: `${BigInt(Math.round((Number.isFinite(ms) ? ms : fallbackMs) * 1000)) * BigInt(1000)}`,
    labels: { [LOKI_STREAM_LABEL.serviceName]: str(fields[LOG_FIELD.service]) ?? 'unknown_service' },
    structuredMetadata,
    line: str(fields[LOG_FIELD.message]) ?? '',
  };
}

/** Log lines for a synthetic trace: one per quantum job span (with its provider job id), as the SDK writes them. */
function jobLogLines(spans: readonly TraceSpan[]): LogEntry[] {
  return spans.flatMap((s) => {
    const jobId = s.attributes[QUANTUM_ATTR.jobId.key];
    if (typeof jobId !== 'string') {
      return [];
    }
    const failed = s.status === 'error';
    return [
      lokiEntry(
        {
          [LOG_FIELD.timestamp]: new Date(s.endMs).toISOString(),
          [LOG_FIELD.level]: failed ? 'error' : 'info',
          [LOG_FIELD.message]: failed ? `quantum job ${jobId} failed` : `quantum job ${jobId} completed`,
          [LOG_FIELD.service]: s.serviceName,
          [LOG_FIELD.traceId]: s.traceId,
          [LOG_FIELD.spanId]: s.spanId,
          [LOG_FIELD.providerJobId]: jobId,
        },
        s.endMs
      ),
    ];
  });
}

function firstTraceId(answer: unknown): string | undefined {
  return readTrace(answer).traces[0]?.traceId;
}

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(TRACE_FIXTURES_DIR, name), 'utf8')) as unknown;
}

/**
 * What the page harness' Tempo and Loki stand-ins serve: the simulator history's sampled traces and log lines
 * (`telemetryDir`, kept by the history), two synthetic traces placed before the history's "now" (two quantum
 * jobs, one failed; {@link LARGE_TRACE_SPANS} spans) with log lines, a Jaeger answer made from a real OTLP fixture and
 * the real Tempo v1 fixture.
 */
export function harnessTelemetry(
  telemetryDir: string,
  nowSeconds: number
): { data: StandInData; catalog: TraceCatalog } {
  const historyDocs = jsonLines(join(telemetryDir, TRACES_FILE)) as OtlpDocument[];
  const historyLogs = (jsonLines(join(telemetryDir, LOGS_FILE)) as Array<Record<string, unknown>>).map((f) =>
    lokiEntry(f, nowSeconds * 1000)
  );
  const history = [...new Set(historyDocs.flatMap((d) => readTrace(d).traces.map((t) => t.traceId)))];

  const nowMs = nowSeconds * 1000;
  const twoJobs = generateSyntheticTrace({
    spans: 200,
    seed: 11,
    quantumJobs: 2,
    failedJobs: 1,
    startMs: nowMs - 3 * 3_600_000,
  });
  const large = generateSyntheticTrace({
    spans: LARGE_TRACE_SPANS,
    seed: 12,
    quantumJobs: 2,
    failedJobs: 0,
    queueWaitMs: 60_000,
    startMs: nowMs - 4 * 3_600_000,
  });
  const synthetic = [twoJobs, large];
  const logs = [...historyLogs, ...synthetic.flatMap((s) => jobLogLines(readTrace(s.document).traces[0]?.spans ?? []))];

  const catalog: TraceCatalog = {
    twoJobs: { traceId: twoJobs.traceId, jobIds: twoJobs.quantumJobIds },
    large: { traceId: large.traceId, spanCount: large.spanCount },
    history,
  };
  const verbatimV1: unknown[] = [];
  if (
    existsSync(join(TRACE_FIXTURES_DIR, JAEGER_SOURCE_FIXTURE)) &&
    existsSync(join(TRACE_FIXTURES_DIR, TEMPO_V1_FIXTURE))
  ) {
    const jaeger = jaegerAnswer(fixture(JAEGER_SOURCE_FIXTURE));
    const tempoV1 = fixture(TEMPO_V1_FIXTURE);
    verbatimV1.push(jaeger, tempoV1);
    catalog.jaeger = firstTraceId(jaeger);
    catalog.tempoV1 = firstTraceId(tempoV1);
  } else {
    catalog.fixturesMissing = `the trace fixtures are not under ${TRACE_FIXTURES_DIR}`;
  }
  return {
    data: { otlp: [...historyDocs, ...synthetic.map((s) => s.document)], verbatimV1, logs },
    catalog,
  };
}
