import '../../testing/jsdomPolyfills';
import type { Server } from 'node:http';
import { ADMIN_API_PATH, ALERTMANAGER_ACTOR_PREFIX, MITIGATION_ACTION } from '@hybridlens/conventions';
import { adminClient } from './adminApi';
import { AdminStatus } from './adminStatus';
import { type Answer, json, nodeFetch, serve } from './adminTestServer';
import { activeMitigations, adminErrorText, planAction } from './mitigations';

/**
 * An admin API with state, on a real HTTP server: actions change the flags and append to the audit, as the
 * simulator's does; the test can make any route fail instead.
 */
async function statefulAdmin(fail: Partial<Record<string, Answer>> = {}) {
  const flags: string[] = ['force_simulator'];
  const audit: Array<Record<string, string>> = [
    { time: '2026-12-01T09:00:00.000Z', actor: 'ana', action: 'force_simulator', result: 'applied', source: 'api' },
  ];
  const { base, server, seen } = await serve({
    [ADMIN_API_PATH.flags]: fail.flags ?? json(200, { flags, holds: [], faults: [] }),
    [ADMIN_API_PATH.audit]: fail.audit ?? json(200, { entries: audit }),
    [ADMIN_API_PATH.actions]:
      fail.actions ??
      ((res, req) => {
        const body = JSON.parse(req.body) as { action: string; provider?: string; actor: string };
        const flag = body.provider ? `${body.action}:${body.provider}` : body.action;
        const result = flags.includes(flag) ? 'unchanged' : 'applied';
        if (result === 'applied') {
          flags.push(flag);
        }
        audit.unshift({ time: new Date().toISOString(), ...body, result, source: 'api' });
        json(200, { result, flags })(res, req);
      }),
  });
  return { base, server, seen, flags, audit };
}

describe('mitigation actions against a real HTTP admin API', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers) {
      s.closeAllConnections();
    }
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  });

  it('an action is posted with the actor and scope, then the banner state and audit are read again', async () => {
    const admin = await statefulAdmin();
    servers.push(admin.server);
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    await status.load();
    expect(status.state.view?.flags).toEqual(['force_simulator']);

    const plan = planAction(MITIGATION_ACTION.disableProvider, { provider: 'ibm', backend: 'ibm_torino' }, 'editor');
    expect(plan).toMatchObject({ ok: true, request: { action: 'disable_provider', provider: 'ibm', actor: 'editor' } });
    const outcome = await status.run(plan.ok ? plan.request : (undefined as never));
    expect(outcome).toEqual({
      ok: true,
      value: { result: 'applied', flags: ['force_simulator', 'disable_provider:ibm'] },
    });
    expect(admin.seen.filter((s) => s.startsWith('POST'))).toEqual([
      `POST ${ADMIN_API_PATH.actions} {"action":"disable_provider","provider":"ibm","actor":"editor"}`,
    ]);
    // Read again after the action: the new flag and its audit line are what the page now shows.
    expect(status.state.view?.flags).toEqual(['force_simulator', 'disable_provider:ibm']);
    expect(status.state.audit?.[0]).toMatchObject({ actor: 'editor', action: 'disable_provider', provider: 'ibm' });
    const active = activeMitigations(status.state.view!, status.state.audit!);
    expect(active.find((a) => a.flag === 'disable_provider:ibm')).toMatchObject({ by: 'editor' });
    expect(active.find((a) => a.flag === 'force_simulator')).toEqual({
      flag: 'force_simulator',
      since: '2026-12-01T09:00:00.000Z',
      by: 'ana',
    });

    // The same action again changes nothing, and says so.
    expect(await status.run(plan.ok ? plan.request : (undefined as never))).toMatchObject({
      ok: true,
      value: { result: 'unchanged' },
    });
  });

  it.each<[string, Answer | 'closed', RegExp, 'no' | 'unknown']>([
    ['refused', 'closed', /could not be reached/, 'no'],
    ['timeout', () => undefined, /did not answer in time/, 'unknown'],
    ['http', json(500, { error: 'state file unwritable' }), /HTTP 500.*state file unwritable/, 'unknown'],
    ['http', json(502, { message: 'Bad Gateway' }), /not reachable from Grafana \(HTTP 502\)/, 'unknown'],
    ['http', json(409, { error: 'provider unknown' }), /refused the request \(HTTP 409\)/, 'no'],
    ['denied', json(403, { message: 'plugin proxy route access denied' }), /Editors and Admins/, 'no'],
    [
      'malformed',
      (res) => res.writeHead(200).end('<html>proxy error</html>'),
      /unexpected: the answer is not JSON/,
      'unknown',
    ],
    ['malformed', json(200, { result: 'applied', flags: 'force_simulator' }), /not a list of strings/, 'unknown'],
  ])(
    'a failed action (%s) says why; only one that may have run reads the state again',
    async (kind, answer, text, applied) => {
      const admin = await statefulAdmin(answer === 'closed' ? {} : { actions: answer });
      servers.push(admin.server);
      const status = new AdminStatus(adminClient(admin.base, nodeFetch, 300));
      await status.load();
      const before = { view: status.state.view, audit: status.state.audit, loadError: status.state.loadError };
      if (answer === 'closed') {
        admin.server.closeAllConnections();
        await new Promise((r) => admin.server.close(r));
        servers = [];
      }
      const reads = admin.seen.length;
      const outcome = await status.run({ action: MITIGATION_ACTION.reduceShots, actor: 'editor' });
      expect(outcome).toMatchObject({ ok: false, applied, error: { kind } });
      if (!outcome.ok) {
        expect(adminErrorText(outcome.error)).toMatch(text);
      }
      if (applied === 'no') {
        // The API did not act: nothing read again, nothing shown differently.
        expect(admin.seen.length).toBe(answer === 'closed' ? reads : reads + 1);
      } else {
        // It may have: flags and audit are read again, and the outcome carries what the API reports now.
        expect(
          admin.seen
            .slice(reads)
            .map((s) => s.split(' ')[1])
            .sort()
        ).toEqual([ADMIN_API_PATH.actions, ADMIN_API_PATH.audit, ADMIN_API_PATH.flags].sort());
        expect(outcome).toMatchObject({ now: { flags: admin.flags } });
      }
      expect({ view: status.state.view, audit: status.state.audit, loadError: status.state.loadError }).toEqual(before);
    }
  );

  it('a failed read keeps what was shown and reports the error', async () => {
    let broken = false;
    const admin = await statefulAdmin({
      flags: (res, req) =>
        broken
          ? json(500, { error: 'boom' })(res, req)
          : json(200, { flags: ['force_simulator'], holds: [] })(res, req),
    });
    servers.push(admin.server);
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    await status.load();
    const view = status.state.view;
    broken = true;
    await status.load();
    expect(status.state.view).toBe(view);
    expect(status.state.loadError).toMatchObject({ kind: 'http', status: 500 });
  });

  it('a Viewer never calls the admin API', async () => {
    const admin = await statefulAdmin();
    servers.push(admin.server);
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000), 'viewer');
    await status.load();
    expect(admin.seen).toEqual([]);
    expect(status.state.view).toBeUndefined();
  });
});

describe('planAction', () => {
  it('provider actions need one provider; the others apply everywhere and the scope says so', () => {
    expect(planAction(MITIGATION_ACTION.disableProvider, {}, 'a')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('one provider'),
    });
    const global = planAction(MITIGATION_ACTION.reduceShots, { provider: 'ibm', model: 'gpt' }, 'a');
    expect(global).toMatchObject({ ok: true, request: { action: 'reduce_shots', actor: 'a' } });
    expect(global.ok && 'provider' in global.request).toBe(false);
    // The provider by its name (the request keeps its id); models have no other name.
    expect(global.ok && global.scope).toMatch(/whole pipeline.*not only provider IBM Quantum, model gpt/);
    expect(planAction(MITIGATION_ACTION.enableProvider, { provider: 'ibm' }, 'a')).toMatchObject({
      ok: true,
      request: { provider: 'ibm' },
      scope: 'provider IBM Quantum',
    });
    expect(planAction(MITIGATION_ACTION.enableProvider, { provider: 'quantinuum' }, 'a')).toMatchObject({
      scope: 'provider quantinuum',
    });
  });
});

describe('activeMitigations', () => {
  it("takes an alert hold's since, else the newest applied audit entry for that flag, else none", () => {
    const active = activeMitigations(
      {
        flags: ['force_simulator', 'shot_reduction:4', 'disable_provider:ibm', 'deterministic_decoding'],
        holds: [{ alertname: 'QuantumBacklogCritical', action: 'force_simulator', since: '2026-12-01T10:00:00Z' }],
      },
      [
        { time: '2026-12-01T11:00:00Z', actor: 'bo', action: 'reduce_shots', result: 'unchanged' },
        { time: '2026-12-01T10:30:00Z', actor: 'ana', action: 'reduce_shots', result: 'applied' },
        { time: '2026-12-01T10:20:00Z', actor: 'cy', action: 'reduce_shots', result: 'applied' },
        { time: '2026-12-01T10:10:00Z', actor: 'cy', action: 'disable_provider', provider: 'ionq', result: 'applied' },
      ]
    );
    expect(active).toEqual([
      {
        flag: 'force_simulator',
        since: '2026-12-01T10:00:00Z',
        by: `${ALERTMANAGER_ACTOR_PREFIX}QuantumBacklogCritical`,
      },
      { flag: 'shot_reduction:4', since: '2026-12-01T10:30:00Z', by: 'ana' },
      { flag: 'disable_provider:ibm' },
      { flag: 'deterministic_decoding' },
    ]);
  });
});
