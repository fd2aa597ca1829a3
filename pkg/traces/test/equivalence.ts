import { deriveLifecycle, lifecycleReport, readTrace, type TraceLifecycle } from '../src';
import { documentOf, toJaeger, toTempoV1, toTempoV2 } from '../src/testing';

/** What must not depend on the format a trace came in: everything the CLI reports except the format. */
export function formatFree(lc: TraceLifecycle): unknown {
  const { format: _format, ...report } = lifecycleReport(lc);
  return report;
}

/** The same trace served as Tempo v1 (base64), Tempo v2 and Jaeger, each read back and derived. */
export function acrossFormats(lc: TraceLifecycle): Array<{ format: string; derived: TraceLifecycle }> {
  const document = documentOf(lc.spans.map((s) => s.span));
  return [toTempoV1(document), toTempoV2(document), toJaeger(document)].map((body) => {
    const read = readTrace(JSON.stringify(body));
    return { format: read.format, derived: deriveLifecycle(read.traces[0]!) };
  });
}

/**
 * Jaeger keeps microseconds, read back by a division where OTLP's nanoseconds are split: the same instant
 * can differ in the last bits of a double near 1.8e12 (a tenth of a microsecond). One time may differ by a
 * rounded microsecond; a stage total sums thousands of such differences.
 */
export function toleranceMs(format: string): (path: string) => number {
  return (path) => (format !== 'jaeger' ? 0 : /\.(selfMs|criticalPathMs)$/.test(path) ? 0.01 : 0.0025);
}

/** Paths where two JSON-like values differ, numbers compared within `tolerance`. */
export function differences(
  actual: unknown,
  expected: unknown,
  tolerance: number | ((path: string) => number),
  path = '$'
): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const allowed = typeof tolerance === 'number' ? tolerance : tolerance(path);
    return Math.abs(actual - expected) <= allowed + 1e-9 ? [] : [`${path}: ${actual} != ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      return [`${path}: length ${actual.length} != ${expected.length}`];
    }
    return actual.flatMap((a, i) => differences(a, expected[i], tolerance, `${path}[${i}]`));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set(
      [...Object.keys(a), ...Object.keys(e)].filter((k) => a[k] !== undefined || e[k] !== undefined)
    );
    return [...keys].flatMap((k) => differences(a[k], e[k], tolerance, `${path}.${k}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
}
