import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Path of a calibration fixture under ../shared/fixtures/calibration. */
export function fixture(fixturesDir: string, relativePath: string): string {
  return join(fixturesDir, 'calibration', relativePath);
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Written separately from src/summary.ts on purpose: tests must not check the code with itself. */
export function independentMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) {
    throw new Error('median of nothing');
  }
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
