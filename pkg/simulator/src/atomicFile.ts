import { renameSync, rmSync, writeFileSync } from 'node:fs';

let sequence = 0;

/**
 * Write a file so that a reader (the calibration exporter polling the directory) sees either the old or the
 * new content, never a truncated one: write a temporary sibling, then rename it over the target. The
 * temporary name does not end in .json, so directory scanners skip it.
 */
export function writeFileAtomic(file: string, data: string): void {
  const temporary = `${file}.tmp-${process.pid}-${sequence++}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
