import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfill, type BackfillResult } from '../src';

const END = Date.parse('2026-11-20T12:00:00Z');

function digest(result: BackfillResult): string {
  const hash = createHash('sha256');
  for (const file of [...result.metricsFiles, result.tracesFile, result.logsFile, ...result.calibrationFiles]) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

describe('reproducible from a seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-sim-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Faults draw random numbers too: include some, on QPU and LLM paths.
  const scenario = {
    text: 'faults:\n  - {kind: hardware_failure, provider: ibm, start: +2h, duration: 2h}\n  - {kind: llm_hallucination, start: +3h, duration: 1h}\n  - {kind: rate_limiting, provider: braket, start: +4h, duration: 1h}\n',
  };
  const run = (name: string, seed: number) =>
    backfill({ days: 0.25, out: join(dir, name), end: END, seed, stepSeconds: 120, scenario });

  it('writes byte-identical history for the same seed and a different one for another seed', async () => {
    const a = await run('a', 1);
    const b = await run('b', 1);
    const c = await run('c', 2);
    expect(a.requests).toBeGreaterThan(500);
    expect(a.traces).toBeGreaterThan(0);
    expect(digest(a)).toBe(digest(b));
    expect(digest(c)).not.toBe(digest(a));
  }, 60_000);
});
