import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROMETHEUS_ALERTS, SLO_SERIES } from '@hybridlens/conventions';
import { DEFAULT_TOPOLOGY, FAULT_KIND, backfill } from '@hybridlens/simulator';
import {
  type RunningPrometheus,
  backfillWindow,
  describeWithBinary,
  freePort,
  startPrometheus,
  writeRuleBackfillPlan,
} from '@hybridlens/testkit';
import { rootPath } from './stackFiles';

const SCRIPT = rootPath('provisioning/prometheus/load-history.sh');
const braket = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'braket')!;
const HISTORY_HOURS = 1;
/** A fault over most of the history, so that alerts fire and their states are recorded. */
const HARDWARE_FAILURE = `faults:\n  - { kind: ${FAULT_KIND.hardwareFailure}, provider: ${braket.provider}, backend: ${braket.backend}, start: +10m, duration: 3h }\n`;

/**
 * The very script compose's prometheus-init runs, on the OS package's promtool and Prometheus: a short
 * simulator history laid out as the compose `history` service lays it out, then the script, then Prometheus.
 */
describeWithBinary('promtool', 'apt-get install prometheus', "compose's prometheus-init (load-history.sh)", () => {
  let work: string;
  let prometheus: RunningPrometheus | undefined;
  let end: number;

  function runScript(port: number, historyDir = join(work, 'history')) {
    return spawnSync('sh', [SCRIPT], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PROMETHEUS_DATA: join(work, 'data'),
        HISTORY_DIR: historyDir,
        BACKFILL_PORT: String(port),
      },
      timeout: 300_000,
    });
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-load-history-'));
    const history = join(work, 'history');
    const result = await backfill({
      // One hour: the script records every rule over the whole history, so its cost grows with it, and an hour
      // already holds events for the SLO budgets and the hardware failure alert (it has no `for:`) firing.
      days: HISTORY_HOURS / 24,
      out: join(history, 'sim'),
      stepSeconds: 60,
      tracesPerHour: 0,
      calibration: false,
      loadFactor: 3,
      scenario: { name: 'hardware failure', text: HARDWARE_FAILURE },
    });
    const summary = JSON.stringify({
      from: new Date(result.start).toISOString(),
      to: new Date(result.end).toISOString(),
    });
    writeFileSync(join(history, 'sim.json'), `${summary}\n`);
    writeRuleBackfillPlan(
      rootPath('provisioning/prometheus/rules'),
      join(history, 'rules'),
      240,
      backfillWindow(summary, 'sim.json')
    );
    end = result.end / 1000;
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('leaves the data directory as it was when it fails half-way', async () => {
    // The metrics are there, the rule plan is not: the script fails after loading them into its staging TSDB.
    const broken = join(work, 'broken-history');
    mkdirSync(join(broken, 'rules'), { recursive: true });
    symlinkSync(join(work, 'history', 'sim'), join(broken, 'sim'));
    const failed = runScript(await freePort(), broken);
    expect(failed.status).not.toBe(0);
    const data = join(work, 'data');
    const blocks = readdirSync(data).filter((name) => existsSync(join(data, name, 'meta.json')));
    expect(blocks).toEqual([]);
    expect(existsSync(join(data, '.history-loaded'))).toBe(false);
  }, 300_000);

  it('loads the history and records the SLO and alert series over it, once', async () => {
    const first = runScript(await freePort());
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(first.stdout).toContain('recording SLO and alert series');
    const again = runScript(await freePort());
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('history already loaded');

    prometheus = await startPrometheus({ dataDir: join(work, 'data') });
    const budget = await prometheus.query(SLO_SERIES.errorBudgetRemaining, end);
    expect(budget.result.length).toBeGreaterThan(3);
    const info = await prometheus.query(SLO_SERIES.info, end);
    // Every SLO has its metadata; one without events in so short a history has no budget yet.
    expect(info.result.length).toBeGreaterThanOrEqual(budget.result.length);
    // Alert states were recorded too, as the ALERTS series a live Prometheus writes.
    const firing = await prometheus.query(`${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="firing"}`, end);
    expect(firing.result.length).toBeGreaterThan(0);
  }, 300_000);
});
