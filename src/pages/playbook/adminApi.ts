import { ADMIN_API_PATH, APP_ID, type MitigationAction } from '@hybridlens/conventions';

/**
 * The orchestrator's admin API, reached through the app's plugin proxy route (src/plugin.json `routes`, path
 * {@link ADMIN_ROUTE}): Grafana adds the bearer token from the app's secure settings and allows Editors and
 * Admins only. Every answer is checked before the page uses it; a bad one becomes an AdminError and changes
 * nothing.
 */
export const ADMIN_ROUTE = 'admin';

/** Where the proxy route is served, relative to the Grafana root. */
export function adminProxyBase(): string {
  return `/api/plugin-proxy/${APP_ID}/${ADMIN_ROUTE}`;
}

export const ADMIN_TIMEOUT_MS = 8000;

export type AdminErrorKind = 'refused' | 'timeout' | 'denied' | 'http' | 'malformed';

export interface AdminError {
  kind: AdminErrorKind;
  /** HTTP status, when the API answered. */
  status?: number;
  /** What the API or the network said, for the message. */
  detail: string;
}

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminError };

export interface FlagHold {
  alertname: string;
  action: string;
  provider?: string;
  /** RFC 3339. */
  since: string;
}

export interface FlagsView {
  flags: string[];
  holds: FlagHold[];
}

export interface AuditLine {
  time: string;
  actor: string;
  action: string;
  provider?: string;
  result: string;
}

export interface ActionResult {
  result: string;
  flags: string[];
}

class MalformedAnswer extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function strings(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
    throw new MalformedAnswer(`"${field}" is not a list of strings`);
  }
  return v as string[];
}

function str(o: Record<string, unknown>, field: string, where: string): string {
  const v = o[field];
  if (typeof v !== 'string') {
    throw new MalformedAnswer(`${where}: "${field}" is not a string`);
  }
  return v;
}

function optionalStr(o: Record<string, unknown>, field: string, where: string): string | undefined {
  return o[field] === undefined ? undefined : str(o, field, where);
}

export function parseFlags(json: unknown): FlagsView {
  if (!isObject(json)) {
    throw new MalformedAnswer('flags: not a JSON object');
  }
  const holds = Array.isArray(json.holds) ? json.holds : [];
  return {
    flags: strings(json.flags, 'flags'),
    holds: holds.map((h, i) => {
      if (!isObject(h)) {
        throw new MalformedAnswer(`holds[${i}]: not an object`);
      }
      const where = `holds[${i}]`;
      const since = str(h, 'since', where);
      if (Number.isNaN(Date.parse(since))) {
        throw new MalformedAnswer(`${where}: "since" is not a time`);
      }
      return {
        alertname: str(h, 'alertname', where),
        action: str(h, 'action', where),
        provider: optionalStr(h, 'provider', where),
        since,
      };
    }),
  };
}

export function parseAudit(json: unknown): AuditLine[] {
  if (!isObject(json) || !Array.isArray(json.entries)) {
    throw new MalformedAnswer('audit: no "entries" list');
  }
  return json.entries.map((e, i) => {
    const where = `entries[${i}]`;
    if (!isObject(e)) {
      throw new MalformedAnswer(`${where}: not an object`);
    }
    return {
      time: str(e, 'time', where),
      actor: str(e, 'actor', where),
      action: str(e, 'action', where),
      provider: optionalStr(e, 'provider', where),
      result: str(e, 'result', where),
    };
  });
}

export function parseActionResult(json: unknown): ActionResult {
  if (!isObject(json)) {
    throw new MalformedAnswer('action: not a JSON object');
  }
  return { result: str(json, 'result', 'action'), flags: strings(json.flags, 'flags') };
}

/** A deadline as people read it: milliseconds under a second, else seconds with at most one decimal. */
function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Whether a failed POST may still have been applied. A timeout, a 5xx (from the API, or from Grafana's proxy,
 * which may give up after forwarding the request) and an answer the page cannot read all leave the outcome
 * unknown; a refused connection and a 4xx mean the API did not act.
 */
export function outcomeUnknown(error: AdminError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'malformed':
      return true;
    case 'http':
      return (error.status ?? 0) >= 500;
    case 'refused':
    case 'denied':
      return false;
  }
}

/** The API's `error`, or Grafana's own `message` (its proxy answers 403 and 502 itself), or the start of the text. */
function errorText(json: unknown, text: string): string {
  if (isObject(json)) {
    for (const field of ['error', 'message']) {
      if (typeof json[field] === 'string') {
        return json[field];
      }
    }
  }
  return text.slice(0, 200);
}

/**
 * One admin API call with a deadline. Network failures, timeouts, HTTP errors and answers that are not the
 * expected JSON each come back as their own AdminError kind; nothing throws.
 */
export async function adminCall<T>(
  base: string,
  path: string,
  parse: (json: unknown) => T,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
  timeoutMs = ADMIN_TIMEOUT_MS,
  fetchFn: typeof fetch = (...args) => fetch(...args)
): Promise<AdminResult<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetchFn(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
    });
    text = await res.text();
  } catch (error) {
    const aborted = controller.signal.aborted;
    return {
      ok: false,
      error: aborted
        ? { kind: 'timeout', detail: `no answer within ${formatTimeout(timeoutMs)}` }
        : { kind: 'refused', detail: (error as Error).message },
    };
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const kind: AdminErrorKind = res.status === 401 || res.status === 403 ? 'denied' : 'http';
    return { ok: false, error: { kind, status: res.status, detail: errorText(json, text) } };
  }
  if (json === undefined) {
    return { ok: false, error: { kind: 'malformed', status: res.status, detail: 'the answer is not JSON' } };
  }
  try {
    return { ok: true, value: parse(json) };
  } catch (error) {
    if (error instanceof MalformedAnswer) {
      return { ok: false, error: { kind: 'malformed', status: res.status, detail: error.message } };
    }
    throw error;
  }
}

export const getFlags = (base: string) => adminCall(base, ADMIN_API_PATH.flags, parseFlags);
export const getAudit = (base: string) => adminCall(base, ADMIN_API_PATH.audit, parseAudit);
export const postAction = (
  base: string,
  request: { action: MitigationAction; provider?: string; actor: string },
  timeoutMs?: number
) => adminCall(base, ADMIN_API_PATH.actions, parseActionResult, { method: 'POST', body: request }, timeoutMs);

/** The three calls the page makes, bound to one base URL and transport (the page: the proxy route over BackendSrv). */
export interface AdminClient {
  flags(): Promise<AdminResult<FlagsView>>;
  audit(): Promise<AdminResult<AuditLine[]>>;
  act(request: { action: MitigationAction; provider?: string; actor: string }): Promise<AdminResult<ActionResult>>;
}

export function adminClient(base: string, fetchFn: typeof fetch, timeoutMs = ADMIN_TIMEOUT_MS): AdminClient {
  return {
    flags: () => adminCall(base, ADMIN_API_PATH.flags, parseFlags, {}, timeoutMs, fetchFn),
    audit: () => adminCall(base, ADMIN_API_PATH.audit, parseAudit, {}, timeoutMs, fetchFn),
    act: (request) =>
      adminCall(base, ADMIN_API_PATH.actions, parseActionResult, { method: 'POST', body: request }, timeoutMs, fetchFn),
  };
}
