import {
  ADMIN_API_PATH,
  ALERT,
  ALERTMANAGER_ACTOR_PREFIX,
  LABEL,
  LOG_FIELD,
  METRIC,
  MITIGATION_ACTION,
  MITIGATION_LOG_EVENT,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  REQUEST_ATTR,
  SPAN,
} from '@hybridlens/conventions';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySpanExporter, type ReadableSpan } from '@hybridlens/instrument';
import { DECISION_REASON } from '../src';
import { type LiveSimulator, startLive } from '../src/live';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(
  live: LiveSimulator,
  path: string,
  body: unknown
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${live.url}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Sum of a counter in the live /metrics exposition over the series matching every given label. */
async function counter(live: LiveSimulator, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${live.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

describe('admin API (the orchestrator feature flags)', () => {
  let live: LiveSimulator;
  const exporter = new InMemorySpanExporter();
  const calibrationDir = mkdtempSync(join(tmpdir(), 'hl-sim-livecal-'));
  const logs: Array<Record<string, unknown>> = [];
  /** Spans of the requests that arrived (and so were decided) after `from`: live requests end at their arrival. */
  const spansSince = (from: number): ReadableSpan[] => {
    const spans = exporter.getFinishedSpans();
    const traces = new Set(
      spans
        .filter((s) => s.name === SPAN.ingress && s.endTime[0] * 1000 + s.endTime[1] / 1e6 >= from)
        .map((s) => s.spanContext().traceId)
    );
    return spans.filter((s) => traces.has(s.spanContext().traceId));
  };

  beforeAll(async () => {
    live = await startLive({
      port: 0,
      seed: 3,
      tickMillis: 100,
      // Plenty of requests at any hour of the (real) day: the diurnal curve drops to a quarter at night.
      loadFactor: 1000,
      traceExporter: exporter,
      logSink: (line) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
      scenario: { faults: [] },
      calibrationDir,
    });
    await sleep(1000);
  });

  afterAll(async () => {
    await live.stop();
    rmSync(calibrationDir, { recursive: true, force: true });
  });

  it('keeps calibration snapshots for the calibration exporter', () => {
    for (const file of ['ibm/props_ibm_sherbrooke.json', 'braket/iqm_garnet.json', 'google/rainbow_calibration.json']) {
      expect(existsSync(join(calibrationDir, file))).toBe(true);
    }
  });

  it('forces the simulator: decisions say so and no request reaches a QPU', async () => {
    const { status, json } = await post(live, ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.forceSimulator,
      actor: 'alice',
    });
    expect(status).toBe(200);
    expect(json.flags).toEqual(['force_simulator']);
    const qpuBefore = await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.path]: 'qpu' });
    await sleep(1500);
    expect(
      await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.reason]: DECISION_REASON.flagForceSimulator })
    ).toBeGreaterThan(0);
    expect(await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.path]: 'qpu' })).toBe(qpuBefore);
    expect(
      await counter(live, METRIC.fallbacks.name, { [LABEL.reason]: DECISION_REASON.flagForceSimulator })
    ).toBeGreaterThan(0);
    await post(live, ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.releaseSimulator, actor: 'alice' });
  });

  it('reduces shots: QPU jobs carry the original shot count and the responses are degraded', async () => {
    const from = Date.now();
    expect(
      (await post(live, ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.reduceShots, factor: 8, actor: 'bob' }))
        .json.flags
    ).toEqual(['shot_reduction:8']);
    await sleep(1500);
    await live.telemetry.flush();
    const reduced = spansSince(from).filter(
      (s) => s.name === SPAN.quantumExecute && s.attributes[QUANTUM_ATTR.shotsRequestedOriginal.key] !== undefined
    );
    expect(reduced.length).toBeGreaterThan(0);
    for (const span of reduced) {
      expect(Number(span.attributes[QUANTUM_ATTR.shots.key])).toBeLessThan(
        Number(span.attributes[QUANTUM_ATTR.shotsRequestedOriginal.key])
      );
    }
    const traceIds = new Set(reduced.map((s) => s.spanContext().traceId));
    const ingress = spansSince(from).filter((s) => s.name === SPAN.ingress && traceIds.has(s.spanContext().traceId));
    expect(ingress.length).toBeGreaterThan(0);
    expect(ingress.every((s) => s.attributes[REQUEST_ATTR.degraded.key] === true)).toBe(true);
    await post(live, ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.restoreShots, actor: 'bob' });
  });

  it('disables a provider: the orchestrator stops choosing it', async () => {
    await post(live, ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.disableProvider,
      provider: 'ibm',
      actor: 'carol',
    });
    const from = Date.now() + 150;
    await sleep(1500);
    await live.telemetry.flush();
    const decisions = spansSince(from).filter(
      (s) => s.name === SPAN.orchestrator && s.attributes[ORCHESTRATOR_ATTR.path.key] === 'qpu'
    );
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.filter((s) => s.attributes[ORCHESTRATOR_ATTR.provider.key] === 'ibm')).toEqual([]);
    expect(
      decisions.every((s) =>
        (s.attributes[ORCHESTRATOR_ATTR.inputFlags.key] as string[]).includes('disable_provider:ibm')
      )
    ).toBe(true);
    await post(live, ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.enableProvider,
      provider: 'ibm',
      actor: 'carol',
    });
  });

  it('maps Alertmanager alerts to mitigations and undoes them when resolved', async () => {
    const payload = (status: 'firing' | 'resolved') => ({
      version: '4',
      status,
      receiver: 'hybridlens',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      alerts: [
        {
          status,
          labels: { alertname: ALERT.quantumBacklogCritical, provider: 'ibm', backend: 'ibm_sherbrooke' },
          annotations: {},
          startsAt: '2026-11-26T00:00:00Z',
        },
        { status, labels: { alertname: ALERT.sloBurnRate }, annotations: {}, startsAt: '2026-11-26T00:00:00Z' },
      ],
    });
    const firing = await post(live, ADMIN_API_PATH.alertmanager, payload('firing'));
    expect(firing.status).toBe(200);
    expect(firing.json.applied).toEqual([
      { alertname: ALERT.quantumBacklogCritical, action: MITIGATION_ACTION.forceSimulator },
    ]);
    expect(firing.json.ignored).toEqual([
      { alertname: ALERT.sloBurnRate, reason: expect.stringMatching(/no mitigation/) },
    ]);
    expect(firing.json.flags).toEqual(['force_simulator']);
    const resolved = await post(live, ADMIN_API_PATH.alertmanager, payload('resolved'));
    expect(resolved.json.flags).toEqual([]);
  });

  it('audits every action as a log line with action and actor', () => {
    const audit = logs.filter((l) => l.event === MITIGATION_LOG_EVENT.applied);
    expect(audit.map((l) => [l[LOG_FIELD.action], l[LOG_FIELD.actor]])).toEqual([
      [MITIGATION_ACTION.forceSimulator, 'alice'],
      [MITIGATION_ACTION.releaseSimulator, 'alice'],
      [MITIGATION_ACTION.reduceShots, 'bob'],
      [MITIGATION_ACTION.restoreShots, 'bob'],
      [MITIGATION_ACTION.disableProvider, 'carol'],
      [MITIGATION_ACTION.enableProvider, 'carol'],
      [MITIGATION_ACTION.forceSimulator, `${ALERTMANAGER_ACTOR_PREFIX}${ALERT.quantumBacklogCritical}`],
      [MITIGATION_ACTION.releaseSimulator, `${ALERTMANAGER_ACTOR_PREFIX}${ALERT.quantumBacklogCritical}`],
    ]);
  });

  it.each([
    ['an unknown action', ADMIN_API_PATH.actions, { action: 'reboot_qpu', actor: 'eve' }, 'action'],
    ['no actor', ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.forceSimulator }, 'actor'],
    [
      'an unknown provider',
      ADMIN_API_PATH.actions,
      { action: MITIGATION_ACTION.disableProvider, provider: 'dwave', actor: 'eve' },
      'provider',
    ],
    [
      'a shot factor out of range',
      ADMIN_API_PATH.actions,
      { action: MITIGATION_ACTION.reduceShots, factor: 0.5, actor: 'eve' },
      'factor',
    ],
    ['invalid JSON', ADMIN_API_PATH.actions, '{"action": ', '(body)'],
    ['an old webhook version', ADMIN_API_PATH.alertmanager, { version: '3', alerts: [] }, 'version'],
    [
      'an alert without a name',
      ADMIN_API_PATH.alertmanager,
      { version: '4', alerts: [{ status: 'firing', labels: {} }] },
      'alerts[0].labels.alertname',
    ],
  ])('refuses %s with HTTP 400 naming the field', async (_what, path, body, field) => {
    const { status, json } = await post(live, path, body);
    expect(status).toBe(400);
    expect(json.field).toBe(field);
    expect(String(json.error)).toContain(field);
    expect(logs.some((l) => l.event === MITIGATION_LOG_EVENT.rejected && String(l.message).includes(field))).toBe(true);
  });
});
