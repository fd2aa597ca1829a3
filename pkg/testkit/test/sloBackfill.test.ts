import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillRecordingRules, createBlocksFromOpenMetrics, describeWithBinary, startPrometheus } from '../src';

// Each test runs promtool and a real Prometheus: jest's 5 s default failed both on a loaded 2-core machine.
jest.setTimeout(60_000);

const HOUR = 3600;
const EVAL_SECONDS = 240;
/** A 2-hour block boundary a day back: promtool's blocks are aligned to these. */
const BOUNDARY = Math.floor(Date.now() / 1000 / (2 * HOUR)) * 2 * HOUR - 24 * HOUR;

describeWithBinary('promtool', 'apt-get install prometheus', 'backfillRecordingRules with the real promtool', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-rule-backfill-'));
    const lines = ['# TYPE testkit_level gauge'];
    for (let t = BOUNDARY - 3 * HOUR; t <= BOUNDARY + HOUR; t += 60) {
      lines.push(`testkit_level 3 ${t}`);
    }
    lines.push('# EOF');
    writeFileSync(join(dir, 'in.om'), lines.join('\n') + '\n');
    createBlocksFromOpenMetrics(join(dir, 'in.om'), join(dir, 'data'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Distinct timestamps (seconds) of the recorded samples, and their distinct values, between `from` and `to`. */
  async function recordedSamples(from: number, to: number): Promise<{ times: number[]; values: string[] }> {
    const prometheus = await startPrometheus({ dataDir: join(dir, 'data') });
    try {
      const at = async (expr: string) =>
        ((await prometheus.queryRange(expr, from, to, 15)).result[0]?.values ?? []).map(([, v]) => v);
      const times = [...new Set(await at('timestamp(testkit:level:doubled)'))].map(Number);
      return { times, values: [...new Set(await at('testkit:level:doubled'))] };
    } finally {
      await prometheus.stop();
    }
  }

  // promtool 2.42 records nothing for the whole window when it starts less than one interval before a boundary.
  // Its evaluations are offset from the start by a fraction of the interval that depends on the rule file.
  it('records over the whole window when it starts one second before a block boundary', async () => {
    const end = BOUNDARY + HOUR - 60;
    await backfillRecordingRules({
      rules: [{ record: 'testkit:level:doubled', expr: 'testkit_level * 2' }],
      dataDir: join(dir, 'data'),
      workDir: dir,
      start: BOUNDARY - 1,
      end,
      evalIntervalSeconds: EVAL_SECONDS,
    });
    const { times, values } = await recordedSamples(BOUNDARY - 2 * EVAL_SECONDS, end);
    expect(values).toEqual(['6']);
    // Before the boundary (the block promtool skipped), and up to the end of the window.
    expect(times.filter((t) => t < BOUNDARY).length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeGreaterThan(end - 2 * EVAL_SECONDS);
  });

  it('fails, naming the level and the window, when a level records nothing', async () => {
    await expect(
      backfillRecordingRules({
        rules: [{ record: 'testkit:missing:doubled', expr: 'testkit_missing * 2' }],
        dataDir: join(dir, 'data'),
        workDir: dir,
        start: BOUNDARY - HOUR,
        end: BOUNDARY,
        evalIntervalSeconds: EVAL_SECONDS,
      })
    ).rejects.toThrow(/recorded nothing for level 0 \(1 rules: testkit:missing:doubled.*check that the history covers/);
  });
});
