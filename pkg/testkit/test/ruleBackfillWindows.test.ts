import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateRulesOverHistory } from '../src';

describe('evaluateRulesOverHistory windows', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'hl-rule-windows-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = (windows: Array<{ start: number; end: number }>) =>
    evaluateRulesOverHistory({
      dataDir: join(work, 'data'),
      workDir: join(work, 'scratch'),
      rules: [{ record: 'x:y', expr: 'vector(1)' }],
      start: 0,
      end: 100,
      windows,
      stepSeconds: () => 10,
      alertStepSeconds: 10,
    });

  it('refuses windows that overlap or run backwards, naming the one at fault, before starting anything', async () => {
    await expect(
      run([
        { start: 0, end: 50 },
        { start: 40, end: 100 },
      ])
    ).rejects.toThrow(/windows\[1\]: \[40, 100\]/);
    await expect(run([{ start: 60, end: 50 }])).rejects.toThrow(/windows\[0\]/);
  });
});
