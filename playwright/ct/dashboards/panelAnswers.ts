import type { Locator } from '@playwright/test';
import type { LoggedQuery } from '../runtime/queryLog';

/** One series of a range query as Prometheus answers it: its labels and [unix seconds, value] points. */
export interface RangeSeries {
  labels: Record<string, string>;
  points: Array<[number, number]>;
}

/** Every series of a range query, straight from Prometheus (Node side), values as numbers (`NaN` stays NaN). */
export async function promRangeSeries(
  prometheusUrl: string,
  call: Pick<LoggedQuery, 'expr' | 'start' | 'end' | 'step'>
): Promise<RangeSeries[]> {
  const body = new URLSearchParams({
    query: call.expr,
    start: String(call.start),
    end: String(call.end),
    step: String(call.step),
  });
  const res = await fetch(`${prometheusUrl}/api/v1/query_range`, { method: 'POST', body });
  const json = (await res.json()) as {
    status: string;
    error?: string;
    data?: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  if (json.status !== 'success' || !json.data) {
    throw new Error(`Prometheus: ${json.error ?? json.status} for ${call.expr}`);
  }
  return json.data.result.map((r) => ({ labels: r.metric, points: r.values.map(([t, v]) => [t, Number(v)]) }));
}

/**
 * A pattern for the logged form of a panel target: Grafana's macros (`$__range`, `$__rate_interval`, ...) become a
 * duration and dashboard variables (`$provider`) whatever they were replaced with.
 */
export function loggedExprPattern(expr: string): RegExp {
  const escaped = expr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const withMacros = escaped.replace(/\\\$__[a-z_]+/g, '[0-9]+[smhdwy]');
  return new RegExp(`^${withMacros.replace(/\\\$[a-zA-Z_]+/g, '.*?')}$`);
}

/** The page's latest call for a panel target (range or instant), matched by refId and expression. */
export function latestCallFor(queries: LoggedQuery[], refId: string, expr: string): LoggedQuery | undefined {
  const pattern = loggedExprPattern(expr);
  return queries.filter((q) => q.refId === refId && q.api.startsWith('query') && pattern.test(q.expr)).at(-1);
}

/**
 * Whether a series has two finite values on neighbouring steps: a line chart draws a segment only between
 * neighbours, so a series whose values are all isolated (a sparse sample on every tenth step) shows nothing.
 */
export function hasDrawableSegment(series: RangeSeries, step: number): boolean {
  const finite = series.points.filter(([, v]) => Number.isFinite(v)).map(([t]) => t);
  return finite.some((t, i) => i > 0 && Math.abs(t - finite[i - 1]! - step) < 0.001);
}

/**
 * Pixel columns of a chart's canvas that hold a clearly coloured, solid pixel (series are drawn in the palette's
 * colours; grid, axes, text and background are greys).
 */
export async function colouredColumns(region: Locator): Promise<number> {
  return region
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let columns = 0;
      for (let x = 0; x < width; x++) {
        for (let y = 0; y < height; y++) {
          const i = (y * width + x) * 4;
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a >= 100 && Math.max(r, g, b) - Math.min(r, g, b) > 40) {
            columns++;
            break;
          }
        }
      }
      return columns;
    });
}
