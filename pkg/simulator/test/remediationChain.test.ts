/**
 * Automated remediation end to end, every part real and on 127.0.0.1: the simulator's CLI live with a
 * queue-saturation fault → the OS package's Prometheus scraping it with the provisioned rule files as they are →
 * the OS package's Alertmanager with the provisioned alertmanager.yml → the simulator's webhook applies the
 * mitigation → the telemetry (queried from Prometheus) shows it → the fault ends → the alert resolves → the
 * mitigation is restored.
 *
 * Timing, without touching a rule: the ops alerts' group evaluates every minute (its own `interval: 1m`, which the
 * global evaluation_interval does not override), and HybridQuantumBacklogCritical has no `for:`, so it fires at the
 * first evaluation that sees the saturated queue and resolves at the first one after the queue shrinks. What only
 * the test shortens: the scrape interval (1 s, in the test's own prometheus.yml, which loads the provisioned rule
 * files unchanged), the simulator's own hold-down (`--mitigation-hold 0s`, a CLI flag), and Alertmanager's
 * `group_wait` / `group_interval` (1 s). Those two are the one place where the issue's "flags, not a different
 * config" cannot hold: Alertmanager has no command-line flag for them, so chainConfig.ts edits them into a copy of
 * the provisioned alertmanager.yml, whose receivers, routes, matchers and credentials stay as provisioned. Prometheus loads the
 * rules with a reload after start-up: groups loaded at start-up write no ALERTS and notify nothing until their
 * second evaluation (Prometheus restoring `for` state first), which alone would add one to two minutes.
 * Measured: 178 s for the whole file on the shared 2-core machine at load average ~25 (the simulator took 20 s
 * to start there); the timeline is printed at the end of every run.
 *
 * The fault is a queue that builds up (intensity 2 for 10 s) and then saturates (intensity 8) on IBM, then clears.
 * The alert needs the queue over 50, growing over 10 minutes (`delta(...[10m]) > 0`) and the enqueue P95 over 1 s:
 * IBM's queue is over 50 by day even without a fault, and the P95 over 5 minutes stays high for minutes after it,
 * so what resolves the alert within the test is the queue falling below where it stood at the first scrape (the
 * build-up), i.e. `delta` turning negative, exactly as the rule means it: the backlog is no longer growing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_API_PATH,
  ALERT,
  ALERT_MITIGATION,
  ALERT_STATE,
  ALERTMANAGER_ACTOR_PREFIX,
  FEATURE_FLAG,
  LABEL,
  METRIC,
  MITIGATION_ALL_PROVIDERS,
  PROMETHEUS_ALERTS,
  QUANTUM_PHASE,
  selector,
  eq,
} from '@hybridlens/conventions';
import {
  ALERTMANAGER_BINARY,
  describeWithBinary,
  freePort,
  type RunningAlertmanager,
  type RunningPrometheus,
  startAlertmanager,
  startPrometheus,
} from '@hybridlens/testkit';
import type { AuditEntry } from '../src/auditLog';
import { DECISION_REASON } from '../src/orchestrator';
import { adminClient } from './helpers/adminClient';
import { alertmanagerConfigForTest, prometheusConfigForTest } from './helpers/chainConfig';
import { type LiveProcess, startLiveProcess } from './helpers/liveProcess';

const SECOND = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

const ALERTNAME = ALERT.quantumBacklogCritical;
const MITIGATION = ALERT_MITIGATION[ALERTNAME]!;
const PROVIDER = 'ibm';
const ACTOR = `${ALERTMANAGER_ACTOR_PREFIX}${ALERTNAME}`;
/** The build-up before the saturation: what the queue is compared with once the fault is over. */
const BUILD_UP_MS = 10 * SECOND;
/**
 * The saturation lasts past the worst case of the firing: the rule group evaluates once a minute, so up to a
 * minute after the queue crosses the threshold (about 10 s into the saturation); then Alertmanager, the webhook
 * and a few scrapes.
 */
const SATURATION_MS = 95 * SECOND;

const ibm = [eq(LABEL.provider, PROVIDER)];
/** The three inputs of the alert's expression, for the failure message. */
const ruleInputs = [
  `max by (backend) (${selector(METRIC.quantumQueueLength.name, ibm)})`,
  `max by (backend) (delta(${selector(METRIC.quantumQueueLength.name, ibm)}[10m]))`,
  `histogram_quantile(0.95, sum by (backend, le) (rate(${selector(`${METRIC.quantumJobDuration.name}_bucket`, [...ibm, eq(LABEL.phase, QUANTUM_PHASE.enqueue)])}[5m])))`,
];

/** Poll `probe` every half second until it returns a value; fail with `what` and `context()` at `deadline`. */
async function waitFor<T>(
  what: string,
  deadline: number,
  probe: () => Promise<T | undefined>,
  context: () => Promise<string>
): Promise<T> {
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}\n${await context()}`);
    }
    await sleep(500);
  }
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'automated remediation, the real chain', () =>
  describeWithBinary(
    ALERTMANAGER_BINARY,
    'apt-get install prometheus-alertmanager',
    'simulator → Prometheus (provisioned rules) → Alertmanager (provisioned routing) → webhook → telemetry',
    () => {
      let dir: string;
      let live: LiveProcess;
      let prometheus: RunningPrometheus;
      let alertmanager: RunningAlertmanager;
      let admin: ReturnType<typeof adminClient>;
      let testStart = 0;
      /** When the fault ends at the latest and at the earliest (the simulator's start-up is between). */
      let faultEnd = 0;
      let faultEndEarliest = 0;
      let applied: AuditEntry | undefined;
      let restored: AuditEntry | undefined;
      const timeline: string[] = [];
      const mark = (event: string) => timeline.push(`${((Date.now() - testStart) / SECOND).toFixed(1)} s ${event}`);

      const audit = async (): Promise<AuditEntry[]> =>
        ((await admin.get(`${ADMIN_API_PATH.audit}?limit=500`)).json.entries as AuditEntry[]) ?? [];
      const alertAudit = async (action: string) =>
        (await audit()).find((e) => e.actor === ACTOR && e.action === action && e.source === 'alertmanager');
      const flags = async () => (await admin.get(ADMIN_API_PATH.flags)).json.flags as string[];
      let lastInputsMark = 0;
      const ruleInputValues = async () => {
        const values: string[] = [];
        for (const expr of ruleInputs) {
          const data = await prometheus.query(expr);
          values.push(
            JSON.stringify(Object.fromEntries(data.result.map((r) => [r.metric[LABEL.backend], r.value?.[1]])))
          );
        }
        return values.join(' ');
      };
      const ruleState = async () => {
        const rules = (await (await fetch(`${prometheus.url}/api/v1/rules?type=alert`)).json()) as {
          data: {
            groups: Array<{
              lastEvaluation: string;
              evaluationTime: number;
              rules: Array<{ name: string; state: string; lastEvaluation: string; evaluationTime: number }>;
            }>;
          };
        };
        const group = rules.data.groups.find((g) => g.rules.some((r) => r.name === ALERTNAME));
        const rule = group?.rules.find((r) => r.name === ALERTNAME);
        const at = (iso?: string) => (iso ? ((Date.parse(iso) - testStart) / SECOND).toFixed(1) : '?');
        return `rule ${rule?.state}, evaluated at ${at(rule?.lastEvaluation)} s in ${rule?.evaluationTime} s (group at ${at(group?.lastEvaluation)} s in ${group?.evaluationTime} s)`;
      };
      /** What a failure needs to be understood: the run's timeline, the rule's state and inputs, the logs. */
      const context = async () => {
        const lines = ['timeline:', ...timeline];
        try {
          lines.push(await ruleState());
          lines.push(`${ruleInputs.join(', ')} = ${await ruleInputValues()}`);
        } catch (error) {
          lines.push(`(Prometheus not queried: ${(error as Error).message})`);
        }
        lines.push('alertmanager log (tail):', alertmanager?.log().slice(-3000) ?? '');
        lines.push('simulator stderr (tail):', live?.stderr().slice(-2000) ?? '');
        return lines.join('\n');
      };
      const forcedDecisions = selector(METRIC.orchestratorDecisions.name, [
        eq(LABEL.reason, DECISION_REASON.flagForceSimulator),
      ]);
      /** The contract's gauge of the mitigation the alert applies: one series while it is in force. */
      const mitigationGauge = selector(METRIC.mitigationApplied.name, [eq(LABEL.action, MITIGATION.firing)]);
      const scalarOrZero = async (expr: string) => {
        const data = await prometheus.query(`sum(${expr}) or vector(0)`);
        return Number(data.result[0]?.value?.[1] ?? 0);
      };

      beforeAll(async () => {
        testStart = Date.now();
        dir = mkdtempSync(join(tmpdir(), 'hl-chain-'));
        const tokenFile = join(dir, 'admin-token');
        const token = randomBytes(24).toString('hex');
        writeFileSync(tokenFile, token, { mode: 0o600 });

        const simulatorPort = await freePort();
        const am = alertmanagerConfigForTest({
          webhookRoot: `http://127.0.0.1:${simulatorPort}`,
          tokenFile,
          groupWait: '1s',
          groupInterval: '1s',
        });
        // Alertmanager and Prometheus first, so that Prometheus scrapes the simulator from its first second.
        alertmanager = await startAlertmanager({ config: am.text });
        const promConfig = (rules: boolean) =>
          prometheusConfigForTest({ simulatorPort, alertmanagerPort: alertmanager.port, rules });
        // The rules come with a reload, not at start-up: groups loaded at start-up hold back their alerts until
        // their second evaluation (Prometheus restoring `for` state), which would add a minute or two.
        prometheus = await startPrometheus({ config: promConfig(false) });
        await prometheus.reload(promConfig(true));
        mark('Alertmanager and Prometheus up');
        // Relative times count from the simulator's start-up: bounded by the spawn and the first answer.
        const scenario = join(dir, 'chain.yaml');
        writeFileSync(
          scenario,
          [
            'name: remediation chain',
            'faults:',
            `  - {kind: queue_saturation, provider: ${PROVIDER}, start: +0s, duration: ${BUILD_UP_MS / SECOND}s, intensity: 2}`,
            `  - {kind: queue_saturation, provider: ${PROVIDER}, start: +${BUILD_UP_MS / SECOND}s, duration: ${SATURATION_MS / SECOND}s, intensity: 8}`,
            '',
          ].join('\n')
        );
        const spawnedAt = Date.now();
        live = await startLiveProcess(
          [
            ...['--seed', '11', '--load', '50', '--scenario', scenario, '--admin-token-file', tokenFile],
            ...['--mitigation-hold', '0s', '--restore-on-resolve', ALERTNAME],
          ],
          simulatorPort
        );
        faultEndEarliest = spawnedAt + BUILD_UP_MS + SATURATION_MS;
        faultEnd = Date.now() + BUILD_UP_MS + SATURATION_MS;
        admin = adminClient(live.url, token);
        mark('simulator up');
      }, 60 * SECOND);

      afterAll(async () => {
        await live?.stop();
        await alertmanager?.stop();
        await prometheus?.stop();
        if (dir) {
          rmSync(dir, { recursive: true, force: true });
        }
        mark('stopped');
        // The measured run time of the chain (printed, never asserted: the machine is shared).
        console.log(`remediation chain timeline:\n${timeline.join('\n')}`);
      });

      it(
        'Prometheus fires the alert from the provisioned rules while the queue is saturated',
        async () => {
          const firing = selector(PROMETHEUS_ALERTS.series, [
            eq(PROMETHEUS_ALERTS.alertName, ALERTNAME),
            eq(PROMETHEUS_ALERTS.alertState, ALERT_STATE.firing),
            eq(LABEL.provider, PROVIDER),
          ]);
          await waitFor(
            `${ALERTNAME} firing in Prometheus`,
            faultEnd,
            async () => {
              if ((await prometheus.query(firing)).result.length > 0) {
                return true;
              }
              if (Date.now() - lastInputsMark >= 10 * SECOND) {
                lastInputsMark = Date.now();
                mark(`not firing yet: ${await ruleInputValues()} ${await ruleState()}`);
              }
              return undefined;
            },
            context
          );
          mark(`${ALERTNAME} firing in Prometheus`);
          expect(Date.now()).toBeLessThan(faultEnd);
        },
        200 * SECOND
      );

      it(
        'Alertmanager routes it to the webhook, which applies the mitigation with the token',
        async () => {
          applied = await waitFor(
            `the webhook applying ${MITIGATION.firing}`,
            // The alert fired before the fault ended; its notification may land just after.
            faultEnd + 20 * SECOND,
            () => alertAudit(MITIGATION.firing),
            context
          );
          mark(`webhook: ${MITIGATION.firing} ${applied.result}`);
          // Where the time went: the alert's series in Prometheus (pending, firing) and Alertmanager's view of it.
          const states = await prometheus.queryRange(
            selector(PROMETHEUS_ALERTS.series, [eq(PROMETHEUS_ALERTS.alertName, ALERTNAME)]),
            testStart / SECOND,
            Date.now() / SECOND,
            1
          );
          for (const series of states.result) {
            const first = series.values?.[0]?.[0];
            mark(
              `${series.metric[PROMETHEUS_ALERTS.alertState]} from ${first ? (first - testStart / SECOND).toFixed(1) : '?'} s`
            );
          }
          for (const a of await alertmanager.alerts()) {
            mark(
              `Alertmanager: ${a.labels[PROMETHEUS_ALERTS.alertName]} ${a.status.state} since ${((Date.parse(a.startsAt) - testStart) / SECOND).toFixed(1)} s`
            );
          }
          expect(applied).toEqual(expect.objectContaining({ result: 'applied', source: 'alertmanager' }));
          // The webhook's sender: Alertmanager holds the alert, active, with the rule's labels.
          expect(
            (await alertmanager.alerts()).filter(
              (a) => a.labels[PROMETHEUS_ALERTS.alertName] === ALERTNAME && a.labels[LABEL.provider] === PROVIDER
            )
          ).toEqual([expect.objectContaining({ status: expect.objectContaining({ state: 'active' }) })]);
          expect(await flags()).toContain(FEATURE_FLAG.forceSimulator);
          // Alertmanager authenticated: no request of the run was refused for its token.
          expect((await audit()).filter((e) => e.result === 'unauthorized')).toEqual([]);
        },
        200 * SECOND
      );

      it(
        'the telemetry shows the mitigation: QPU work forced to the simulator, counted in Prometheus',
        async () => {
          const forced = await waitFor(
            `${DECISION_REASON.flagForceSimulator} decisions in Prometheus`,
            faultEnd + 30 * SECOND,
            async () => {
              const n = await scalarOrZero(forcedDecisions);
              return n > 0 ? n : undefined;
            },
            context
          );
          mark(`${forced} ${DECISION_REASON.flagForceSimulator} decisions scraped`);
          const fallbacks = await scalarOrZero(
            selector(METRIC.fallbacks.name, [eq(LABEL.reason, DECISION_REASON.flagForceSimulator)])
          );
          expect(fallbacks).toBeGreaterThan(0);
          // Nothing forced before the webhook applied it.
          const before = await prometheus.query(
            `sum(${forcedDecisions}) or vector(0)`,
            (Date.parse(applied!.time) - 2 * SECOND) / SECOND
          );
          expect(Number(before.result[0]?.value?.[1] ?? 0)).toBe(0);
          // The mitigation is counted as in force: the gauge's one series, pipeline-wide, valued with the time it was
          // applied (the simulator's step after the webhook's audit entry, before this scrape).
          const gauge = (await prometheus.query(mitigationGauge)).result;
          expect(gauge.map((r) => r.metric[LABEL.provider])).toEqual([MITIGATION_ALL_PROVIDERS]);
          const appliedAt = Number(gauge[0]!.value![1]);
          expect(appliedAt).toBeGreaterThanOrEqual(Math.floor(Date.parse(applied!.time) / SECOND));
          expect(appliedAt).toBeLessThanOrEqual(Date.now() / SECOND);
          mark(`${METRIC.mitigationApplied.name} since ${((appliedAt * SECOND - testStart) / SECOND).toFixed(1)} s`);
        },
        200 * SECOND
      );

      it(
        'the fault ends, the alert resolves and the webhook restores the flags',
        async () => {
          // Resolution: the first rule evaluation after the queue drops (at most a minute), then Alertmanager.
          restored = await waitFor(
            `the webhook applying ${MITIGATION.resolved}`,
            faultEnd + 150 * SECOND,
            () => alertAudit(MITIGATION.resolved),
            context
          );
          mark(`webhook: ${MITIGATION.resolved} ${restored.result}`);
          expect(restored.result).toBe('restored');
          expect(Date.parse(restored.time)).toBeGreaterThan(faultEndEarliest);
          expect(await flags()).not.toContain(FEATURE_FLAG.forceSimulator);
        },
        200 * SECOND
      );

      it(
        'after the restore no more work is forced to the simulator',
        async () => {
          // Wait until Prometheus has scraped a few times after the restore, then compare two scrapes 5 s apart
          // while traffic keeps flowing.
          const restoredAt = Date.parse(restored!.time);
          await sleep(restoredAt + 3 * SECOND - Date.now());
          const t1 = Date.now() / SECOND;
          await sleep(5 * SECOND);
          const t2 = Date.now() / SECOND;
          const at = async (expr: string, t: number) =>
            Number((await prometheus.query(`sum(${expr}) or vector(0)`, t)).result[0]?.value?.[1] ?? 0);
          const all = METRIC.orchestratorDecisions.name;
          expect(await at(all, t2)).toBeGreaterThan(await at(all, t1));
          expect(await at(forcedDecisions, t2)).toBe(await at(forcedDecisions, t1));
          // The gauge's series is gone: telemetry no longer counts the mitigation as in force.
          expect((await prometheus.query(mitigationGauge, t2)).result).toEqual([]);
          mark('no forced decisions after the restore');
        },
        60 * SECOND
      );
    }
  )
);
