import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { findBinary } from '@hybridlens/testkit';

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
export async function writeOpenMetrics(
  file: string,
  series: readonly HistorySeries[],
  start: number,
  stepSeconds: number,
  points: number,
  fromPoint = 0
): Promise<number> {
  const out = createWriteStream(file);
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  let lines = 0;
  const byName = [...series].sort((a, b) => a.name.localeCompare(b.name));
  for (const s of byName) {
    const prefix = `${s.name}{${labelText(s.labels)}} `;
    let buf = '';
    for (let i = fromPoint; i < points; i++) {
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

/**
 * Loads a long history into TSDB blocks one day per file, `parallel` promtool processes at a time:
 * promtool re-reads its whole input for every 2-hour block it cuts and writes each block on its own,
 * so one 30-day file costs 360 passes over everything.
 */
export async function createBlocksByDay(
  dir: string,
  workDir: string,
  series: readonly HistorySeries[],
  start: number,
  stepSeconds: number,
  points: number,
  parallel = 4
): Promise<number> {
  const perDay = Math.round(86400 / stepSeconds);
  let lines = 0;
  const files: string[] = [];
  for (let from = 0; from < points; from += perDay) {
    const file = join(workDir, `day-${from}-${stepSeconds}.om`);
    lines += await writeOpenMetrics(file, series, start, stepSeconds, Math.min(points, from + perDay), from);
    files.push(file);
  }
  const bin = findBinary('promtool');
  if (!bin) {
    throw new Error('promtool is not installed (apt-get install prometheus)');
  }
  const run = (file: string) =>
    new Promise<void>((resolve, reject) => {
      execFile(
        bin,
        ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', file, dir],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, _out, stderr) => {
          rmSync(file, { force: true });
          if (error) {
            reject(new Error(`promtool create-blocks-from openmetrics ${file} failed: ${stderr}`));
          } else {
            resolve();
          }
        }
      );
    });
  const queue = [...files];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await run(file);
      }
    })
  );
  return lines;
}
