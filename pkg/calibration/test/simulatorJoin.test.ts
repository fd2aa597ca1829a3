import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION_METRIC, LABEL, METRIC, SIMULATOR_PROVIDERS } from '@hybridlens/conventions';
import { backfill as simulatorBackfill } from '@hybridlens/simulator';
import { backfill, startExporter, type RunningExporter } from '../src';
import { silentLogger } from '../src/log';

function labelsOf(line: string): Record<string, string> {
  const inner = /\{(.*)\}/.exec(line)?.[1] ?? '';
  return Object.fromEntries([...inner.matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The (provider, backend) pairs of a metric in exposition or OpenMetrics text. */
function pairs(text: string, metric: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith(`${metric}{`)) {
      const l = labelsOf(line);
      out.add(`${l[LABEL.provider]}/${l[LABEL.backend]}`);
    }
  }
  return out;
}

describe('one backend name: simulator jobs join calibration on provider and backend', () => {
  let out: string;
  let jobBackends: Set<string>;
  let exporter: RunningExporter;
  let exposition: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'hl-cal-join-'));
    const sim = await simulatorBackfill({ days: 0.25, out: join(out, 'sim'), stepSeconds: 120 });
    jobBackends = new Set<string>();
    for (const file of sim.metricsFiles) {
      for (const pair of pairs(readFileSync(file, 'utf8'), METRIC.quantumJobs.name)) {
        jobBackends.add(pair);
      }
    }
    exporter = await startExporter({ dir: join(out, 'sim/calibration'), port: 0, log: silentLogger });
    exposition = await (await fetch(`${exporter.url}/metrics`)).text();
  }, 120_000);

  afterAll(async () => {
    await exporter?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const qpuBackends = () =>
    [...jobBackends].filter((pair) => !SIMULATOR_PROVIDERS.includes(pair.split('/')[0]!)).sort();

  it('the simulator runs jobs on QPU backends of several providers', () => {
    expect(new Set(qpuBackends().map((p) => p.split('/')[0]))).toEqual(new Set(['ibm', 'braket', 'azure']));
  });

  it('every QPU backend with jobs has calibration series under the same provider and backend labels', () => {
    const calibrated = new Set([
      ...pairs(exposition, CALIBRATION_METRIC.info.name),
      ...pairs(exposition, CALIBRATION_METRIC.targetAvailable.name),
    ]);
    // Azure included: the simulator writes Azure Quantum providerStatus documents for its IonQ target.
    expect(qpuBackends().filter((pair) => !calibrated.has(pair))).toEqual([]);
  });

  it('the exporter reads every file the simulator writes, without ingest errors', () => {
    expect(exposition.split('\n').filter((l) => l.startsWith(`${CALIBRATION_METRIC.ingestErrors.name}{`))).toEqual([]);
  });

  it('backfill over the simulator calibration folder writes every device it has a time for', () => {
    const result = backfill({
      files: readDirJson(join(out, 'sim/calibration')),
      out: join(out, 'history.om'),
    });
    const devices = new Set(result.snapshots.map((s) => `${s.backend.provider}/${s.backend.backend}`));
    for (const pair of qpuBackends()) {
      expect(devices).toContain(pair);
    }
    // whatever is left out is reported, one line each, never silently
    for (const e of result.skipped) {
      expect(e.message.split('\n')).toHaveLength(1);
    }
  });
});

function readDirJson(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? readDirJson(p) : f.endsWith('.json') ? [p] : [];
    });
}
