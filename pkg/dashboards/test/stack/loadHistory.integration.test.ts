import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROMETHEUS_ALERTS, SLO_SERIES } from '@hybridlens/conventions';
import { DEFAULT_TOPOLOGY, FAULT_KIND } from '@hybridlens/simulator';
import { type RunningPrometheus, describeWithBinary, startPrometheus } from '@hybridlens/testkit';
import { buildComposeHistory } from '../../scripts/composeHistory';
import { rootPath } from './stackFiles';

const SCRIPT = rootPath('provisioning/prometheus/load-history.sh');
const braket = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'braket')!;
const HISTORY_HOURS = 1;
/** A fault over most of the history, so that alerts fire and their states are recorded. */
const HARDWARE_FAILURE = `faults:\n  - { kind: ${FAULT_KIND.hardwareFailure}, provider: ${braket.provider}, backend: ${braket.backend}, start: +10m, duration: 3h }\n`;

/**
 * Compose's history as its `history` service builds it (compose-history.ts, on the OS package's promtool and
 * Prometheus, over a short history), then the very script compose's prometheus-init runs, then Prometheus.
 */
describeWithBinary(
  'promtool',
  'apt-get install prometheus',
  "compose's history and prometheus-init (load-history.sh)",
  () => {
    let work: string;
    let prometheus: RunningPrometheus | undefined;
    let end: number;

    function runScript(historyDir = join(work, 'history')) {
      return spawnSync('sh', [SCRIPT], {
        encoding: 'utf8',
        env: { ...process.env, PROMETHEUS_DATA: join(work, 'data'), HISTORY_DIR: historyDir },
        timeout: 60_000,
      });
    }

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'hl-load-history-'));
      const history = await buildComposeHistory({
        // One hour: an hour already holds events for the SLO budgets and the hardware failure alert (it has no `for:`)
        // firing; both parts of the history are the same code, the older one only drops two metric families.
        days: HISTORY_HOURS / 24,
        fullDays: HISTORY_HOURS / 24,
        rulesDir: rootPath('provisioning/prometheus/rules'),
        out: join(work, 'history', 'tsdb'),
        stepSeconds: 60,
        simulation: { loadFactor: 3, scenario: { name: 'hardware failure', text: HARDWARE_FAILURE } },
      });
      end = history.end;
      mkdirSync(join(work, 'data'));
    }, 120_000);

    afterAll(async () => {
      await prometheus?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    it('leaves the data directory as it was when there is no history to load', () => {
      const empty = join(work, 'empty-history');
      mkdirSync(join(empty, 'tsdb'), { recursive: true });
      const failed = runScript(empty);
      expect(failed.status).not.toBe(0);
      expect(failed.stderr).toContain('no TSDB blocks');
      const data = join(work, 'data');
      expect(readdirSync(data).filter((name) => existsSync(join(data, name, 'meta.json')))).toEqual([]);
      expect(existsSync(join(data, '.history-loaded'))).toBe(false);
    });

    it('loads the history with the SLO and alert series recorded over it, once', async () => {
      const first = runScript();
      expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
      expect(first.stdout).toMatch(/history loaded: \d+ blocks/);
      const again = runScript();
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('history already loaded');
      expect(existsSync(join(work, 'data', '.history-staging'))).toBe(false);

      prometheus = await startPrometheus({ dataDir: join(work, 'data') });
      const budget = await prometheus.query(SLO_SERIES.errorBudgetRemaining, end);
      expect(budget.result.length).toBeGreaterThan(3);
      const info = await prometheus.query(SLO_SERIES.info, end);
      // Every SLO has its metadata; one without events in so short a history has no budget yet.
      expect(info.result.length).toBeGreaterThanOrEqual(budget.result.length);
      // Alert states were recorded too, as the ALERTS series a live Prometheus writes.
      const firing = await prometheus.query(
        `${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="firing"}`,
        end
      );
      expect(firing.result.length).toBeGreaterThan(0);
    }, 60_000);
  }
);
