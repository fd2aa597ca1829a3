import { ADMIN_API_PATH, ALERT, ALERT_MITIGATION, type AlertName, MITIGATION_ACTION } from '@hybridlens/conventions';
import { activeFlagNames } from '../src/flags';
import { startLive } from '../src/live';
import { type AlertChange, MitigationState, type RemediationPolicy } from '../src/mitigationState';
import { adminClient, webhook } from './helpers/adminClient';

const MIN = 60_000;
const policy: RemediationPolicy = {
  restoreOnResolve: new Set<AlertName>([ALERT.quantumBacklogCritical, ALERT.providerRateLimited]),
  minHoldMs: 5 * MIN,
  maxChangesPerMinute: 30,
};

function alert(alertname: AlertName, status: 'firing' | 'resolved', provider?: string): AlertChange {
  const m = ALERT_MITIGATION[alertname]!;
  return { alertname, status, action: m.firing, undo: m.resolved, ...(provider ? { provider } : {}) };
}

/** Plan and apply a batch at `now`; the results. */
function send(state: MitigationState, now: number, ...alerts: AlertChange[]) {
  const plan = state.planAlerts(alerts, now);
  state.commitAlerts(plan, now);
  return plan.results;
}

describe('automated remediation', () => {
  it('a repeated firing alert never stacks: one hold, the same flags', () => {
    const state = new MitigationState(policy);
    expect(send(state, 0, alert(ALERT.providerRateLimited, 'firing', 'ibm'))).toEqual(['applied']);
    const flags = activeFlagNames(state.flags);
    for (let i = 1; i <= 5; i++) {
      expect(send(state, i * MIN, alert(ALERT.providerRateLimited, 'firing', 'ibm'))).toEqual(['unchanged']);
    }
    expect(activeFlagNames(state.flags)).toEqual(flags);
    expect(state.activeHolds).toHaveLength(1);
    expect(flags).toEqual(['shot_reduction:4']);
  });

  it('restores on resolve only for the alerts the policy names', () => {
    const state = new MitigationState(policy);
    send(
      state,
      0,
      alert(ALERT.quantumBacklogCritical, 'firing', 'ibm'),
      alert(ALERT.quantumHardwareFailures, 'firing', 'braket')
    );
    expect(activeFlagNames(state.flags)).toEqual(['force_simulator', 'disable_provider:braket']);
    expect(
      send(
        state,
        10 * MIN,
        alert(ALERT.quantumBacklogCritical, 'resolved', 'ibm'),
        alert(ALERT.quantumHardwareFailures, 'resolved', 'braket')
      )
    ).toEqual(['restored', 'kept']);
    expect(activeFlagNames(state.flags)).toEqual(['disable_provider:braket']);
  });

  it('restores the previous setting, not a default: a human’s own setting survives the alert', () => {
    const state = new MitigationState(policy);
    state.applyManual(MITIGATION_ACTION.reduceShots, undefined, 10);
    send(state, 0, alert(ALERT.providerRateLimited, 'firing', 'ibm'));
    expect(activeFlagNames(state.flags)).toEqual(['shot_reduction:10']);
    send(state, 10 * MIN, alert(ALERT.providerRateLimited, 'resolved', 'ibm'));
    expect(activeFlagNames(state.flags)).toEqual(['shot_reduction:10']);
  });

  it('one alert resolving keeps the mitigation another alert still holds', () => {
    const state = new MitigationState(policy);
    send(
      state,
      0,
      alert(ALERT.quantumBacklogCritical, 'firing', 'ibm'),
      alert(ALERT.quantumBacklogCritical, 'firing', 'braket')
    );
    send(state, 10 * MIN, alert(ALERT.quantumBacklogCritical, 'resolved', 'ibm'));
    expect(activeFlagNames(state.flags)).toEqual(['force_simulator']);
    send(state, 11 * MIN, alert(ALERT.quantumBacklogCritical, 'resolved', 'braket'));
    expect(activeFlagNames(state.flags)).toEqual([]);
  });

  it('a flapping alert does not toggle the flags: resolved during the hold-down, released at its end', () => {
    const state = new MitigationState(policy);
    send(state, 0, alert(ALERT.quantumBacklogCritical, 'firing', 'ibm'));
    expect(send(state, 1 * MIN, alert(ALERT.quantumBacklogCritical, 'resolved', 'ibm'))).toEqual(['scheduled']);
    expect(state.flags.forceSimulator).toBe(true);
    // Fires again before the hold-down ends: the hold continues, nothing is released.
    expect(send(state, 2 * MIN, alert(ALERT.quantumBacklogCritical, 'firing', 'ibm'))).toEqual(['unchanged']);
    expect(state.releaseDue(6 * MIN)).toEqual([]);
    expect(send(state, 7 * MIN, alert(ALERT.quantumBacklogCritical, 'resolved', 'ibm'))).toEqual(['restored']);
    expect(state.flags.forceSimulator).toBe(false);
    send(state, 8 * MIN, alert(ALERT.quantumBacklogCritical, 'firing', 'ibm'));
    send(state, 9 * MIN, alert(ALERT.quantumBacklogCritical, 'resolved', 'ibm'));
    expect(state.releaseDue(12 * MIN)).toEqual([]);
    expect(state.releaseDue(13 * MIN).map((h) => h.alertname)).toEqual([ALERT.quantumBacklogCritical]);
    expect(state.flags.forceSimulator).toBe(false);
  });

  it('a human’s release drops the alert holds of that setting', () => {
    const state = new MitigationState(policy);
    send(state, 0, alert(ALERT.quantumHardwareFailures, 'firing', 'ibm'));
    expect(state.applyManual(MITIGATION_ACTION.enableProvider, 'ibm')).toBe('applied');
    expect(state.activeHolds).toEqual([]);
    expect(state.flags.disabledProviders.size).toBe(0);
  });

  it('a resolved alert with nothing held changes nothing', () => {
    const state = new MitigationState(policy);
    expect(send(state, 0, alert(ALERT.llmHallucinationRate, 'resolved'))).toEqual(['unchanged']);
    expect(activeFlagNames(state.flags)).toEqual([]);
  });

  it('rate-limits alert-driven changes: a batch over the limit is refused whole with 503 and Retry-After', async () => {
    const live = await startLive({
      port: 0,
      scenario: { faults: [] },
      logSink: () => undefined,
      remediation: { ...policy, maxChangesPerMinute: 2 },
    });
    try {
      const admin = adminClient(live.url);
      const backlog = (provider: string) => ({
        status: 'firing' as const,
        labels: { alertname: ALERT.quantumBacklogCritical, provider },
      });
      expect((await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('ibm')]))).status).toBe(200);
      const over = await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('braket'), backlog('azure')]));
      expect(over.status).toBe(503);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await admin.get(ADMIN_API_PATH.flags)).json.holds).toHaveLength(1);
      // A repeat of what is already held is not a change: still accepted.
      expect((await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('ibm')]))).status).toBe(200);
      const audit = (await admin.get(ADMIN_API_PATH.audit)).json.entries as Array<{
        result: string;
        provider?: string;
      }>;
      expect(audit.filter((e) => e.result === 'rate_limited').map((e) => e.provider)).toEqual(['azure', 'braket']);
    } finally {
      await live.stop();
    }
  });
});
