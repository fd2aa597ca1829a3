import '../../testing/jsdomPolyfills';
import { FieldType, toDataFrame } from '@grafana/data';
import { MITIGATIONS_REF } from './mitigationsInForce';
import { FALLBACKS_REF, fallbackDegradedFromFrames } from './fallbacksDegraded';

const STEP = 60_000;
const END = 1_764_644_400_000;

/** A range answer: the share at these steps before the end of the range (the query drops the healthy ones). */
const frame = (stepsBeforeEnd: number[], refId = FALLBACKS_REF) =>
  toDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: stepsBeforeEnd.map((n) => END - n * STEP) },
      { name: 'Value', type: FieldType.number, values: stepsBeforeEnd.map((n) => 0.06 + n / 1000) },
    ],
  });

describe('fallbackDegradedFromFrames', () => {
  it('is degraded since the first point of the stretch that reaches the end, with the latest share', () => {
    // An earlier stretch (30..28 steps before the end) is over; the current one starts 5 steps before the end.
    expect(fallbackDegradedFromFrames([frame([30, 29, 28, 5, 4, 3, 2, 1, 0])], END, STEP)).toEqual({
      since: END - 5 * STEP,
      share: 0.06,
    });
  });

  it('is not degraded when the fallbacks stopped before the end of the range, or never exceeded the share', () => {
    expect(fallbackDegradedFromFrames([frame([10, 9, 8, 3])], END, STEP)).toBeUndefined();
    expect(fallbackDegradedFromFrames([frame([])], END, STEP)).toBeUndefined();
    expect(fallbackDegradedFromFrames([], END, STEP)).toBeUndefined();
  });

  it("uses the points' own spacing when Prometheus stepped wider than the interval asked for", () => {
    // Points every 2 steps: still one stretch, reaching the end.
    expect(fallbackDegradedFromFrames([frame([8, 6, 4, 2, 0])], END, STEP)).toMatchObject({ since: END - 8 * STEP });
  });

  it("reads only the fallback query's frames, not the mitigations' (the banner's runner has both)", () => {
    expect(fallbackDegradedFromFrames([frame([2, 1, 0], MITIGATIONS_REF)], END, STEP)).toBeUndefined();
  });
});
