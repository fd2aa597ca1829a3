import '../../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadingState, type DataFrame } from '@grafana/data';
import { type QueryVariable, SceneQueryRunner, sceneGraph, type EmbeddedScene } from '@grafana/scenes';
import {
  CALIBRATION_METRIC,
  CALIBRATION_QUBITS_SEPARATOR,
  LABEL,
  METRIC,
  REQUEST_DURATION_BUCKETS,
  REQUEST_SPAN_BUCKETS,
  NO_PROVIDER,
  SPAN,
  VARIABLE,
} from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { resolveSettings } from '../../settings/settings';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { activateDataTree, findAll, installSceneTestEnv, instantFrame } from '../../testing/sceneTestEnv';
import { declaredQueries } from '../../app/queryInventory';
import { samplesOf } from '../../app/frames';
import { calibrationAt, isDegraded, isStale } from '../../components/quantumJobCard/calibrationCompare';
import { aggregateWaterfall } from './aggregateWaterfall';
import { buildLifecycleScene } from './lifecyclePage';
import { DECISIONS, LIFECYCLE } from './lifecycleQueries';

/**
 * The Lifecycle page's PromQL and the job card's calibration queries on the OS package's Prometheus, holding a
 * small history whose quantiles are known from the bucket bounds: the queries must be valid and the page must
 * compute the right stages, tail and decisions from them.
 */
installNodeFetch();
const env = installSceneTestEnv();

const STEP = 60;
const HOURS = 7;
const PROM_UID = 'lifecycle-test-prometheus';

type Labels = Record<string, string>;

/** Cumulative buckets of `perSecond` observations per second, all inside (previous bound, `upper`]. */
function buckets(bounds: readonly number[], upper: number, perSecond: number, s: number): Array<[string, number]> {
  return [...bounds.map(String), '+Inf'].map((le) => [le, le === '+Inf' || Number(le) >= upper ? perSecond * s : 0]);
}

const QPU = { route: '/solve', path: 'qpu' };
const CLASSICAL = { route: '/plan', path: 'classical' };
const BACKEND = { provider: 'ibm', backend: 'ibm_torino' };
const SPAN_LABELS = { model: 'gpt-4.1-mini', region: 'us-east-1' };
const QPU_IBM = { ...QPU, ...SPAN_LABELS, provider: 'ibm' };
const QPU_BRAKET = { ...QPU, ...SPAN_LABELS, provider: 'braket' };
const CLASSICAL_SPANS = { ...CLASSICAL, ...SPAN_LABELS, provider: NO_PROVIDER };

/**
 * Execution times (seconds) each provider's QPU requests observe every second: Braket's run longer. The expected
 * quantiles below are computed from these raw samples, the way histogram_quantile reads their buckets.
 */
const EXECUTE_SECONDS: Record<string, readonly number[]> = {
  ibm: [2.2, 2.9, 3.4, 4.1, 4.8],
  braket: [6.5, 8, 12, 25, 40, 55],
};

/**
 * Prometheus' histogram_quantile over the contract's span buckets, from raw observations: find the bucket that
 * holds the rank and interpolate linearly inside it (the lowest bucket starts at 0; the +Inf bucket answers the
 * highest finite bound).
 */
function quantileFromSamples(q: number, observations: readonly number[]): number {
  const bounds = [...REQUEST_SPAN_BUCKETS];
  const cumulative = bounds.map((le) => observations.filter((o) => o <= le).length);
  const rank = q * observations.length;
  const b = cumulative.findIndex((c) => c >= rank);
  if (b === -1) {
    return bounds[bounds.length - 1]!;
  }
  const lower = b === 0 ? 0 : bounds[b - 1]!;
  const below = b === 0 ? 0 : cumulative[b - 1]!;
  return lower + ((bounds[b]! - lower) * (rank - below)) / (cumulative[b]! - below);
}

/** Cumulative buckets of raw observations repeated every second. */
function sampleBuckets(observations: readonly number[], s: number): Array<[string, number]> {
  return [...REQUEST_SPAN_BUCKETS.map(String), '+Inf'].map((le) => [
    le,
    observations.filter((o) => le === '+Inf' || o <= Number(le)).length * s,
  ]);
}

function history(now: number): string {
  const lines: string[] = [];
  const start = now - HOURS * 3600;
  const changeAt = now - 3600;
  const series = (name: string, labels: Labels, value: number, t: number) =>
    lines.push(
      `${name}{${Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}} ${value} ${t}`
    );
  for (let t = start; t <= now + 300; t += STEP) {
    const s = t - start;
    const spans: Array<[Labels, string, 'offset' | 'duration', number]> = [
      [QPU_IBM, SPAN.ingress, 'duration', 10],
      [QPU_IBM, SPAN.llm, 'offset', 0.01],
      [QPU_IBM, SPAN.llm, 'duration', 1],
      [QPU_IBM, SPAN.quantumExecute, 'offset', 2],
      [QPU_BRAKET, SPAN.quantumExecute, 'offset', 2],
      [CLASSICAL_SPANS, SPAN.llm, 'duration', 1],
      [CLASSICAL_SPANS, SPAN.postprocess, 'offset', 1],
      [CLASSICAL_SPANS, SPAN.postprocess, 'duration', 0.05],
    ];
    for (const [base, span, measure, upper] of spans) {
      const metric = measure === 'offset' ? METRIC.requestSpanStartOffset : METRIC.requestSpanDuration;
      for (const [le, v] of buckets(REQUEST_SPAN_BUCKETS, upper, 1, s)) {
        series(`${metric.name}_bucket`, { ...base, [LABEL.span]: span, le }, v, t);
      }
    }
    for (const labels of [QPU_IBM, QPU_BRAKET]) {
      for (const [le, v] of sampleBuckets(EXECUTE_SECONDS[labels.provider]!, s)) {
        series(`${METRIC.requestSpanDuration.name}_bucket`, { ...labels, [LABEL.span]: SPAN.quantumExecute, le }, v, t);
      }
    }
    for (const [base, upper, perSecond] of [
      [QPU, 10, 1],
      [CLASSICAL, 1.5, 3],
    ] as const) {
      const labels = { ...base, model: 'gpt-4.1-mini', region: 'us-east-1' };
      for (const [le, v] of buckets(REQUEST_DURATION_BUCKETS, upper, perSecond, s)) {
        series(`${METRIC.requestDuration.name}_bucket`, { ...labels, le }, v, t);
      }
      series(`${METRIC.requestDuration.name}_count`, labels, perSecond * s, t);
    }
    series(METRIC.orchestratorDecisions.name, { path: 'qpu', reason: 'fidelity_ok' }, s, t);
    series(METRIC.orchestratorDecisions.name, { path: 'simulator', reason: 'queue_saturated' }, 0.5 * s, t);
    // Never chosen in the window: no row for it.
    series(METRIC.orchestratorDecisions.name, { path: 'classical', reason: 'budget' }, 0, t);

    // Calibration: a bad one (qubit 0 degraded, a gate on it uncalibrated) until an hour ago, then a good one.
    const before = t < changeAt;
    series(CALIBRATION_METRIC.medianT1.name, BACKEND, before ? 100e-6 : 120e-6, t);
    series(CALIBRATION_METRIC.medianReadoutError.name, BACKEND, 0.01, t);
    series(CALIBRATION_METRIC.qubitT1.name, { ...BACKEND, qubit: '0' }, before ? 40e-6 : 110e-6, t);
    series(CALIBRATION_METRIC.qubitT1.name, { ...BACKEND, qubit: '1' }, 100e-6, t);
    series(CALIBRATION_METRIC.qubitT1.name, { ...BACKEND, qubit: '7' }, 5e-6, t);
    series(CALIBRATION_METRIC.qubitReadoutError.name, { ...BACKEND, qubit: '1' }, before ? 0.05 : 0.01, t);
    series(CALIBRATION_METRIC.calibratedAt.name, BACKEND, before ? start : changeAt, t);
    series(CALIBRATION_METRIC.expectedInterval.name, BACKEND, 1800, t);
    series(CALIBRATION_METRIC.info.name, { ...BACKEND, calibration_version: before ? 'v1' : 'v2' }, 1, t);
    if (before) {
      series(
        CALIBRATION_METRIC.gateUncalibrated.name,
        { ...BACKEND, gate: 'cz', qubits: ['0', '1'].join(CALIBRATION_QUBITS_SEPARATOR) },
        1,
        t
      );
    }
    // On qubits the job did not use: never reported for it.
    series(
      CALIBRATION_METRIC.gateUncalibrated.name,
      { ...BACKEND, gate: 'cz', qubits: ['6', '7'].join(CALIBRATION_QUBITS_SEPARATOR) },
      1,
      t
    );
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'Lifecycle page and job card on a real Prometheus',
  () => {
    let prom: RunningPrometheus;
    let work: string;
    let now: number;
    const errors: string[] = [];

    beforeAll(async () => {
      now = Math.floor(Date.now() / 1000);
      work = mkdtempSync(join(tmpdir(), 'hl-lifecycle-prom-'));
      const file = join(work, 'history.om');
      writeFileSync(file, history(now));
      createBlocksFromOpenMetrics(file, join(work, 'data'));
      prom = await startPrometheus({ dataDir: join(work, 'data') });
      installDatasourceProxy({ [PROM_UID]: prom.url });
      env.setFrames(async (q, range) => {
        // What the Prometheus datasource does with the macro it owns.
        const expr = q.expr.replace(/\$__range/g, `${Math.round((range.to - range.from) / 1000)}s`);
        try {
          const data = await prom.query(expr, range.to / 1000);
          return data.result.map((r) =>
            instantFrame(
              Object.fromEntries(Object.entries(r.metric).filter(([k]) => k !== '__name__')),
              Number(r.value![1])
            )
          );
        } catch (error) {
          errors.push(`${q.refId}: ${(error as Error).message}`);
          return [];
        }
      });
      env.setLabelValues({
        route: [QPU.route, CLASSICAL.route],
        path: ['qpu', 'classical', 'simulator'],
        provider: ['braket', 'ibm'],
      });
    }, 60_000);

    afterAll(async () => {
      await prom?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    async function loaded(scene: EmbeddedScene): Promise<{ undo: () => void; series: DataFrame[] }> {
      env.issued.length = 0;
      errors.length = 0;
      const undo = activateDataTree(scene);
      const runners = findAll(scene, SceneQueryRunner);
      const declared = declaredQueries(scene).filter((q) => q.kind === 'panel').length;
      const done = () =>
        env.issued.length >= declared && runners.every((r) => r.state.data?.state === LoadingState.Done);
      const deadline = Date.now() + 20_000;
      while (!done() && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(done()).toBe(true);
      return { undo, series: runners.flatMap((r) => r.state.data!.series) };
    }

    it('lays out each path’s stages from the span histograms and marks the tail stage', async () => {
      const { undo, series } = await loaded(buildLifecycleScene(resolveSettings(undefined)));
      expect(errors).toEqual([]);
      const columns = aggregateWaterfall(series);
      expect(columns.map((c) => c.path)).toEqual(['qpu', 'classical']);
      const [qpu, classical] = columns;
      expect(qpu!.stages.map((s) => s.span)).toEqual([SPAN.ingress, SPAN.llm, SPAN.quantumExecute]);
      const execute = qpu!.stages.find((s) => s.span === SPAN.quantumExecute)!;
      // Every provider's executions: the buckets of both providers' raw samples together.
      const everyProvider = Object.values(EXECUTE_SECONDS).flat();
      expect(execute.durationP50).toBeCloseTo(quantileFromSamples(0.5, everyProvider), 6);
      expect(execute.durationP95).toBeCloseTo(quantileFromSamples(0.95, everyProvider), 6);
      // Every execution starts between 1 s and 2 s: linear inside the bucket.
      expect(execute.offsetP95).toBeCloseTo(1.95, 6);
      expect(qpu!.tailStage).toBe(SPAN.quantumExecute);
      expect(classical!.tailStage).toBe(SPAN.llm);
      // One QPU request per second, three classical ones, over the default 6 h.
      expect(qpu!.requests / (6 * 3600)).toBeCloseTo(1, 2);
      expect(classical!.requests / (6 * 3600)).toBeCloseTo(3, 2);
      expect(qpu!.requestP95).toBeCloseTo(5 + 0.95 * 5, 6);
      expect(samplesOf(series, LIFECYCLE.requestP50).length).toBe(2);
      undo();
    });

    it('narrows the quantum stages to the picked provider: its own quantiles, and no classical stages', async () => {
      const scene = buildLifecycleScene(resolveSettings(undefined));
      const { undo } = await loaded(scene);
      const runner = findAll(scene, SceneQueryRunner).find((r) =>
        r.state.queries.some((q) => q.refId === LIFECYCLE.durationP50)
      )!;
      const before = aggregateWaterfall(runner.state.data!.series);
      const stageOf = (columns: typeof before, span: string) =>
        columns.find((c) => c.path === 'qpu')!.stages.find((s) => s.span === span);
      env.issued.length = 0;
      const shown = runner.state.data;
      (sceneGraph.lookupVariable(VARIABLE.provider, scene) as QueryVariable).changeValueTo(['braket']);
      const deadline = Date.now() + 20_000;
      const rerun = () =>
        env.issued.some((q) => q.refId === LIFECYCLE.durationP50 && q.expr.includes('provider=~"braket"')) &&
        runner.state.data !== shown &&
        runner.state.data?.state === LoadingState.Done;
      while (!rerun() && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(rerun()).toBe(true);
      expect(errors).toEqual([]);
      const after = aggregateWaterfall(runner.state.data!.series);
      const braket = EXECUTE_SECONDS.braket!;
      const execute = stageOf(after, SPAN.quantumExecute)!;
      expect(execute.durationP50).toBeCloseTo(quantileFromSamples(0.5, braket), 6);
      expect(execute.durationP95).toBeCloseTo(quantileFromSamples(0.95, braket), 6);
      // The pick changed the bars: every provider's P95 was not Braket's.
      expect(stageOf(before, SPAN.quantumExecute)!.durationP95).not.toBeCloseTo(execute.durationP95!, 3);
      // Only IBM's requests observed the LLM stage; classical requests have no provider.
      expect(stageOf(after, SPAN.llm)).toBeUndefined();
      expect(after.find((c) => c.path === 'classical')?.stages ?? []).toEqual([]);
      expect(after.find((c) => c.path === 'qpu')!.tailStage).toBe(SPAN.quantumExecute);
      undo();
    });

    it('lists the decisions taken in the window by path and reason, none for a path never chosen', async () => {
      const { undo, series } = await loaded(buildLifecycleScene(resolveSettings(undefined)));
      expect(errors).toEqual([]);
      const decisions = samplesOf(series, DECISIONS.byPathReason)
        .map((s) => [s.labels[LABEL.path], s.labels[LABEL.reason], Math.round(s.value / 360) * 360])
        .sort();
      expect(decisions).toEqual([
        ['qpu', 'fidelity_ok', 6 * 3600],
        ['simulator', 'queue_saturated', 3 * 3600],
      ]);
      undo();
    });

    it('reads the calibration when the job ran and now: degraded qubit, uncalibrated gate, staleness', async () => {
      const ranAt = now - 2.5 * 3600;
      const [then, current] = await Promise.all([
        calibrationAt(PROM_UID, BACKEND.provider, BACKEND.backend, [0, 1], ranAt),
        calibrationAt(PROM_UID, BACKEND.provider, BACKEND.backend, [0, 1], now),
      ]);
      expect(then.medians).toEqual({ t1: 100e-6, readout: 0.01 });
      expect(then.version).toBe('v1');
      // Only the job's qubits, not qubit 7.
      expect([...then.qubits.keys()].sort()).toEqual(['0', '1']);
      expect(then.qubits.get('0')).toEqual({ t1: 40e-6 });
      expect(isDegraded('t1', then.qubits.get('0')!.t1!, then.medians.t1)).toBe(true);
      expect(isDegraded('readout', then.qubits.get('1')!.readout!, then.medians.readout)).toBe(true);
      expect(then.uncalibrated).toEqual(['cz 0-1']);
      // Calibrated at the start of the history, 4.5 h before the job, with a 30 min cadence.
      expect(then.ageRatio).toBeCloseTo(9, 1);
      expect(isStale(then)).toBe(true);

      expect(current.version).toBe('v2');
      expect(current.medians.t1).toBeCloseTo(120e-6, 12);
      expect(isDegraded('t1', current.qubits.get('0')!.t1!, current.medians.t1)).toBe(false);
      expect(current.uncalibrated).toEqual([]);
      expect(current.ageRatio).toBeCloseTo(2, 1);
    });

    it('says why when Prometheus refuses or the datasource is unknown', async () => {
      await expect(calibrationAt('no-such-uid', 'ibm', 'ibm_torino', [], now)).rejects.toThrow(/404/);
    });
  }
);
