/**
 * The fixtures are read with the calibration package, which loads `yaml`: its node build, not the browser one.
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import '../../testing/jsdomPolyfills';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { backfill, driftRuleGroups } from '@hybridlens/calibration';
import {
  CALIBRATION_DRIFT,
  CALIBRATION_LOOKBACK,
  CALIBRATION_QUBITS_SEPARATOR,
  parseDuration,
  QUBIT_MAP_METRIC,
} from '@hybridlens/conventions';
import {
  type PromSample,
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  evaluateRulesOverHistory,
  findBinary,
  sharedFixturesDir,
  startPrometheus,
} from '@hybridlens/testkit';
import { installNodeFetch } from '../../testing/nodeFetch';
import { type RawSnapshot, couplerDirections, qubitValues, readRaw } from '../../testing/rawIbmProperties';
import { instantFrame } from '../../testing/sceneTestEnv';
import { calibrationEvents } from './calibrationEvents';
import { DEFAULT_DRIFT_FACTOR, flagsOf } from './flags';
import { EVENT_SOURCES, medianTrendQueries } from './medianTrendQueries';
import { snapshotQueries } from './providerDetailQueries';
import { type BackendSnapshot, buildSnapshot } from './snapshot';

/**
 * Drift as the backend page shows it, on the real IBM drift history: the exporter's backfill of every dated
 * snapshot in ../shared/fixtures/calibration/ibm/drift, the drift recording rules (`driftRuleGroups()`) recorded
 * over it on the OS package's Prometheus, and the page's own queries, snapshot and flags a day after each
 * recalibration. What should be flagged is worked out here from the snapshot files' raw values: each value against
 * the median of its own samples over the 7 days before, times the drift factor. Calibration changes are read from
 * the drift charts' range queries, as the page draws them.
 */
installNodeFetch();

const fixtures = sharedFixturesDir();
const skipReason = !fixtures
  ? '../shared/fixtures is not beside this checkout'
  : !findBinary('prometheus') || !findBinary('promtool')
    ? 'prometheus / promtool are not installed (apt-get install prometheus)'
    : undefined;
const describeOnPrometheus = skipReason ? describe.skip : describe;
if (skipReason) {
  console.warn(`drift on real calibration history: SKIPPED (${skipReason})`);
}

const HOUR = 3600;
/** How long the page still reads a sample as the value in force. */
const CALIBRATION_LOOKBACK_SECONDS = parseDuration(CALIBRATION_LOOKBACK)! / 1000;
const DAY = 24 * HOUR;
const WINDOW = 7 * DAY;
/** One backfilled sample of each snapshot every 6 hours: a week holds 28, and the whole history stays small. */
const STEP = 6 * HOUR;
/** Long enough to carry a snapshot to the next one six weeks later, so those recalibrations have a week before them. */
const HOLD = 45 * DAY;
/**
 * The coupler rule is an instant query: recorded every 5 minutes (Prometheus' lookback), it catches each 6-hourly
 * sample once. The drift rules are then evaluated on the new snapshot's sample times plus half that, so no
 * sample sits on the coupler rule's grid (it would be caught twice) and the instant selectors still see it.
 */
const FINE = 300;
const OFFSET = FINE / 2;
/**
 * The page is looked at a day after each recalibration, while the week before still outweighs the new value, and
 * four days after, when the new value has become the median (drift flags clear; a different quantile would not).
 */
const LOOKS = [DAY, 4 * DAY];
const AFTER = Math.max(...LOOKS);
const FACTORS = [DEFAULT_DRIFT_FACTOR, 1.5];
/** Ratios this close to a factor could fall either way by rounding: none are expected in the data. */
const TIE = 1e-6;

/** Sample times of snapshot i in the backfill: every STEP from its time, until the next one, at most HOLD. */
function sampleTimes(snapshots: RawSnapshot[], i: number): number[] {
  const end = Math.min(snapshots[i + 1]?.time ?? Infinity, snapshots[i]!.time + HOLD + 1);
  const times: number[] = [];
  for (let t = snapshots[i]!.time; t < end; t += STEP) {
    times.push(t);
  }
  return times;
}

/** Median as Prometheus' quantile_over_time(0.5) takes it: the middle sample, or the mean of the middle two. */
function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) {
    return undefined;
  }
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Beyond the factor either way; throws on a ratio too close to call. */
function beyond(ratio: number, factor: number): boolean {
  for (const edge of [factor, 1 / factor]) {
    if (Math.abs(ratio - edge) < TIE) {
      throw new Error(`a ratio of ${ratio} is within ${TIE} of ${edge}: pick another factor`);
    }
  }
  return ratio > factor || ratio < 1 / factor;
}

/** Frames as the Prometheus datasource returns a range query: one per series, time in ms. */
function rangeFrames(refId: string, result: PromSample[]): DataFrame[] {
  return result.map((s) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: (s.values ?? []).map(([t]) => t * 1000) },
        { name: 'Value', type: FieldType.number, values: (s.values ?? []).map(([, v]) => Number(v)), labels: s.metric },
      ],
    })
  );
}

describeOnPrometheus('drift on the real IBM drift history, as the backend page flags it', () => {
  let prometheus: RunningPrometheus | undefined;
  let work: string;
  let dataDir: string;
  let snapshots: RawSnapshot[];
  let ref: { provider: string; backend: string };
  const coupler = driftRuleGroups()
    .flatMap((g) => g.rules)
    .find((r) => r.record === CALIBRATION_DRIFT.couplerTwoQubitError)!;
  const downstream = driftRuleGroups()
    .flatMap((g) => g.rules)
    .filter((r) => r !== coupler);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-drift-history-'));
    dataDir = join(work, 'data');
    const dir = join(fixtures!, 'calibration', 'ibm', 'drift');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f));
    const raws = files.map(readRaw);
    // One device's run of snapshots (the drift folder holds one; the first device found is taken if it ever holds more).
    const device = raws[0]!.doc.backend_name;
    snapshots = raws.filter((r) => r.doc.backend_name === device).sort((a, b) => a.time - b.time);
    const out = join(work, 'history.om');
    const result = backfill({ files: snapshots.map((s) => s.file), out, stepSeconds: STEP, holdSeconds: HOLD });
    const first = result.snapshots[0]!.backend;
    ref = { provider: first.provider, backend: first.backend };
    createBlocksFromOpenMetrics(out, dataDir, ['--max-block-duration=8760h']);
    rmSync(out);
    const ats = snapshots.map((s) => s.time + OFFSET);
    const span = { start: ats[0]! - WINDOW - FINE, end: ats.at(-1)! + AFTER };
    // The coupler series over the week before each recalibration (the medians read it), then the medians and ratios.
    await evaluateRulesOverHistory({
      dataDir,
      workDir: join(work, 'couplers'),
      rules: [coupler],
      ...span,
      windows: ats.map((at) => ({ start: at - WINDOW - FINE, end: at + AFTER })),
      stepSeconds: () => FINE,
      alertStepSeconds: FINE,
    });
    await evaluateRulesOverHistory({
      dataDir,
      workDir: join(work, 'drift'),
      rules: downstream,
      ...span,
      windows: ats.map((at) => ({ start: at, end: at + AFTER })),
      stepSeconds: () => STEP,
      alertStepSeconds: STEP,
    });
    prometheus = await startPrometheus({ dataDir });
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  async function snapshotAt(time: number): Promise<BackendSnapshot> {
    const frames: DataFrame[] = [];
    for (const [refId, expr] of Object.entries(snapshotQueries(ref))) {
      const answer = await prometheus!.query(expr.replace(/\$__range/g, '1h'), time);
      frames.push(...answer.result.map((s) => ({ ...instantFrame(s.metric, Number(s.value?.[1])), refId })));
    }
    return buildSnapshot(frames);
  }

  /** The raw values of each snapshot, held at their backfill sample times (`value(i)` reads snapshot i). */
  function samplesIn<T>(
    from: number,
    to: number,
    value: (i: number) => T | undefined
  ): Array<{ time: number; value: T }> {
    const out: Array<{ time: number; value: T }> = [];
    snapshots.forEach((_, i) => {
      const v = value(i);
      if (v === undefined) {
        return;
      }
      for (const time of sampleTimes(snapshots, i).filter((t) => t >= from && t <= to)) {
        out.push({ time, value: v });
      }
    });
    return out;
  }

  /** When the coupler rule (every FINE from its start) recorded a raw sample: the first evaluation at or after it. */
  function recordedAt(sample: number, ruleStart: number): number {
    const steps = Math.ceil((sample - ruleStart) / FINE);
    const at = ruleStart + steps * FINE;
    if (at === sample) {
      throw new Error(`a sample at ${sample} is on the coupler rule's grid: it would be recorded twice`);
    }
    return at;
  }

  it('backfills a run of real snapshots of one device', () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
  });

  it('flags, a day and four days after each recalibration, exactly the qubits and couplers off their own 7-day median', async () => {
    let driftedT1 = 0;
    let driftedCouplers = 0;
    let steady = 0;
    let uncalibratedCouplers = 0;
    for (const [i, s] of snapshots.entries()) {
      for (const look of LOOKS) {
        const at = s.time + OFFSET + look;
        const label = `${s.file.split('/').pop()} + ${look / DAY} day(s)`;
        const page = await snapshotAt(at + 60);
        const native1q = page.device.native1qGate!;
        const native2q = page.device.native2qGate!;
        expect([
          label,
          s.doc.gates.some((g) => g.gate === native1q),
          s.doc.gates.some((g) => g.gate === native2q),
        ]).toEqual([label, true, true]);

        // Qubits: each value against the median of its own samples in the 7 days up to the rules' evaluation.
        const now = qubitValues(s.doc, native1q);
        const history = snapshots.map((x) => qubitValues(x.doc, native1q));
        const expectedRatio = new Map<string, number>();
        for (const [id, values] of now) {
          for (const m of Object.values(QUBIT_MAP_METRIC)) {
            const v = values[m];
            const window = samplesIn(at - WINDOW, at, (j) => history[j]!.get(id)?.[m]).map((x) => x.value);
            const med = median(window);
            if (v !== undefined && med !== undefined && med > 0) {
              expectedRatio.set(`${id}/${m}`, v / med);
            }
          }
        }
        const shownRatio = new Map(
          page.qubits.flatMap((q) => Object.entries(q.drift).map(([m, r]) => [`${q.id}/${m}`, r] as [string, number]))
        );
        expect([label, [...shownRatio.keys()].sort()]).toEqual([label, [...expectedRatio.keys()].sort()]);
        for (const [key, ratio] of expectedRatio) {
          expect([label, key, shownRatio.get(key)]).toEqual([label, key, expect.closeTo(ratio, 9)]);
        }

        // Couplers: the direction that speaks for each pair (the best calibrated one), against its own 7-day median.
        const directions = snapshots.map((x) => couplerDirections(x.doc, native2q));
        const ruleStart = s.time + OFFSET - WINDOW - FINE;
        const pairs = new Map<string, string[]>();
        for (const key of directions[i]!.keys()) {
          const pair = key
            .split(CALIBRATION_QUBITS_SEPARATOR)
            .sort((a, b) => Number(a) - Number(b))
            .join(CALIBRATION_QUBITS_SEPARATOR);
          pairs.set(pair, [...(pairs.get(pair) ?? []), key]);
        }
        // Each calibrated direction's ratio; the page shows the pair by its best calibrated direction (ties: either).
        const directionRatio = new Map<string, number>();
        const bestDirections = new Map<string, string[]>();
        const expectedUncalibrated = new Set<string>();
        for (const [pair, keys] of pairs) {
          const calibrated = keys
            .map((k) => ({ k, e: directions[i]!.get(k)! }))
            .filter((d): d is { k: string; e: number } => d.e !== 'sentinel');
          if (calibrated.length === 0) {
            expectedUncalibrated.add(pair);
            continue;
          }
          const best = Math.min(...calibrated.map((d) => d.e));
          bestDirections.set(
            pair,
            calibrated.filter((d) => d.e === best).map((d) => d.k)
          );
          for (const { k, e } of calibrated) {
            const window = samplesIn(ruleStart, at, (j) => {
              const x = directions[j]!.get(k);
              return typeof x === 'number' ? x : undefined;
            })
              .filter((x) => {
                const recorded = recordedAt(x.time, ruleStart);
                return recorded >= at - WINDOW && recorded <= at;
              })
              .map((x) => x.value);
            const med = median(window);
            if (med !== undefined && med > 0) {
              directionRatio.set(k, e / med);
            }
          }
        }
        const pairOf = (c: { qubits: [string, string] }) =>
          [...c.qubits].sort((a, b) => Number(a) - Number(b)).join(CALIBRATION_QUBITS_SEPARATOR);
        const expectedCouplerRatio = new Map<string, number>();
        for (const c of page.couplers.filter((x) => !x.uncalibrated)) {
          expect([label, c.label, bestDirections.get(pairOf(c))?.includes(c.label)]).toEqual([label, c.label, true]);
          const expected = directionRatio.get(c.label);
          expect([label, c.label, c.drift]).toEqual([
            label,
            c.label,
            expected === undefined ? undefined : expect.closeTo(expected, 9),
          ]);
          if (expected !== undefined) {
            expectedCouplerRatio.set(c.label, expected);
          }
        }
        const shownUncalibrated = page.couplers.filter((c) => c.uncalibrated);
        expect([label, shownUncalibrated.map(pairOf).sort()]).toEqual([label, [...expectedUncalibrated].sort()]);

        // The page's flags: drifted exactly where the worked-out ratio is beyond the factor, at every factor tried.
        for (const factor of FACTORS) {
          const flags = flagsOf(page, factor);
          const flagged = flags.qubits.flatMap((f) => f.drifted.map((d) => `${f.id}/${d.metric}`)).sort();
          const expected = [...expectedRatio]
            .filter(([, r]) => beyond(r, factor))
            .map(([k]) => k)
            .sort();
          expect([label, factor, flagged]).toEqual([label, factor, expected]);
          const couplersFlagged = flags.couplers
            .filter((f) => f.driftRatio !== undefined)
            .map((f) => f.label)
            .sort();
          const couplersExpected = [...expectedCouplerRatio]
            .filter(([, r]) => beyond(r, factor))
            .map(([k]) => k)
            .sort();
          expect([label, factor, couplersFlagged]).toEqual([label, factor, couplersExpected]);
          expect([label, flags.couplers.filter((f) => f.uncalibrated).length]).toEqual([
            label,
            expectedUncalibrated.size,
          ]);
          if (factor === DEFAULT_DRIFT_FACTOR) {
            driftedT1 += expected.filter((k) => k.endsWith(`/${QUBIT_MAP_METRIC.t1}`)).length;
            driftedCouplers += couplersExpected.length;
            steady += page.qubits.filter((q) => !flagged.some((k) => k.startsWith(`${q.id}/`))).length;
          }
        }
        uncalibratedCouplers += expectedUncalibrated.size;
      }
    }
    // The real history has T1 collapses, couplers off their median and couplers gone to the sentinel, beside steady qubits.
    expect({
      driftedT1: driftedT1 > 0,
      driftedCouplers: driftedCouplers > 0,
      uncalibratedCouplers: uncalibratedCouplers > 0,
      steady: steady > 0,
    }).toEqual({
      driftedT1: true,
      driftedCouplers: true,
      uncalibratedCouplers: true,
      steady: true,
    });
  }, 120_000);

  it('marks each new calibration on the drift charts where the one before was still served, and only there', async () => {
    let marked = 0;
    for (const [i, s] of snapshots.entries()) {
      const before = snapshots[i - 1];
      const label = s.file.split('/').pop();
      const queries = medianTrendQueries(ref);
      const frames: DataFrame[] = [];
      for (const refId of Object.values(EVENT_SOURCES)) {
        const answer = await prometheus!.queryRange(queries[refId]!, s.time - 12 * HOUR, s.time + 12 * HOUR, FINE);
        frames.push(...rangeFrames(refId, answer.result));
      }
      // The previous calibration is on the chart when a sample of it is within the lookback of the range's start.
      const held =
        before !== undefined &&
        sampleTimes(snapshots, i - 1).at(-1)! + CALIBRATION_LOOKBACK_SECONDS >= s.time - 12 * HOUR;
      const expected = held
        ? [
            { kind: 'calibration', timeMs: s.time * 1000 },
            ...(before.backendVersion !== s.backendVersion ? [{ kind: 'qpuVersion', timeMs: s.time * 1000 }] : []),
          ]
        : [];
      const events = calibrationEvents(frames);
      expect([label, events.map((e) => ({ kind: e.kind, timeMs: e.timeMs }))]).toEqual([label, expected]);
      if (held) {
        expect(events[0]!.text).toContain(s.calibrationVersion);
        // Read from the version label alone (as for sources without a calibration time), the change is the same one.
        const versionOnly = calibrationEvents(frames.filter((f) => f.refId === EVENT_SOURCES.calibrationVersion));
        expect([label, versionOnly.map((e) => [e.timeMs, e.text.includes(s.calibrationVersion)])]).toEqual([
          label,
          [[s.time * 1000, true]],
        ]);
        marked += 1;
      }
    }
    expect(marked).toBeGreaterThan(0);
  }, 60_000);
});
