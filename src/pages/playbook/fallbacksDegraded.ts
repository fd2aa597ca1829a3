import { FieldType, type DataFrame } from '@grafana/data';
import { METRIC, range, selector } from '@hybridlens/conventions';

export const FALLBACKS_REF = 'fallbacksDegraded';

/** The window each point of the fallback share looks back over: the alerts' own 10 minutes. */
export const FALLBACK_WINDOW = '10m';

/**
 * The share of requests that fell back to another path above which the pipeline runs degraded. The ops guide
 * names no fallback share: it marks each request served by a fallback as degraded (the `degraded` outcome) and
 * pages on 5% of requests failing over 5 minutes (its P0 error-rate alert). A request served by a fallback did not
 * get the service asked for, so the banner uses the same 5%: the pipeline is called degraded when as many requests
 * miss the primary path as would page if they had failed. It also separates the data: a healthy pipeline still
 * falls back now and then (a failed job retried on the simulator) and the simulator's fault-free history stays
 * under 3% in every 10-minute window, while a provider outage takes it to 6–13%. Only this page reads it (no
 * alert or recording rule uses a fallback share), so it is the app's, not the contract's.
 */
export const DEGRADED_FALLBACK_SHARE = 0.05;

/**
 * Fallbacks (hybrid_fallbacks_total: a provider outage, a rate limit, a failed job) per request over the window,
 * kept only where it is above the degraded share: a range query over the picked range has points exactly while
 * the pipeline ran degraded on its own, whatever the mitigations.
 */
export function fallbackShareExpr(): string {
  const perSecond = (name: string) => `sum(rate(${range(selector(name), FALLBACK_WINDOW)}))`;
  return `(${perSecond(METRIC.fallbacks.name)} / (${perSecond(METRIC.requests.name)} > 0)) > ${DEGRADED_FALLBACK_SHARE}`;
}

export interface FallbackDegraded {
  /** Epoch ms of the first point of the degraded stretch that reaches the end of the range. */
  since: number;
  /** The share of requests that fell back at the end of the range (0..1). */
  share: number;
}

function points(frames: readonly DataFrame[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const frame of frames.filter((f) => f.refId === FALLBACKS_REF)) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    const value = frame.fields.find((f) => f.type === FieldType.number);
    for (let i = 0; time && value && i < frame.length; i++) {
      const v = Number(value.values[i]);
      if (Number.isFinite(v)) {
        out.push([Number(time.values[i]), v]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Whether the pipeline runs degraded from fallbacks at the end of the range, and since when: the stretch of
 * consecutive points (no gap longer than one and a half steps) that reaches the last step of the range. A stretch
 * that ended earlier is over: the page says nothing of it. The step is the query's interval, or the points' own
 * spacing where Prometheus used a longer one.
 */
export function fallbackDegradedFromFrames(
  frames: readonly DataFrame[],
  rangeEnd: number,
  intervalMs: number
): FallbackDegraded | undefined {
  const all = points(frames);
  const last = all.at(-1);
  if (!last) {
    return undefined;
  }
  const gaps = all.slice(1).map(([time], i) => time - all[i]![0]);
  const step = Math.max(intervalMs, gaps.length > 0 ? Math.min(...gaps) : 0);
  if (last[0] < rangeEnd - 1.5 * step) {
    return undefined;
  }
  let first = all.length - 1;
  while (first > 0 && gaps[first - 1]! <= 1.5 * step) {
    first--;
  }
  return { since: all[first]![0], share: last[1] };
}
