import { request } from 'node:http';
import {
  ADMIN_API_AUTH,
  ADMIN_API_PATH,
  ALERT,
  MITIGATION_ACTION,
  MITIGATION_LOG_EVENT,
} from '@hybridlens/conventions';
import { ADMIN_MAX_BODY_BYTES } from '../src/adminApi';
import { type LiveSimulator, startLive } from '../src/live';
import { adminClient, webhook } from './helpers/adminClient';

const TOKEN = 'bad-input-token-0123456789';

/** A POST whose body is streamed in chunks without a content-length (chunked transfer encoding). */
function postChunked(
  url: string,
  path: string,
  chunks: number,
  chunkBytes: number
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        headers: { [ADMIN_API_AUTH.header]: `${ADMIN_API_AUTH.scheme} ${TOKEN}`, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(chunkBytes, 'x');
    for (let i = 0; i < chunks; i++) {
      req.write(chunk);
    }
    req.end();
  });
}

describe('admin API', () => {
  let live: LiveSimulator;
  let admin: ReturnType<typeof adminClient>;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    live = await startLive({
      port: 0,
      seed: 1,
      tickMillis: 1000,
      scenario: { faults: [] },
      adminToken: TOKEN,
      logSink: (line) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
    });
    admin = adminClient(live.url, TOKEN);
  });
  afterAll(() => live.stop());

  const flagsNow = async () => (await admin.get(ADMIN_API_PATH.flags)).json;

  describe('bad input', () => {
    it.each([
      ['not JSON', '{"action": ', '(body)'],
      ['a JSON list', [], '(body)'],
      ['a JSON string', '"force_simulator"', '(body)'],
      ['an unknown action', { action: 'reboot_qpu', actor: 'eve' }, 'action'],
      ['an action of the wrong type', { action: 7, actor: 'eve' }, 'action'],
      ['no actor', { action: MITIGATION_ACTION.forceSimulator }, 'actor'],
      ['a blank actor', { action: MITIGATION_ACTION.forceSimulator, actor: '   ' }, 'actor'],
      ['an actor of 200 characters', { action: MITIGATION_ACTION.forceSimulator, actor: 'a'.repeat(200) }, 'actor'],
      [
        'an unknown provider',
        { action: MITIGATION_ACTION.disableProvider, provider: 'dwave', actor: 'eve' },
        'provider',
      ],
      [
        'the local simulator as provider',
        { action: MITIGATION_ACTION.disableProvider, provider: 'local', actor: 'eve' },
        'provider',
      ],
      [
        'a provider where none applies',
        { action: MITIGATION_ACTION.forceSimulator, provider: 'ibm', actor: 'eve' },
        'provider',
      ],
      ['a shot factor below 1', { action: MITIGATION_ACTION.reduceShots, factor: 0.5, actor: 'eve' }, 'factor'],
      ['a shot factor of 1e6', { action: MITIGATION_ACTION.reduceShots, factor: 1e6, actor: 'eve' }, 'factor'],
      ['a shot factor as text', { action: MITIGATION_ACTION.reduceShots, factor: '4', actor: 'eve' }, 'factor'],
      ['a factor on another action', { action: MITIGATION_ACTION.forceSimulator, factor: 2, actor: 'eve' }, 'factor'],
      ['an unknown field', { action: MITIGATION_ACTION.forceSimulator, actor: 'eve', urgent: true }, '"urgent"'],
    ])('refuses malformed action request: %s', async (_case, body, field) => {
      const before = await flagsNow();
      const { status, json } = await admin.post(ADMIN_API_PATH.actions, body);
      expect({ status, field: json.field }).toEqual({ status: 400, field });
      expect(String(json.error)).toContain(field);
      expect(await flagsNow()).toEqual(before);
      expect(logs.some((l) => l.event === MITIGATION_LOG_EVENT.rejected && String(l.message).includes(field))).toBe(
        true
      );
    });

    const good = { status: 'firing' as const, labels: { alertname: ALERT.quantumBacklogCritical, provider: 'ibm' } };
    it.each([
      ['an old version', { version: '3', alerts: [] }, 'version'],
      ['no alerts list', { version: '4' }, 'alerts'],
      ['alerts as an object', { version: '4', alerts: { a: 1 } }, 'alerts'],
      ['a second alert that is not an object', { ...(webhook([good]) as object), alerts: [good, 'boom'] }, 'alerts[1]'],
      ['a second alert without labels', webhook([good, { status: 'firing' } as never]), 'alerts[1].labels'],
      [
        'a second alert without a name',
        webhook([good, { status: 'firing', labels: {} }]),
        'alerts[1].labels.alertname',
      ],
      [
        'a second alert with a numeric label',
        webhook([good, { status: 'firing', labels: { alertname: 'X', provider: 7 } as never }]),
        'alerts[1].labels.provider',
      ],
      [
        'a second alert with an unknown status',
        webhook([good, { status: 'pending' as never, labels: { alertname: ALERT.providerRateLimited } }]),
        'alerts[1].status',
      ],
      [
        'a second alert with a bad startsAt',
        { ...(webhook([good]) as object), alerts: [good, { ...good, startsAt: 'yesterday' }] },
        'alerts[1].startsAt',
      ],
      ['1001 alerts', { version: '4', alerts: Array.from({ length: 1001 }, () => good) }, 'alerts'],
    ])('refuses malformed webhook: %s (nothing applied, not even the good alerts)', async (_case, body, field) => {
      const before = await flagsNow();
      const { status, json } = await admin.post(ADMIN_API_PATH.alertmanager, body);
      expect({ status, field: json.field }).toEqual({ status: 400, field });
      expect(await flagsNow()).toEqual(before);
      expect(before.flags).toEqual([]);
    });

    it.each([
      [
        'declared with content-length',
        async () => admin.post(ADMIN_API_PATH.actions, 'x'.repeat(ADMIN_MAX_BODY_BYTES + 1)),
      ],
      [
        'streamed in chunks',
        async () => {
          const r = await postChunked(live.url, ADMIN_API_PATH.alertmanager, 40, 64 * 1024);
          return { status: r.status, json: JSON.parse(r.body) as Record<string, unknown> };
        },
      ],
      [
        'a valid-looking webhook padded past the limit',
        async () =>
          admin.post(ADMIN_API_PATH.alertmanager, {
            ...(webhook([good]) as object),
            padding: 'p'.repeat(ADMIN_MAX_BODY_BYTES),
          }),
      ],
    ])('refuses oversized body: %s, with 413 and a message', async (_case, send) => {
      const before = await flagsNow();
      const { status, json } = await send();
      expect(status).toBe(413);
      expect(String(json.error)).toContain(`at most ${ADMIN_MAX_BODY_BYTES} bytes`);
      expect(await flagsNow()).toEqual(before);
      // The server is still there for the next request.
      expect((await admin.get(ADMIN_API_PATH.flags)).status).toBe(200);
    });

    it.each([
      ['no Authorization header', {}],
      ['a wrong token', { [ADMIN_API_AUTH.header]: `${ADMIN_API_AUTH.scheme} not-the-token-at-all` }],
      ['the token with another scheme', { [ADMIN_API_AUTH.header]: `Basic ${TOKEN}` }],
      ['the token without a scheme', { [ADMIN_API_AUTH.header]: TOKEN }],
      ['the token as a query parameter', {}, `?token=${TOKEN}`],
    ])('refuses unauthenticated request: %s', async (_case, headers, query = '') => {
      for (const path of Object.values(ADMIN_API_PATH)) {
        const res = await fetch(`${live.url}${path}${query}`, {
          method: path === ADMIN_API_PATH.flags || path === ADMIN_API_PATH.audit ? 'GET' : 'POST',
          headers: headers as Record<string, string>,
          body:
            path === ADMIN_API_PATH.flags || path === ADMIN_API_PATH.audit
              ? undefined
              : JSON.stringify({ action: MITIGATION_ACTION.forceSimulator, actor: 'mallory' }),
        });
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
      expect((await flagsNow()).flags).toEqual([]);
    });

    it.each([
      ['GET on the actions path', 'GET', ADMIN_API_PATH.actions, 405],
      ['POST on the flags path', 'POST', ADMIN_API_PATH.flags, 405],
      ['DELETE on the audit path', 'DELETE', ADMIN_API_PATH.audit, 405],
      ['an unknown admin path', 'GET', '/admin/shutdown', 404],
      ['a path traversal', 'GET', '/admin/../admin/flags/../../etc/passwd', 404],
    ])('refuses wrong route: %s', async (_case, method, path, status) => {
      const res = await fetch(`${live.url}${path}`, {
        method,
        headers: { [ADMIN_API_AUTH.header]: `${ADMIN_API_AUTH.scheme} ${TOKEN}` },
      });
      expect(res.status).toBe(status);
    });

    it.each([['0'], ['501'], ['ten'], ['2.5']])('refuses bad audit limit: %s', async (limit) => {
      const { status, json } = await admin.get(`${ADMIN_API_PATH.audit}?limit=${limit}`);
      expect({ status, field: json.field }).toEqual({ status: 400, field: 'limit' });
    });
  });
});
