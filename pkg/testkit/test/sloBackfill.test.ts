import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillRecordingRules, createBlocksFromOpenMetrics, describeWithBinary, startPrometheus } from '../src';

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

  async function recordedAt(time: number): Promise<string | undefined> {
    const prometheus = await startPrometheus({ dataDir: join(dir, 'data') });
    try {
      return (await prometheus.query('testkit:level:doubled', time)).result[0]?.value?.[1];
    } finally {
      await prometheus.stop();
    }
  }

  // promtool 2.42 records nothing for the whole window when it starts less than one interval before a boundary.
  it('records over the whole window when it starts two minutes before a block boundary', async () => {
    await backfillRecordingRules({
      rules: [{ record: 'testkit:level:doubled', expr: 'testkit_level * 2' }],
      dataDir: join(dir, 'data'),
      workDir: dir,
      start: BOUNDARY - 120,
      end: BOUNDARY + HOUR - 60,
      evalIntervalSeconds: EVAL_SECONDS,
    });
    expect(await recordedAt(BOUNDARY - 60)).toBe('6');
    expect(await recordedAt(BOUNDARY + HOUR - 120)).toBe('6');
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
