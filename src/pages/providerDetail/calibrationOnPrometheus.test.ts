/**
 * The fixtures are read with the calibration package, which loads `yaml`: its node build, not the browser one.
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import '../../testing/jsdomPolyfills';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataFrame } from '@grafana/data';
import { backfill, deviceView, type BackendCalibration } from '@hybridlens/calibration';
import { CALIBRATION_QUANTITY, type CalibrationQuantity, LABEL, QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  findBinary,
  sharedFixturesDir,
  startPrometheus,
} from '@hybridlens/testkit';
import { installNodeFetch } from '../../testing/nodeFetch';
import { instantFrame } from '../../testing/sceneTestEnv';
import { correlationQueries, providersQueries, PROVIDERS } from '../providers/providersQueries';
import { buildProviderRows } from '../providers/providerRows';
import { bestChain } from './bestQubits';
import { flagsOf } from './flags';
import { qubitValueState } from './qubitValueState';
import { medianTrendQueries, trendRefId } from './medianTrendQueries';
import { snapshotQueries } from './providerDetailQueries';
import { buildSnapshot, isListLayout } from './snapshot';

/**
 * Every query of the Providers and backend pages, run on the OS package's Prometheus holding the calibration
 * exporter's own backfill of the real fixture snapshots (no drift rules here: the page harness records those),
 * and the backend page's snapshot checked against the exporter's device view of the same file: every qubit of the
 * device on the map, every coupler, values where measured and missing where not (never 0).
 */
installNodeFetch();

const fixtures = sharedFixturesDir();
const prometheusBin = findBinary('prometheus');
const skipReason = !fixtures
  ? '../shared/fixtures is not beside this checkout'
  : !prometheusBin
    ? 'prometheus is not installed (apt-get install prometheus)'
    : undefined;
const describeOnPrometheus = skipReason ? describe.skip : describe;
if (skipReason) {
  console.warn(`calibration pages on Prometheus: SKIPPED (${skipReason})`);
}

const HOLD = 2 * 3600;

/** The backend of the Manila copy whose native 1q gate on one qubit carries IBM's uncalibrated sentinel. */
const SENTINEL_BACKEND = 'ibm_manila_sentinel';
const SENTINEL_QUBIT = 2;

/** Manila as served, but the native 1q gate (sx) of one qubit reported with gate_error 1.0, written to `dir`. */
function manilaWithSentinel(dir: string): string {
  const doc = JSON.parse(readFileSync(join(fixtures!, 'calibration', 'ibm', 'props_manila.json'), 'utf8'));
  doc.backend_name = SENTINEL_BACKEND;
  const sx = doc.gates.find(
    (g: { gate: string; qubits: number[] }) =>
      g.gate === 'sx' && g.qubits.length === 1 && g.qubits[0] === SENTINEL_QUBIT
  );
  sx.parameters.find((p: { name: string }) => p.name === 'gate_error').value = 1.0;
  const path = join(dir, 'props_manila_sentinel.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** The top-level snapshot of every fixture device (the drift series are the harness's business). */
function snapshotFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'drift' ? [] : snapshotFiles(path);
    }
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

/** Frames as the Prometheus datasource returns them for instant queries: one per series. */
function framesOf(
  refId: string,
  samples: Array<{ metric: Record<string, string>; value?: [number, string] }>
): DataFrame[] {
  return samples.map((s) => ({ ...instantFrame(s.metric, Number(s.value?.[1])), refId }));
}

/** What Grafana would send for the page's template: the range, and "All" for the filter variables. */
function interpolate(expr: string, range: string): string {
  return expr.replace(/\$__range/g, range).replace(/\$\{?[a-z]+\}?/g, '.*');
}

describeOnPrometheus('calibration pages on Prometheus with the real fixtures', () => {
  let prometheus: RunningPrometheus;
  let work: string;
  let snapshots: Array<{ backend: BackendCalibration; timestamp: number }>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-pp-cal-'));
    const out = join(work, 'calibration.om');
    const result = backfill({
      files: [...snapshotFiles(join(fixtures!, 'calibration')), manilaWithSentinel(work)],
      out,
      stepSeconds: 3600,
      holdSeconds: HOLD,
    });
    snapshots = result.snapshots;
    createBlocksFromOpenMetrics(out, join(work, 'data'), ['--max-block-duration=8760h']);
    prometheus = await startPrometheus({ dataDir: join(work, 'data') });
  }, 240_000);

  afterAll(async () => {
    await prometheus?.stop();
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  async function snapshotAt(ref: { provider: string; backend: string }, time: number) {
    const frames: DataFrame[] = [];
    for (const [refId, expr] of Object.entries(snapshotQueries(ref))) {
      const answer = await prometheus.query(interpolate(expr, '1h'), time);
      frames.push(...framesOf(refId, answer.result));
    }
    return buildSnapshot(frames);
  }

  it('loads several real devices', () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
  });

  it('shows every qubit and coupler of each device, its values where measured and nothing where not', async () => {
    for (const { backend: b, timestamp } of snapshots) {
      const view = deviceView(b);
      const snapshot = await snapshotAt(b, timestamp + 60);
      const label = `${b.provider}/${b.backend}`;
      expect([label, snapshot.qubits.map((q) => q.id).sort()]).toEqual([
        label,
        view.qubits.map((q) => String(q.id)).sort(),
      ]);
      expect([label, snapshot.couplers.length]).toEqual([label, view.couplers.length]);
      expect([label, isListLayout(snapshot.device.layout)]).toEqual([label, view.couplers.length === 0]);
      const byId = new Map(b.qubits.map((q) => [String(q.qubit), q]));
      for (const q of snapshot.qubits) {
        const model = byId.get(q.id);
        const t1 = model?.t1Seconds ?? undefined;
        const readout = model?.readoutError ?? undefined;
        expect([label, q.id, q.values[QUBIT_MAP_METRIC.t1]]).toEqual([
          label,
          q.id,
          t1 === undefined ? undefined : expect.closeTo(t1, 12),
        ]);
        expect([label, q.id, q.values[QUBIT_MAP_METRIC.readoutError]]).toEqual([
          label,
          q.id,
          readout === undefined ? undefined : expect.closeTo(readout, 12),
        ]);
      }
      for (const c of snapshot.couplers) {
        const entry = view.couplers.find(
          (v) => String(v.qubits[0]) === c.qubits[0] && String(v.qubits[1]) === c.qubits[1]
        )?.entry;
        const error = entry?.error ?? undefined;
        expect([label, c.label, c.error]).toEqual([
          label,
          c.label,
          error === undefined ? undefined : expect.closeTo(error, 12),
        ]);
      }
      expect([label, snapshot.calibratedAt]).toEqual([
        label,
        // A source without its own time (Google's file, dated by its name) has no calibration time series.
        b.calibratedAt ? Date.parse(b.calibratedAt) / 1000 : undefined,
      ]);
    }
  }, 240_000);

  it('finds the best chain on the snapshot Prometheus served, of connected measured parts', async () => {
    // The sentinel copy of Manila (a line of 5) has no 3-chain around its uncalibrated middle qubit: tested apart.
    const withCouplers = snapshots.filter(
      (s) =>
        s.backend.backend !== SENTINEL_BACKEND && deviceView(s.backend).couplers.some((c) => (c.entry?.error ?? 1) < 1)
    );
    expect(withCouplers.length).toBeGreaterThan(0);
    for (const { backend: b, timestamp } of withCouplers) {
      const snapshot = await snapshotAt(b, timestamp + 60);
      const chain = bestChain(snapshot, 3);
      expect([`${b.provider}/${b.backend}`, chain?.qubits.length]).toEqual([`${b.provider}/${b.backend}`, 3]);
    }
  }, 240_000);

  it('calls a qubit whose native 1q gate carries the uncalibrated sentinel uncalibrated, never a bad value', async () => {
    const { backend: b, timestamp } = snapshots.find((s) => s.backend.backend === SENTINEL_BACKEND)!;
    const snapshot = await snapshotAt(b, timestamp + 60);
    const id = String(SENTINEL_QUBIT);
    const sentinel = snapshot.qubits.find((q) => q.id === id)!;
    expect(sentinel.values[QUBIT_MAP_METRIC.oneQubitError]).toBeUndefined();
    expect(qubitValueState(sentinel, QUBIT_MAP_METRIC.oneQubitError)).toBe('uncalibrated');
    // Every other qubit keeps its measured 1q error.
    for (const q of snapshot.qubits.filter((x) => x.id !== id)) {
      expect([q.id, qubitValueState(q, QUBIT_MAP_METRIC.oneQubitError)]).toEqual([q.id, 'measured']);
    }
    const flagged = flagsOf(snapshot, 2).qubits.find((f) => f.id === id);
    expect(flagged).toMatchObject({ uncalibrated: [QUBIT_MAP_METRIC.oneQubitError], missing: [] });
    // Left out of the best chains: no chain of any length uses it.
    for (let length = 1; length <= snapshot.qubits.length - 1; length++) {
      expect(bestChain(snapshot, length)?.qubits ?? []).not.toContain(id);
    }
  }, 240_000);

  it('has nothing once the snapshot is past its hold (time travel shows only what was served then)', async () => {
    const { backend: b, timestamp } = snapshots[0]!;
    const snapshot = await snapshotAt(b, timestamp + HOLD + 2 * 3600);
    expect(snapshot.qubits).toEqual([]);
  });

  it('runs every Providers query, and shows each backend its own calibration medians and qubit count', async () => {
    for (const { backend: b, timestamp } of snapshots) {
      const frames: DataFrame[] = [];
      for (const [refId, expr] of Object.entries(providersQueries())) {
        const answer = await prometheus.query(interpolate(expr, '1h'), timestamp + 60);
        frames.push(...framesOf(refId, answer.result));
      }
      const rows = buildProviderRows(frames, timestamp + 60);
      const row = rows.find((r) => r.provider === b.provider && r.backend === b.backend);
      const label = `${b.provider}/${b.backend}`;
      expect([label, row !== undefined]).toEqual([label, true]);
      const median2q = b.summary.median2qError ?? undefined;
      expect([label, row!.medians[CALIBRATION_QUANTITY.twoQubitError]]).toEqual([
        label,
        median2q === undefined ? undefined : expect.closeTo(median2q, 12),
      ]);
      const qubitCount = frames.some(
        (f) => f.refId === PROVIDERS.qubitCount && f.fields[1]?.labels?.[LABEL.backend] === b.backend
      );
      expect([label, row!.qubits !== undefined]).toEqual([label, qubitCount]);
    }
    const { timestamp } = snapshots[0]!;
    for (const expr of Object.values(correlationQueries())) {
      await expect(
        prometheus.queryRange(interpolate(expr, '1h'), timestamp, timestamp + 3600, 60)
      ).resolves.toBeDefined();
    }
  }, 240_000);

  it('draws each backend median over the range as the exporter computed it, one series per line', async () => {
    const SUMMARY: Record<CalibrationQuantity, (b: BackendCalibration) => number | null> = {
      [CALIBRATION_QUANTITY.t1]: (b) => b.summary.medianT1Seconds,
      [CALIBRATION_QUANTITY.t2]: (b) => b.summary.medianT2Seconds,
      [CALIBRATION_QUANTITY.readoutError]: (b) => b.summary.medianReadoutError,
      [CALIBRATION_QUANTITY.oneQubitError]: (b) => b.summary.median1qError,
      [CALIBRATION_QUANTITY.twoQubitError]: (b) => b.summary.median2qError,
    };
    let lines = 0;
    for (const { backend: b, timestamp } of snapshots) {
      const queries = medianTrendQueries(b);
      for (const q of Object.values(CALIBRATION_QUANTITY)) {
        const label = `${b.provider}/${b.backend} ${q}`;
        // Within the snapshot's hold and before any later snapshot of the same backend replaces it.
        const answer = await prometheus.queryRange(queries[trendRefId(q, 'median')]!, timestamp, timestamp + 600, 60);
        const expected = SUMMARY[q](b);
        if (expected === null) {
          expect([label, answer.result]).toEqual([label, []]);
          continue;
        }
        expect([label, answer.result.length]).toEqual([label, 1]);
        for (const [, v] of answer.result[0]!.values!) {
          expect([label, Number(v)]).toEqual([label, expect.closeTo(expected, 12)]);
        }
        lines += 1;
      }
      // The 7-day line comes from the drift rules, which this Prometheus does not record: a query, not an error.
      await expect(
        prometheus.queryRange(queries[trendRefId(CALIBRATION_QUANTITY.t1, 'median7d')]!, timestamp, timestamp + 600, 60)
      ).resolves.toBeDefined();
    }
    expect(lines).toBeGreaterThan(snapshots.length);
  }, 240_000);
});
