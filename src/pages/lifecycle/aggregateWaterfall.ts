import type { DataFrame } from '@grafana/data';
import { EXECUTION_PATH, LABEL, SPAN, type SpanName } from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';
import { LIFECYCLE } from './lifecycleQueries';

export interface StageStats {
  span: SpanName;
  offsetP50?: number;
  offsetP95?: number;
  durationP50?: number;
  durationP95?: number;
}

export interface PathColumn {
  path: string;
  requests: number;
  requestP50?: number;
  requestP95?: number;
  stages: StageStats[];
  /** The span (not the request's own envelope) with the longest P95 duration: what the tail waits on. */
  tailStage?: SpanName;
}

/** Pipeline order of the contract's spans. */
const SPAN_ORDER = Object.values(SPAN) as SpanName[];
const PATH_ORDER: string[] = [EXECUTION_PATH.qpu, EXECUTION_PATH.simulator, EXECUTION_PATH.classical];

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : undefined);

/**
 * The aggregate waterfall per served path from the page's instant queries: each lifecycle span's P50/P95 start
 * offset and duration, the request quantiles, and the stage that dominates the tail. Paths in the order QPU,
 * simulator, classical, then any other; spans in pipeline order. NaN quantiles (no observations) are absent.
 */
export function aggregateWaterfall(series: DataFrame[]): PathColumn[] {
  const byPath = new Map<string, PathColumn>();
  const column = (path: string) => {
    let c = byPath.get(path);
    if (!c) {
      c = { path, requests: 0, stages: [] };
      byPath.set(path, c);
    }
    return c;
  };
  const stage = (c: PathColumn, span: SpanName) => {
    let s = c.stages.find((x) => x.span === span);
    if (!s) {
      s = { span };
      c.stages.push(s);
    }
    return s;
  };
  const spanRefs = [
    [LIFECYCLE.offsetP50, 'offsetP50'],
    [LIFECYCLE.offsetP95, 'offsetP95'],
    [LIFECYCLE.durationP50, 'durationP50'],
    [LIFECYCLE.durationP95, 'durationP95'],
  ] as const;
  for (const [refId, key] of spanRefs) {
    for (const { labels, value } of samplesOf(series, refId)) {
      const span = labels[LABEL.span] as SpanName;
      const path = labels[LABEL.path];
      if (!path || !SPAN_ORDER.includes(span) || finite(value) === undefined) {
        continue;
      }
      stage(column(path), span)[key] = value;
    }
  }
  for (const { labels, value } of samplesOf(series, LIFECYCLE.requests)) {
    if (labels[LABEL.path]) {
      column(labels[LABEL.path]!).requests = Number.isFinite(value) ? value : 0;
    }
  }
  for (const [refId, key] of [
    [LIFECYCLE.requestP50, 'requestP50'],
    [LIFECYCLE.requestP95, 'requestP95'],
  ] as const) {
    for (const { labels, value } of samplesOf(series, refId)) {
      if (labels[LABEL.path] && finite(value) !== undefined) {
        column(labels[LABEL.path]!)[key] = value;
      }
    }
  }
  const columns = [...byPath.values()].filter((c) => c.stages.length > 0 || c.requests > 0);
  for (const c of columns) {
    c.stages.sort((a, b) => SPAN_ORDER.indexOf(a.span) - SPAN_ORDER.indexOf(b.span));
    let worst: StageStats | undefined;
    for (const s of c.stages) {
      if (s.span !== SPAN.ingress && (s.durationP95 ?? -1) > (worst?.durationP95 ?? -1)) {
        worst = s;
      }
    }
    c.tailStage = worst?.span;
  }
  const rank = (p: string) => (PATH_ORDER.includes(p) ? PATH_ORDER.indexOf(p) : PATH_ORDER.length);
  return columns.sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
}

/** End of the time axis of a column: the latest P95 end of any stage, or the request P95. */
export function axisEnd(c: PathColumn): number {
  let end = c.requestP95 ?? 0;
  for (const s of c.stages) {
    end = Math.max(end, (s.offsetP95 ?? s.offsetP50 ?? 0) + (s.durationP95 ?? s.durationP50 ?? 0));
  }
  return end > 0 ? end : 1;
}
