import { QUANTUM_JOB_STATES, SPAN } from '@hybridlens/conventions';
import { loadTrace } from '../src';
import { generateSyntheticTrace, toJaeger, toTempoV1, toTempoV2 } from '../src/testing';
import { differences, formatFree, toleranceMs } from './equivalence';
import { shapeViolations } from './shape';

describe('synthetic large traces (shared with the bench and the trace page tests)', () => {
  it.each([1_000, 10_000])('has exactly %i spans, the lifecycle, waits and failures asked for', (spans) => {
    const g = generateSyntheticTrace({ spans, quantumJobs: 3, failedJobs: 1, seed: 5 });
    expect(g.spanCount).toBe(spans);
    const lc = loadTrace(g.document);
    expect(lc.traceId).toBe(g.traceId);
    expect(lc.spans).toHaveLength(spans);
    expect(shapeViolations(lc)).toEqual([]);
    expect(lc.roots.map((r) => lc.spans[r]!.span.spanId)).toEqual([g.rootSpanId]);
    expect(lc.quantumJobs.map((j) => j.jobId)).toEqual(g.quantumJobIds);
    expect(lc.quantumJobs.map((j) => j.outcome)).toEqual(['error', 'success', 'success']);
    lc.quantumJobs.forEach((job, i) => {
      const machine = QUANTUM_JOB_STATES[g.quantumProviders[i] as keyof typeof QUANTUM_JOB_STATES];
      expect(job.states.map((s) => s.state)).toEqual([
        machine.pending[machine.pending.length - 1],
        machine.running,
        i === 0 ? machine.final.error : machine.final.success,
      ]);
    });
    // The hour in the first job's queue is the first idle gap.
    expect(lc.idleGaps[0]!.durationMs).toBe(3_600_000);
    expect(lc.spans[lc.idleGaps[0]!.waitingOn[0]!]!.span.name).toBe(SPAN.quantumEnqueue);
    expect(lc.llmCalls[0]!.phases.map((p) => p.phase)).toEqual(['time_to_first_token', 'generation']);
    // One fallback decision after the failed job.
    expect(lc.decisions.map((d) => d.fallback)).toEqual([false, true]);
  });

  it('is the same trace for the same seed, another for another seed', () => {
    const a = JSON.stringify(generateSyntheticTrace({ spans: 500, seed: 1 }).document);
    expect(JSON.stringify(generateSyntheticTrace({ spans: 500, seed: 1 }).document)).toBe(a);
    expect(JSON.stringify(generateSyntheticTrace({ spans: 500, seed: 2 }).document)).not.toBe(a);
  });

  it('renders in every backend shape with the same lifecycle, and a PARTIAL v2 answer says so', () => {
    const g = generateSyntheticTrace({ spans: 2_000, seed: 9 });
    const reference = loadTrace(g.document);
    for (const body of [toTempoV1(g.document), toTempoV2(g.document), toJaeger(g.document)]) {
      const lc = loadTrace(JSON.stringify(body));
      expect({
        format: lc.format,
        differences: differences(formatFree(lc), formatFree(reference), toleranceMs(lc.format!)),
      }).toEqual({
        format: lc.format,
        differences: [],
      });
    }
    expect(loadTrace(toTempoV2(g.document, 'trace too large')).completeness).toEqual({
      status: 'partial',
      message: 'trace too large',
    });
  });
});
