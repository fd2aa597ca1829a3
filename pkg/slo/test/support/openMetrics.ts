import { createWriteStream } from 'node:fs';

/** One raw series of a synthetic history: labels and a value per scrape. */
export interface HistorySeries {
  name: string;
  labels: Record<string, string>;
  /** Value at scrape i (time = start + i * stepSeconds). */
  value: (i: number) => number;
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}

/**
 * Writes an OpenMetrics file for `promtool tsdb create-blocks-from openmetrics` (timestamps in
 * seconds, `# EOF` at the end). Series of one metric name stay together, as the format requires.
 */
export async function writeOpenMetrics(file: string, series: readonly HistorySeries[], start: number, stepSeconds: number, points: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let lines = 0;
  const byName = [...series].sort((a, b) => a.name.localeCompare(b.name));
  for (const s of byName) {
    const prefix = `${s.name}{${labelText(s.labels)}} `;
    let buf = '';
    for (let i = 0; i < points; i++) {
      buf += `${prefix}${s.value(i)} ${start + i * stepSeconds}\n`;
      lines++;
      if (buf.length > 1 << 20) {
        await write(buf);
        buf = '';
      }
    }
    await write(buf);
  }
  await write('# EOF\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return lines;
}
