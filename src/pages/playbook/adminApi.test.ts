import type { Server } from 'node:http';
import { ADMIN_API_PATH, MITIGATION_ACTION } from '@hybridlens/conventions';
import { adminCall, parseActionResult, parseAudit, parseFlags } from './adminApi';
import { json, nodeFetch, serve } from './adminTestServer';

describe('admin API client', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  });

  it('reads flags with the holds and their "since", the audit and an action result', async () => {
    const since = '2026-12-01T10:00:00.000Z';
    const { base, server, seen } = await serve({
      [ADMIN_API_PATH.flags]: json(200, {
        flags: ['force_simulator'],
        holds: [{ alertname: 'QuantumBacklogCritical', action: 'force_simulator', since }],
        faults: [],
      }),
      [ADMIN_API_PATH.audit]: json(200, {
        entries: [
          { time: since, actor: 'ana', action: 'reduce_shots', provider: 'ibm', result: 'applied', source: 'api' },
        ],
      }),
      [ADMIN_API_PATH.actions]: json(200, { result: 'applied', flags: ['reduce_shots'] }),
    });
    servers.push(server);
    expect(await adminCall(base, ADMIN_API_PATH.flags, parseFlags, {}, 2000, nodeFetch)).toEqual({
      ok: true,
      value: {
        flags: ['force_simulator'],
        holds: [{ alertname: 'QuantumBacklogCritical', action: 'force_simulator', since }],
      },
    });
    expect(await adminCall(base, ADMIN_API_PATH.audit, parseAudit, {}, 2000, nodeFetch)).toMatchObject({
      ok: true,
      value: [{ actor: 'ana', action: 'reduce_shots', result: 'applied' }],
    });
    const request = { action: MITIGATION_ACTION.reduceShots, provider: 'ibm', actor: 'ana' };
    const done = await adminCall(
      base,
      ADMIN_API_PATH.actions,
      parseActionResult,
      { method: 'POST', body: request },
      2000,
      nodeFetch
    );
    expect(done).toEqual({ ok: true, value: { result: 'applied', flags: ['reduce_shots'] } });
    expect(seen.at(-1)).toBe(`POST ${ADMIN_API_PATH.actions} {"action":"reduce_shots","provider":"ibm","actor":"ana"}`);
  });

  it('a refused connection, a timeout, a 500, a 401, malformed JSON and a wrong shape each give their own error', async () => {
    // A port nothing listens on: close a server and reuse its port.
    const closed = await serve({});
    await new Promise((r) => closed.server.close(r));
    const refused = await adminCall(closed.base, ADMIN_API_PATH.flags, parseFlags, {}, 2000, nodeFetch);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });

    const { base, server } = await serve({
      '/hang': () => undefined,
      '/500': json(500, { error: 'state file unwritable' }),
      '/401': json(401, { error: 'missing or wrong Authorization: Bearer token' }),
      '/garbage': (res) => res.writeHead(200).end('<html>proxy error</html>'),
      '/shape': json(200, { flags: 'force_simulator' }),
      '/since': json(200, { flags: [], holds: [{ alertname: 'A', action: 'force_simulator', since: 'yesterday' }] }),
    });
    servers.push(server);
    expect(await adminCall(base, '/hang', parseFlags, {}, 200, nodeFetch)).toEqual({
      ok: false,
      error: { kind: 'timeout', detail: 'no answer within 200 ms' },
    });
    expect(await adminCall(base, '/500', parseFlags, {}, 2000, nodeFetch)).toEqual({
      ok: false,
      error: { kind: 'http', status: 500, detail: 'state file unwritable' },
    });
    expect(await adminCall(base, '/401', parseFlags, {}, 2000, nodeFetch)).toMatchObject({
      ok: false,
      error: { kind: 'denied', status: 401 },
    });
    expect(await adminCall(base, '/garbage', parseFlags, {}, 2000, nodeFetch)).toEqual({
      ok: false,
      error: { kind: 'malformed', status: 200, detail: 'the answer is not JSON' },
    });
    expect(await adminCall(base, '/shape', parseFlags, {}, 2000, nodeFetch)).toEqual({
      ok: false,
      error: { kind: 'malformed', status: 200, detail: '"flags" is not a list of strings' },
    });
    expect(await adminCall(base, '/since', parseFlags, {}, 2000, nodeFetch)).toMatchObject({
      ok: false,
      error: { kind: 'malformed', detail: 'holds[0]: "since" is not a time' },
    });
    // The hanging request is still open on the server side; close it so the server can stop.
    server.closeAllConnections();
  });
});
