/** promtool input-series values from per-minute samples, compressed as `start+stepxN` runs. */

export type Sample = number | 'NaN' | '+Inf' | '_';

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

export function encodeValues(samples: readonly Sample[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < samples.length) {
    const first = samples[i]!;
    if (typeof first !== 'number') {
      parts.push(first);
      i++;
      continue;
    }
    let j = i + 1;
    const next = samples[j];
    if (typeof next === 'number') {
      const step = next - first;
      while (
        j + 1 < samples.length &&
        typeof samples[j + 1] === 'number' &&
        (samples[j + 1] as number) - (samples[j] as number) === step
      ) {
        j++;
      }
      const n = j - i;
      parts.push(`${num(first)}${step >= 0 ? '+' : '-'}${num(Math.abs(step))}x${n}`);
      i = j + 1;
    } else {
      parts.push(num(first));
      i++;
    }
  }
  return parts.join(' ');
}

/** Cumulative counter samples (value at minute 0 is 0) from per-minute increments. */
export function cumulative(perMinute: readonly number[]): number[] {
  const out = [0];
  for (const inc of perMinute) {
    out.push(out[out.length - 1]! + inc);
  }
  return out;
}

/** Per-minute increments from segments of [minutes, perMinute]. */
export function segments(parts: ReadonlyArray<readonly [number, number]>): number[] {
  return parts.flatMap(([minutes, perMinute]) => Array.from({ length: minutes }, () => perMinute));
}

export function labelsText(metric: string, labels: Record<string, string>): string {
  const inner = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `${metric}{${inner}}`;
}
