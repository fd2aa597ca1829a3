import '../../testing/jsdomPolyfills';
import type { DataFrame } from '@grafana/data';
import { LABEL, SPAN } from '@hybridlens/conventions';
import { instantFrame } from '../../testing/sceneTestEnv';
import { aggregateWaterfall, axisEnd } from './aggregateWaterfall';
import { LIFECYCLE } from './lifecycleQueries';

function sample(refId: string, labels: Record<string, string>, value: number): DataFrame {
  return { ...instantFrame(labels, value), refId };
}

const span = (path: string, name: string) => ({ [LABEL.path]: path, [LABEL.span]: name });

describe('aggregateWaterfall', () => {
  const frames: DataFrame[] = [
    // Classical first in the input: the output still puts QPU first.
    sample(LIFECYCLE.durationP95, span('classical', SPAN.llm), 0.4),
    sample(LIFECYCLE.requests, { [LABEL.path]: 'classical' }, 30),
    sample(LIFECYCLE.offsetP50, span('qpu', SPAN.quantumExecute), 2),
    sample(LIFECYCLE.durationP50, span('qpu', SPAN.quantumExecute), 1),
    sample(LIFECYCLE.durationP95, span('qpu', SPAN.quantumExecute), 3),
    sample(LIFECYCLE.offsetP95, span('qpu', SPAN.quantumExecute), 6),
    sample(LIFECYCLE.durationP95, span('qpu', SPAN.llm), 0.8),
    sample(LIFECYCLE.offsetP50, span('qpu', SPAN.llm), 0.01),
    // The request's own envelope is longest but never "the tail stage".
    sample(LIFECYCLE.durationP95, span('qpu', SPAN.ingress), 9),
    // No observations: NaN quantiles are left out, not drawn at 0.
    sample(LIFECYCLE.durationP95, span('qpu', SPAN.postprocess), NaN),
    // Not a contract span: ignored.
    sample(LIFECYCLE.durationP95, span('qpu', 'made.up'), 100),
    sample(LIFECYCLE.requestP95, { [LABEL.path]: 'qpu' }, 8.5),
    sample(LIFECYCLE.requests, { [LABEL.path]: 'qpu' }, 12),
    // A path with only NaN values and no requests has no column.
    sample(LIFECYCLE.durationP50, span('simulator', SPAN.llm), NaN),
  ];

  it('groups per path in QPU, simulator, classical order with spans in pipeline order', () => {
    const columns = aggregateWaterfall(frames);
    expect(columns.map((c) => c.path)).toEqual(['qpu', 'classical']);
    const qpu = columns[0]!;
    expect(qpu.stages.map((s) => s.span)).toEqual([SPAN.ingress, SPAN.llm, SPAN.quantumExecute]);
    expect(qpu.stages[2]).toEqual({
      span: SPAN.quantumExecute,
      offsetP50: 2,
      offsetP95: 6,
      durationP50: 1,
      durationP95: 3,
    });
    expect(qpu.requests).toBe(12);
    expect(qpu.requestP95).toBe(8.5);
    expect(columns[1]!.requests).toBe(30);
  });

  it('marks the stage with the longest P95 that is not the request envelope', () => {
    const [qpu, classical] = aggregateWaterfall(frames);
    expect(qpu!.tailStage).toBe(SPAN.quantumExecute);
    expect(classical!.tailStage).toBe(SPAN.llm);
  });

  it('ends the axis at the latest P95 end, never at zero', () => {
    const [qpu] = aggregateWaterfall(frames);
    expect(axisEnd(qpu!)).toBe(9);
    expect(axisEnd({ path: 'x', requests: 0, stages: [] })).toBe(1);
  });

  it('is empty without data', () => {
    expect(aggregateWaterfall([])).toEqual([]);
  });
});
