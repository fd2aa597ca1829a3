/**
 * The figures of the README's "Scaling past one machine", measured rather than guessed: the rules and rule groups
 * the committed rule files hold per SLO, the series they record per SLO, the calibration series per calibrated
 * backend (raw and recorded drift), on the OS package's Prometheus loaded with simulator history and the
 * committed rules backfilled with promtool. Prints a Markdown table. `npm run sizing -w @hybridlens/dashboards`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ALERT_STATE,
  CALIBRATION_DRIFT,
  CALIBRATION_DRIFT_TRACKED,
  CALIBRATION_METRIC,
  LABEL,
  PROMETHEUS_ALERTS,
  calibrationDriftSeries,
  neq,
  nre,
  oneOf,
  regexOf,
} from '@hybridlens/conventions';
import { type BackendCalibration, normalizeFiles, writeOpenMetricsHistory } from '@hybridlens/calibration';
import { backfill as simulatorBackfill } from '@hybridlens/simulator';
import {
  alertsAsRecordingRules,
  backfillRecordingRules,
  createBlocksFromOpenMetrics,
  listRuleFiles,
  loadOpenMetricsFiles,
  readRules,
  repoRoot,
  startPrometheus,
} from '@hybridlens/testkit';

const RULES_DIR = join(repoRoot, 'provisioning/prometheus/rules');
const HISTORY_DAYS = 3 / 24;
const RULE_EVAL_SECONDS = 240;
const RULE_WINDOW_SECONDS = 30 * 60;
const NAME = '__name__';

/** A selector of every series these matchers select, whatever its name. */
const anySeries = (matchers: readonly string[]) => `{${matchers.join(', ')}}`;
const CALIBRATION_SERIES = Object.values(CALIBRATION_METRIC).map((m) => m.name);
const DRIFT_SERIES = [
  CALIBRATION_DRIFT.couplerTwoQubitError,
  ...CALIBRATION_DRIFT_TRACKED.flatMap((tracked) => Object.values(calibrationDriftSeries(tracked))),
];

interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<{ record?: string; alert?: string; labels?: Record<string, string> }>;
}

/** Per SLO: rule groups, recording rules, alerts and the largest group (Mimir's ruler limits count these). */
function rulesPerSlo() {
  const bySlo = new Map<string, { groups: number; records: number; alerts: number; largestGroup: number }>();
  for (const file of listRuleFiles(RULES_DIR)) {
    const doc = parse(readFileSync(file, 'utf8')) as { groups?: RuleGroup[] } | null;
    for (const group of doc?.groups ?? []) {
      const slo = group.rules.map((r) => r.labels?.[LABEL.slo]).find((s) => s !== undefined);
      if (slo === undefined) {
        continue;
      }
      const entry = bySlo.get(slo) ?? { groups: 0, records: 0, alerts: 0, largestGroup: 0 };
      entry.groups += 1;
      entry.records += group.rules.filter((r) => r.record).length;
      entry.alerts += group.rules.filter((r) => r.alert).length;
      entry.largestGroup = Math.max(entry.largestGroup, group.rules.length);
      bySlo.set(slo, entry);
    }
  }
  return bySlo;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'hl-stack-sizing-'));
  try {
    const sim = await simulatorBackfill({ days: HISTORY_DAYS, out: join(work, 'sim'), tracesPerHour: 0 });
    const end = Math.floor(sim.end / 1000);
    // Each device's latest snapshot, held over the rules' window: the series a scrape of the exporter holds.
    const latest = new Map<string, BackendCalibration>();
    for (const backend of normalizeFiles(sim.calibrationFiles).backends) {
      const key = `${backend.provider}/${backend.backend}`;
      const seen = latest.get(key);
      if (!seen || (backend.calibratedAt ?? '') > (seen.calibratedAt ?? '')) {
        latest.set(key, backend);
      }
    }
    const calibrationFile = join(work, 'calibration.om');
    let text = '';
    writeOpenMetricsHistory(
      [...latest.values()].map((backend) => ({ snapshots: [{ backend, timestamp: end - RULE_WINDOW_SECONDS }] })),
      { stepSeconds: 60, holdSeconds: RULE_WINDOW_SECONDS },
      (chunk) => {
        text += chunk;
      }
    );
    writeFileSync(calibrationFile, text);
    const dataDir = join(work, 'data');
    await loadOpenMetricsFiles(sim.metricsFiles, dataDir);
    createBlocksFromOpenMetrics(calibrationFile, dataDir);
    const rules = readRules(listRuleFiles(RULES_DIR));
    await backfillRecordingRules({
      rules: [...rules, ...alertsAsRecordingRules(rules, RULE_EVAL_SECONDS, { ...PROMETHEUS_ALERTS, ...ALERT_STATE })],
      dataDir,
      workDir: work,
      start: end - RULE_WINDOW_SECONDS,
      end,
      evalIntervalSeconds: RULE_EVAL_SECONDS,
    });
    const prometheus = await startPrometheus({ dataDir });
    try {
      const at = end - 60;
      const count = async (expr: string, by: string[]) =>
        (await prometheus.query(`count by (${by.join(', ')}) (${expr})`, at)).result.map((s) => ({
          key: by.map((l) => s.metric[l] ?? '').join('/'),
          n: Number(s.value?.[1]),
        }));
      const alerts = [PROMETHEUS_ALERTS.series, `${PROMETHEUS_ALERTS.series}_FOR_STATE`];
      const sloSeries = new Map(
        (await count(anySeries([neq(LABEL.slo, ''), nre(NAME, regexOf(alerts))]), [LABEL.slo])).map((r) => [r.key, r.n])
      );
      const byBackend = [LABEL.provider, LABEL.backend];
      const raw = await count(anySeries([oneOf(NAME, CALIBRATION_SERIES)]), byBackend);
      const drift = new Map((await count(anySeries([oneOf(NAME, DRIFT_SERIES)]), byBackend)).map((r) => [r.key, r.n]));
      const qubits = new Map([...latest].map(([key, backend]) => [key, backend.qubits.length]));

      const lines: string[] = [];
      lines.push('| SLO | rule groups | recording rules | alerts | largest group | recorded series |');
      lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const [slo, r] of [...rulesPerSlo()].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(
          `| ${slo} | ${r.groups} | ${r.records} | ${r.alerts} | ${r.largestGroup} | ${sloSeries.get(slo) ?? 0} |`
        );
      }
      lines.push('');
      lines.push('| calibrated backend | qubits | exporter series | drift series recorded |');
      lines.push('| --- | ---: | ---: | ---: |');
      for (const r of raw.sort((a, b) => a.key.localeCompare(b.key))) {
        lines.push(`| ${r.key} | ${qubits.get(r.key) ?? '?'} | ${r.n} | ${drift.get(r.key) ?? 0} |`);
      }
      const total = await prometheus.scalar(`count(${anySeries([nre(NAME, '')])})`, at);
      lines.push('');
      lines.push(`All series at the end of the history: ${total} (simulator: ${sim.series}).`);
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await prometheus.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`stack-sizing: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
