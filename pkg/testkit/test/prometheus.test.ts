import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlocksFromOpenMetrics, describeWithBinary, startPrometheus, type RunningPrometheus } from '../src';

// Each test starts a real Prometheus (and promtool): jest's 5 s default failed them on a loaded 2-core machine,
// and a beforeAll that timed out left its Prometheus running, which kept jest from exiting.
jest.setTimeout(60_000);

describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'testkit: real Prometheus loaded from OpenMetrics',
  () => {
    let prom: RunningPrometheus;
    let dir: string;
    const end = Math.floor(Date.now() / 1000);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hl-testkit-'));
      const lines = ['# TYPE testkit_events counter'];
      for (let i = 0; i <= 60; i++) {
        lines.push(`testkit_events_total{kind="a"} ${i * 2} ${end - 3600 + i * 60}`);
      }
      lines.push('# EOF');
      writeFileSync(join(dir, 'in.om'), lines.join('\n') + '\n');
      createBlocksFromOpenMetrics(join(dir, 'in.om'), join(dir, 'data'));
      prom = await startPrometheus({ dataDir: join(dir, 'data') });
    });

    afterAll(async () => {
      await prom?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers queries over the loaded history', async () => {
      // 2 per minute for 60 minutes.
      expect(await prom.scalar('increase(testkit_events_total[30m])', end)).toBeCloseTo(60, 0);
      await expect(prom.query('rate(', end)).rejects.toThrow(/bad_data|parse/);
    });
  }
);
