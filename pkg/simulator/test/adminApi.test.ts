import {
  ADMIN_API_PATH,
  ALERT,
  ALERTMANAGER_ACTOR_PREFIX,
  GEN_AI_ATTR,
  LABEL,
  LOG_FIELD,
  METRIC,
  MITIGATION_ACTION,
  MITIGATION_ALL_PROVIDERS,
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
import { adminClient, webhook } from './helpers/adminClient';
import { busyTopology } from './helpers/busyTopology';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TOKEN = 'test-token-0123456789abcdef';

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
  let admin: ReturnType<typeof adminClient>;
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
      topology: busyTopology(1000),
      traceExporter: exporter,
      logSink: (line) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
      scenario: { faults: [] },
      calibrationDir,
      adminToken: TOKEN,
      remediation: {
        restoreOnResolve: new Set([ALERT.quantumBacklogCritical]),
        minHoldMs: 0,
        maxChangesPerMinute: 1000,
      },
    });
    admin = adminClient(live.url, TOKEN);
    await sleep(1000);
  });

  afterAll(async () => {
    await live.stop();
    rmSync(calibrationDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(live.host).toBe('127.0.0.1');
  });

  it('keeps calibration snapshots for the calibration exporter', () => {
    for (const file of ['ibm/props_ibm_sherbrooke.json', 'braket/iqm_garnet.json', 'google/rainbow_calibration.json']) {
      expect(existsSync(join(calibrationDir, file))).toBe(true);
    }
  });

  it('serves /metrics without the token (Prometheus scrapes it) but no admin path', async () => {
    expect((await fetch(`${live.url}/metrics`)).status).toBe(200);
    const open = adminClient(live.url);
    for (const path of [ADMIN_API_PATH.flags, ADMIN_API_PATH.audit]) {
      const res = await open.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
    expect((await admin.get(ADMIN_API_PATH.flags)).status).toBe(200);
  });

  it('forces the simulator: decisions say so and no request reaches a QPU', async () => {
    const { status, json } = await admin.post(ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.forceSimulator,
      actor: 'alice',
    });
    expect(status).toBe(200);
    expect(json).toEqual({ result: 'applied', flags: ['force_simulator'] });
    const qpuBefore = await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.path]: 'qpu' });
    await sleep(1500);
    expect(
      await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.reason]: DECISION_REASON.flagForceSimulator })
    ).toBeGreaterThan(0);
    expect(await counter(live, METRIC.orchestratorDecisions.name, { [LABEL.path]: 'qpu' })).toBe(qpuBefore);
    expect(
      await counter(live, METRIC.fallbacks.name, { [LABEL.reason]: DECISION_REASON.flagForceSimulator })
    ).toBeGreaterThan(0);
    // Asking again changes nothing and says so.
    expect(
      (await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.forceSimulator, actor: 'alice' })).json
        .result
    ).toBe('unchanged');
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.releaseSimulator, actor: 'alice' });
  });

  it('exposes each mitigation in force with the time it was applied, and drops the series once lifted', async () => {
    const series = async () =>
      (await (await fetch(`${live.url}/metrics`)).text())
        .split('\n')
        .filter((l) => l.startsWith(`${METRIC.mitigationApplied.name}{`));
    const waitFor = async (done: (lines: string[]) => boolean): Promise<string[]> => {
      for (;;) {
        const lines = await series();
        if (done(lines)) {
          return lines;
        }
        await sleep(100);
      }
    };
    // The engine publishes the flags each step: the previous test's release shows at the next one.
    expect(await waitFor((lines) => lines.length === 0)).toEqual([]);
    const before = Date.now();
    await admin.post(ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.disableProvider,
      provider: 'ibm',
      actor: 'cy',
    });
    const [line] = await waitFor((lines) => lines.length > 0);
    const after = Date.now();
    expect(line).toContain(`${LABEL.action}="${MITIGATION_ACTION.disableProvider}"`);
    expect(line).toContain(`${LABEL.provider}="ibm"`);
    const since = Number(line!.split(' ').pop()) * 1000;
    expect(since).toBeGreaterThanOrEqual(before);
    expect(since).toBeLessThanOrEqual(after);
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.forceSimulator, actor: 'cy' });
    const both = await waitFor((lines) => lines.length === 2);
    expect(both.find((l) => l.includes(`${LABEL.provider}="ibm"`))).toBe(line);
    expect(both.find((l) => l.includes(MITIGATION_ACTION.forceSimulator))).toContain(
      `${LABEL.provider}="${MITIGATION_ALL_PROVIDERS}"`
    );
    await admin.post(ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.enableProvider,
      provider: 'ibm',
      actor: 'cy',
    });
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.releaseSimulator, actor: 'cy' });
    expect(await waitFor((lines) => lines.length === 0)).toEqual([]);
  });

  it('reduces shots: QPU jobs carry the original shot count and the responses are degraded', async () => {
    const from = Date.now();
    expect(
      (await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.reduceShots, factor: 8, actor: 'bob' }))
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
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.restoreShots, actor: 'bob' });
  });

  it('disables a provider: the orchestrator stops choosing it', async () => {
    await admin.post(ADMIN_API_PATH.actions, {
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
    await admin.post(ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.enableProvider,
      provider: 'ibm',
      actor: 'carol',
    });
  });

  it('deterministic decoding: LLM calls run at temperature 0 until restored', async () => {
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.deterministicDecoding, actor: 'dave' });
    const from = Date.now() + 150;
    await sleep(1200);
    await live.telemetry.flush();
    const llm = spansSince(from).filter((s) => s.name === SPAN.llm);
    expect(llm.length).toBeGreaterThan(0);
    expect(new Set(llm.map((s) => s.attributes[GEN_AI_ATTR.requestTemperature.key]))).toEqual(new Set([0]));
    await admin.post(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.restoreDecoding, actor: 'dave' });
    const after = Date.now() + 150;
    await sleep(1200);
    await live.telemetry.flush();
    const temperatures = spansSince(after)
      .filter((s) => s.name === SPAN.llm)
      .map((s) => s.attributes[GEN_AI_ATTR.requestTemperature.key]);
    expect(temperatures.length).toBeGreaterThan(0);
    expect(temperatures.every((t) => Number(t) > 0)).toBe(true);
  });

  it('maps Alertmanager alerts to mitigations, never stacks a repeated one, undoes it when resolved', async () => {
    const backlog = (status: 'firing' | 'resolved') => ({
      status,
      labels: { alertname: ALERT.quantumBacklogCritical, provider: 'ibm', backend: 'ibm_sherbrooke' },
    });
    const burn = { status: 'firing' as const, labels: { alertname: ALERT.sloBurnRate } };
    const firing = await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('firing'), burn]));
    expect(firing.status).toBe(200);
    expect(firing.json.alerts).toEqual([
      {
        alertname: ALERT.quantumBacklogCritical,
        status: 'firing',
        result: 'applied',
        action: MITIGATION_ACTION.forceSimulator,
        provider: 'ibm',
      },
      {
        alertname: ALERT.sloBurnRate,
        status: 'firing',
        result: 'ignored',
        reason: expect.stringMatching(/no mitigation/),
      },
    ]);
    expect(firing.json.flags).toEqual(['force_simulator']);
    const again = await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('firing')]));
    expect((again.json.alerts as Array<{ result: string }>)[0]!.result).toBe('unchanged');
    expect((await admin.get(ADMIN_API_PATH.flags)).json.holds).toHaveLength(1);
    const resolved = await admin.post(ADMIN_API_PATH.alertmanager, webhook([backlog('resolved')]));
    expect((resolved.json.alerts as Array<{ result: string }>)[0]!.result).toBe('restored');
    expect(resolved.json.flags).toEqual([]);
  });

  it('keeps a mitigation whose alert the policy does not restore, until a human releases it', async () => {
    const hw = (status: 'firing' | 'resolved') => ({
      status,
      labels: { alertname: ALERT.quantumHardwareFailures, provider: 'braket', backend: 'Garnet' },
    });
    await admin.post(ADMIN_API_PATH.alertmanager, webhook([hw('firing')]));
    const resolved = await admin.post(ADMIN_API_PATH.alertmanager, webhook([hw('resolved')]));
    expect((resolved.json.alerts as Array<{ result: string }>)[0]!.result).toBe('kept');
    expect(resolved.json.flags).toEqual(['disable_provider:braket']);
    const released = await admin.post(ADMIN_API_PATH.actions, {
      action: MITIGATION_ACTION.enableProvider,
      provider: 'braket',
      actor: 'erin',
    });
    expect(released.json).toEqual({ result: 'applied', flags: [] });
  });

  it('audits every request (who, what, when, result), newest first, as entries and log lines', async () => {
    const { json } = await admin.get(`${ADMIN_API_PATH.audit}?limit=5`);
    const entries = json.entries as Array<Record<string, string>>;
    expect(entries).toHaveLength(5);
    expect(entries[0]).toMatchObject({ actor: 'erin', action: MITIGATION_ACTION.enableProvider, result: 'applied' });
    const times = entries.map((e) => Date.parse(e.time!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = (await admin.get(`${ADMIN_API_PATH.audit}?limit=500`)).json.entries as Array<Record<string, string>>;
    expect(all.map((e) => [e.actor, e.action, e.result]).reverse()).toEqual(
      expect.arrayContaining([
        ['unknown', ADMIN_API_PATH.flags, 'unauthorized'],
        ['alice', MITIGATION_ACTION.forceSimulator, 'applied'],
        ['alice', MITIGATION_ACTION.forceSimulator, 'unchanged'],
        [`${ALERTMANAGER_ACTOR_PREFIX}${ALERT.quantumBacklogCritical}`, MITIGATION_ACTION.forceSimulator, 'applied'],
        [`${ALERTMANAGER_ACTOR_PREFIX}${ALERT.quantumBacklogCritical}`, MITIGATION_ACTION.releaseSimulator, 'restored'],
        [`${ALERTMANAGER_ACTOR_PREFIX}${ALERT.quantumHardwareFailures}`, MITIGATION_ACTION.enableProvider, 'kept'],
      ])
    );
    const applied = logs.filter((l) => l.event === MITIGATION_LOG_EVENT.applied);
    expect(applied.map((l) => [l[LOG_FIELD.action], l[LOG_FIELD.actor]])).toEqual(
      expect.arrayContaining([
        [MITIGATION_ACTION.forceSimulator, 'alice'],
        [MITIGATION_ACTION.reduceShots, 'bob'],
        [MITIGATION_ACTION.deterministicDecoding, 'dave'],
      ])
    );
    // The token never reaches a log line.
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });
});
