import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_API_PATH,
  ALERT,
  ALERT_MITIGATION,
  ALERT_SEVERITY,
  LABEL,
  PAGING_SEVERITIES,
} from '@hybridlens/conventions';
import { describeWithBinary, repoRoot } from '@hybridlens/testkit';
import { parse } from 'yaml';
import {
  DEFAULT_ALERTMANAGER_FILE,
  DEFAULT_WEBHOOK_ROOT,
  PROVISIONED_WEBHOOK_TOKEN_FILE,
  RECEIVER,
  alertmanagerConfig,
} from '../src';
import { runSlo, snapshot, tempDir } from './support/cliRun';

const COMMITTED = join(repoRoot, DEFAULT_ALERTMANAGER_FILE);
const RULES_DIR = join(repoRoot, 'provisioning/prometheus/rules');

/** What `amtool config routes test` prints: the receivers, comma-separated, in route order. */
function routesTest(file: string, labels: Record<string, string>): string[] {
  const args = [
    'config',
    'routes',
    'test',
    `--config.file=${file}`,
    ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
  ];
  return execFileSync('amtool', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split(',');
}

/** Every alert the committed rule files define, with the severity it carries. */
function generatedAlerts(): Array<{ alertname: string; severity: string }> {
  const out: Array<{ alertname: string; severity: string }> = [];
  for (const name of ['hybridlens-ops-alerts.rules.yml', 'slo-end-to-end-latency.rules.yml']) {
    const doc = parse(readFileSync(join(RULES_DIR, name), 'utf8')) as {
      groups: Array<{ rules: Array<{ alert?: string; labels?: Record<string, string> }> }>;
    };
    for (const rule of doc.groups.flatMap((g) => g.rules)) {
      if (rule.alert) {
        out.push({ alertname: rule.alert, severity: rule.labels![LABEL.severity]! });
      }
    }
  }
  return out;
}

const mitigated = new Set(Object.keys(ALERT_MITIGATION));
const paging = new Set<string>(PAGING_SEVERITIES);

describe('provisioned alertmanager.yml', () => {
  it('is the generated configuration (regenerate with `npm run generate -w @hybridlens/slo`)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(
      alertmanagerConfig({ webhookRoot: DEFAULT_WEBHOOK_ROOT, tokenFile: PROVISIONED_WEBHOOK_TOKEN_FILE })
    );
  });

  it("posts to the admin API's webhook path and routes every severity of the contract", () => {
    const config = parse(readFileSync(COMMITTED, 'utf8')) as {
      receivers: Array<{ name: string; webhook_configs?: Array<{ url: string; send_resolved: boolean }> }>;
    };
    const hook = config.receivers.find((r) => r.name === RECEIVER.mitigation)!.webhook_configs![0]!;
    expect(new URL(hook.url).pathname).toBe(ADMIN_API_PATH.alertmanager);
    // Resolved notifications undo the mitigation.
    expect(hook.send_resolved).toBe(true);
    expect(Object.values(ALERT_SEVERITY)).toEqual(['P0', 'P1', 'P2']);
  });
});

describeWithBinary(
  'amtool',
  'apt-get install prometheus-alertmanager',
  'Alertmanager routing, checked by amtool',
  () => {
    it('amtool check-config accepts the provisioned file, and rejects a broken one', () => {
      expect(execFileSync('amtool', ['check-config', COMMITTED], { encoding: 'utf8' })).toMatch(/SUCCESS/);
      const broken = join(tempDir(), 'broken.yml');
      writeFileSync(broken, readFileSync(COMMITTED, 'utf8').replace('receiver: pager', 'receiver: nobody'));
      expect(() => execFileSync('amtool', ['check-config', broken], { stdio: 'pipe' })).toThrow();
    });

    const cases = Object.values(ALERT).flatMap((alertname) =>
      [...Object.values(ALERT_SEVERITY), undefined].map((severity) => [alertname, severity] as const)
    );
    it.each(cases)(
      '%s with severity %s: webhook only with a mitigation, pager only for P0/P1',
      (alertname, severity) => {
        const receivers = routesTest(COMMITTED, { alertname, ...(severity ? { [LABEL.severity]: severity } : {}) });
        expect(receivers.includes(RECEIVER.mitigation)).toBe(mitigated.has(alertname));
        expect(receivers.includes(RECEIVER.pager)).toBe(severity !== undefined && paging.has(severity));
        // Nothing is dropped: whatever does not page notifies, and nothing does both.
        expect(receivers.includes(RECEIVER.notify)).toBe(!receivers.includes(RECEIVER.pager));
        // The mitigation is applied before anyone is paged about it.
        expect(receivers.indexOf(RECEIVER.mitigation)).toBeLessThanOrEqual(0);
      }
    );

    it('routes every generated alert by the severity it carries: P0 and P1 page, mitigated ones reach the webhook', () => {
      const alerts = generatedAlerts();
      expect(new Set(alerts.map((a) => a.alertname))).toEqual(new Set(Object.values(ALERT)));
      for (const { alertname, severity } of alerts) {
        const receivers = routesTest(COMMITTED, { alertname, [LABEL.severity]: severity });
        expect({ alertname, severity, receivers }).toEqual({
          alertname,
          severity,
          receivers: [
            ...(mitigated.has(alertname) ? [RECEIVER.mitigation] : []),
            paging.has(severity) ? RECEIVER.pager : RECEIVER.notify,
          ],
        });
      }
    });
  }
);

describe('hybridlens-slo alertmanager', () => {
  it('writes the configuration with the given webhook root and token file, and checks it', async () => {
    const out = join(tempDir(), 'am', 'alertmanager.yml');
    const run = await runSlo([
      'alertmanager',
      '--out',
      out,
      '--webhook-url',
      'https://orchestrator.internal:8443/',
      '--webhook-token-file',
      '/etc/alertmanager/admin-token',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`wrote ${out}`);
    const config = parse(readFileSync(out, 'utf8')) as {
      receivers: Array<{ name: string; webhook_configs?: Array<Record<string, unknown>> }>;
    };
    expect(config.receivers.find((r) => r.name === RECEIVER.mitigation)!.webhook_configs![0]).toEqual({
      url: `https://orchestrator.internal:8443${ADMIN_API_PATH.alertmanager}`,
      send_resolved: true,
      http_config: { authorization: { type: 'Bearer', credentials_file: '/etc/alertmanager/admin-token' } },
    });
    const again = await runSlo([
      'alertmanager',
      '--out',
      out,
      '--webhook-url',
      'https://orchestrator.internal:8443/',
      '--webhook-token-file',
      '/etc/alertmanager/admin-token',
    ]);
    expect(again.out).toContain('is already up to date');
  });

  describe('bad input', () => {
    it('refuses an unusable --out: a hand-written configuration is never overwritten', async () => {
      const dir = tempDir();
      const out = join(dir, 'alertmanager.yml');
      writeFileSync(out, 'route:\n  receiver: mine\nreceivers:\n  - name: mine\n');
      const before = snapshot(dir);
      const run = await runSlo(['alertmanager', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/alertmanager\.yml exists and was not written by hybridlens-slo/);
      expect(snapshot(dir)).toEqual(before);
    });

    it.each([
      ['not http(s)', 'file:///run/admin.sock', 2, /--webhook-url: .* must be an http:\/\/ or https:\/\/ URL/],
      ['with credentials', 'http://admin:secret@simulator:9464', 2, /credentials in the URL are not accepted/],
      ['with a query', 'http://simulator:9464/?token=x', 1, /webhook URL .*without a query/],
    ])('refuses a bad --webhook-url: %s', async (_case, url, code, message) => {
      const dir = tempDir();
      const run = await runSlo(['alertmanager', '--out', join(dir, 'am.yml'), '--webhook-url', url]);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(code);
      expect(snapshot(dir)).toEqual([]);
    });
  });
});
