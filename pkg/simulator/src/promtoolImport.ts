import { execFile } from 'node:child_process';

export interface ImportOptions {
  /** promtool executable; default `promtool` on PATH. */
  promtool?: string;
  /** Files imported at once (promtool is mostly single-threaded); default 3. */
  concurrency?: number;
  /** Passed as --max-block-duration when the files span more than one 2-hour block (backfill's fileHours). */
  maxBlockHours?: number;
}

/**
 * Turn backfilled OpenMetrics files into TSDB blocks in `dataDir` (what `promtool tsdb
 * create-blocks-from openmetrics` does, one file per 2-hour block, a few at a time).
 */
export async function importOpenMetrics(
  files: readonly string[],
  dataDir: string,
  options: ImportOptions = {}
): Promise<void> {
  const bin = options.promtool ?? 'promtool';
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      await new Promise<void>((resolve, reject) => {
        execFile(
          bin,
          [
            'tsdb',
            'create-blocks-from',
            'openmetrics',
            '--quiet',
            ...(options.maxBlockHours ? [`--max-block-duration=${options.maxBlockHours}h`] : []),
            file,
            dataDir,
          ],
          { maxBuffer: 16 << 20 },
          (error, stdout, stderr) => {
            if (error) {
              reject(new Error(`promtool could not import ${file}: ${error.message}\n${stdout}${stderr}`));
            } else {
              resolve();
            }
          }
        );
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
}
