/**
 * The app's plugin proxy route to the orchestrator's admin API, against the real Grafana of the compose stack
 * (`docker compose up -d grafana`, as the GitHub e2e job runs it): Grafana adds the token from the app's secure
 * settings, the admin API accepts it, a wrong token is refused by the admin API, and a Viewer is refused by Grafana
 * before anything is forwarded (the route's reqRole).
 *
 * It cannot run on the development machine (no Docker there); it runs only in the GitHub e2e job. It needs the
 * admin token the stack made into its secrets volume: HYBRIDLENS_ADMIN_TOKEN when set, otherwise read with
 * `docker compose exec simulator`; without either it is skipped and says why, except when CI is set (the e2e job
 * starts the simulator): there it fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@grafana/plugin-e2e';
import type { APIRequestContext } from '@playwright/test';
import { ADMIN_API_PATH, APP_ID } from '@hybridlens/conventions';
import { ADMIN_ROUTE, adminProxyBase } from '../../src/pages/playbook/adminApi';

const repoRoot = join(__dirname, '../..');
/** The environment variable the simulator itself reads its token from (`hybridlens-sim live --help`). */
const TOKEN_ENV = 'HYBRIDLENS_ADMIN_TOKEN';
/** Where compose mounts the token in the simulator (docker-compose.yaml, `--admin-token-file`). */
const SIMULATOR_TOKEN_FILE = '/run/hybridlens/admin-token';
/** The admin API as Grafana's container reaches it on the compose network; HYBRIDLENS_ADMIN_API_URL overrides. */
const ADMIN_API_URL = process.env.HYBRIDLENS_ADMIN_API_URL ?? 'http://simulator:9464';

interface PluginRoute {
  path: string;
  url: string;
  reqRole?: string;
  headers?: Array<{ name: string; content: string }>;
}

/**
 * The settings keys the route reads, taken from src/plugin.json itself (`{{ .JsonData.x }}` in its URL,
 * `{{ .SecureJsonData.y }}` in its header), so the spec follows what Grafana is told.
 */
function adminRoute(): { route: PluginRoute; urlKey: string; tokenKey: string } {
  const plugin = JSON.parse(readFileSync(join(repoRoot, 'src/plugin.json'), 'utf8')) as { routes: PluginRoute[] };
  const route = plugin.routes.find((r) => r.path === ADMIN_ROUTE);
  const urlKey = route?.url.match(/\.JsonData\.(\w+)/)?.[1];
  const tokenKey = route?.headers?.map((h) => h.content.match(/\.SecureJsonData\.(\w+)/)?.[1]).find(Boolean);
  if (!route || !urlKey || !tokenKey) {
    throw new Error(
      `src/plugin.json: routes: no "${ADMIN_ROUTE}" route with a JsonData URL and a SecureJsonData header`
    );
  }
  return { route, urlKey, tokenKey };
}

function stackToken(): string | undefined {
  const fromEnv = process.env[TOKEN_ENV]?.trim();
  if (fromEnv) {
    return fromEnv;
  }
  try {
    const out = execFileSync('docker', ['compose', 'exec', '-T', 'simulator', 'cat', SIMULATOR_TOKEN_FILE], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    return out.split('\n')[0]?.trim() || undefined;
  } catch {
    return undefined;
  }
}

interface AppSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData?: Record<string, unknown>;
}

const settingsPath = `/api/plugins/${APP_ID}/settings`;
const flagsThroughProxy = `${adminProxyBase()}${ADMIN_API_PATH.flags}`;

async function saveSettings(
  request: APIRequestContext,
  original: AppSettings,
  jsonData: Record<string, unknown>,
  secureJsonData?: Record<string, string>
): Promise<void> {
  const res = await request.post(settingsPath, {
    data: {
      enabled: original.enabled,
      pinned: original.pinned,
      jsonData,
      ...(secureJsonData ? { secureJsonData } : {}),
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test.describe.serial('admin API through the plugin proxy route', () => {
  const { route, urlKey, tokenKey } = adminRoute();
  let token: string | undefined;
  let original: AppSettings;
  const viewer = { login: `hl-viewer-${Date.now()}`, password: `pw-${Date.now()}-viewer` };
  let viewerId: number | undefined;

  test.beforeAll(async ({ request }) => {
    token = stackToken();
    const res = await request.get(settingsPath);
    expect(res.status()).toBe(200);
    original = (await res.json()) as AppSettings;
  });

  test.afterAll(async ({ request }) => {
    if (original) {
      // The URL goes back to what it was; the secure token cannot be read back, so it stays the stack's own.
      await saveSettings(request, original, original.jsonData ?? {});
    }
    if (viewerId !== undefined) {
      await request.delete(`/api/admin/users/${viewerId}`);
    }
  });

  test('reaches the admin API with the configured token, and the admin API refuses a wrong one', async ({
    request,
  }) => {
    const noToken = `no admin token: set ${TOKEN_ENV} or run the compose stack (docker compose exec simulator)`;
    // On a developer's machine without the stack it says why it skips; in CI the stack runs, so a missing
    // token is a broken stack and fails.
    test.skip(!token && !process.env.CI, noToken);
    expect(token, noToken).toBeTruthy();
    const jsonData = { ...(original.jsonData ?? {}), [urlKey]: ADMIN_API_URL };

    const wrongSentAt = Date.now() - 1000;
    await saveSettings(request, original, jsonData, { [tokenKey]: `wrong-${token!.slice(0, 4)}-not-the-token` });
    const refused = await request.get(flagsThroughProxy);
    // The admin API answers 401; Grafana's proxies may turn an upstream 401 into 400 so as not to log the user out.
    expect([400, 401]).toContain(refused.status());

    await saveSettings(request, original, jsonData, { [tokenKey]: token! });
    const flags = await request.get(flagsThroughProxy);
    expect(flags.status(), await flags.text()).toBe(200);
    const body = (await flags.json()) as { flags?: unknown };
    expect(Array.isArray(body.flags)).toBe(true);

    // The refusal came from the admin API itself (its audit trail has it), not from Grafana.
    const audit = await request.get(`${adminProxyBase()}${ADMIN_API_PATH.audit}?limit=50`);
    expect(audit.status(), await audit.text()).toBe(200);
    const entries = ((await audit.json()) as { entries: Array<{ time: string; action: string; result: string }> })
      .entries;
    expect(
      entries.filter(
        (e) => e.result === 'unauthorized' && e.action === ADMIN_API_PATH.flags && Date.parse(e.time) >= wrongSentAt
      ).length
    ).toBeGreaterThan(0);
  });

  test(`a Viewer is refused by the route (reqRole ${route.reqRole ?? 'none'})`, async ({
    request,
    playwright,
    baseURL,
  }) => {
    expect(route.reqRole).toBe('Editor');
    const created = await request.post('/api/admin/users', {
      data: {
        name: viewer.login,
        login: viewer.login,
        email: `${viewer.login}@example.invalid`,
        password: viewer.password,
      },
    });
    expect(created.status(), await created.text()).toBe(200);
    viewerId = ((await created.json()) as { id: number }).id;
    const role = await request.patch(`/api/org/users/${viewerId}`, { data: { role: 'Viewer' } });
    expect(role.status(), await role.text()).toBe(200);

    // A fresh context that is only the Viewer's session (no admin cookie).
    const asViewer = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const login = await asViewer.post('/login', { data: { user: viewer.login, password: viewer.password } });
      expect(login.status(), await login.text()).toBe(200);
      const user = (await (await asViewer.get('/api/user')).json()) as { login?: string };
      expect(user.login).toBe(viewer.login);
      const denied = await asViewer.get(flagsThroughProxy);
      expect(denied.status()).toBe(403);
    } finally {
      await asViewer.dispose();
    }
  });
});
