export interface Sample {
  series: string;
  labels: Record<string, string>;
  value: number;
}

/** Samples of a Prometheus text exposition (the subset prom-client writes). */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) {
      throw new Error(`unparsable exposition line: ${line}`);
    }
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    samples.push({ series: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sum of the samples of `series` whose labels include `labels`. */
export function valueOf(samples: Sample[], series: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.series === series && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
