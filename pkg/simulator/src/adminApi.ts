import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ADMIN_API_AUTH,
  ADMIN_API_PATH,
  ALERTMANAGER_ACTOR_PREFIX,
  LOG_FIELD,
  MITIGATION_LOG_EVENT,
  type MitigationAction,
} from '@hybridlens/conventions';
import type { HybridTelemetry, LogLevel } from '@hybridlens/instrument';
import { AdminInputError, parseAlertmanagerWebhook, parseMitigationRequest } from './admin';
import { type AuditEntry, AuditLog, type AuditSource } from './auditLog';
import { activeFlagNames } from './flags';
import { BadJsonError, PayloadTooLargeError, readJsonBody, sendJson } from './http';
import type { AlertChange, MitigationState } from './mitigationState';
import type { Topology } from './topology';

/** Admin requests are small JSON documents; an Alertmanager batch of a few hundred alerts stays far below. */
export const ADMIN_MAX_BODY_BYTES = 1 << 20;
const DEFAULT_AUDIT_LIMIT = 100;
const ROUTES: Readonly<Record<string, string>> = {
  [ADMIN_API_PATH.flags]: 'GET',
  [ADMIN_API_PATH.audit]: 'GET',
  [ADMIN_API_PATH.actions]: 'POST',
  [ADMIN_API_PATH.alertmanager]: 'POST',
};

export interface AdminApiOptions {
  topology: Topology;
  state: MitigationState;
  telemetry: HybridTelemetry;
  /** Bearer token every admin request must carry; none = open (bind to 127.0.0.1 then). */
  token?: string;
  /** The faults in force now, for GET /admin/flags. */
  activeFaults?: () => unknown[];
  now?: () => number;
  maxBodyBytes?: number;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The orchestrator's admin API: flags in force, mitigations by a human, Alertmanager's webhook, the audit
 * trail. Every request is authenticated when a token is set, validated whole before anything changes, and
 * audited (in memory for GET /admin/audit and as a JSON log line).
 */
export class AdminApi {
  readonly audit = new AuditLog();
  private readonly now: () => number;
  private readonly tokenDigest: Buffer | undefined;

  constructor(private readonly options: AdminApiOptions) {
    this.now = options.now ?? Date.now;
    this.tokenDigest = options.token === undefined ? undefined : digest(options.token);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = ROUTES[path];
    if (!this.authorized(req)) {
      this.record({ actor: 'unknown', action: path, result: 'unauthorized', source: 'api' }, 'warn', 'rejected');
      sendJson(
        res,
        401,
        { error: `missing or wrong ${ADMIN_API_AUTH.header}: ${ADMIN_API_AUTH.scheme} token` },
        { 'www-authenticate': `${ADMIN_API_AUTH.scheme} realm="hybridlens-admin"` }
      );
      return;
    }
    if (method === undefined) {
      sendJson(res, 404, { error: `no admin route ${path}` });
      return;
    }
    if (req.method !== method) {
      sendJson(res, 405, { error: `${path} accepts ${method} only` }, { allow: method });
      return;
    }
    let body: unknown;
    try {
      body = method === 'POST' ? await readJsonBody(req, this.options.maxBodyBytes ?? ADMIN_MAX_BODY_BYTES) : undefined;
      switch (path) {
        case ADMIN_API_PATH.flags:
          sendJson(res, 200, this.flagsView());
          return;
        case ADMIN_API_PATH.audit:
          sendJson(res, 200, { entries: this.audit.recent(auditLimit(req.url ?? '')) });
          return;
        case ADMIN_API_PATH.actions:
          sendJson(res, 200, this.action(body));
          return;
        case ADMIN_API_PATH.alertmanager:
          this.alertmanager(body, res);
          return;
      }
    } catch (error) {
      this.refuse(error, path, body, res);
    }
  }

  /** Release mitigations whose hold-down ended after their alert resolved (called every tick). */
  tick(): void {
    const now = this.now();
    for (const hold of this.options.state.releaseDue(now)) {
      this.record(
        {
          actor: `${ALERTMANAGER_ACTOR_PREFIX}${hold.alertname}`,
          action: hold.undo,
          ...(hold.provider ? { provider: hold.provider } : {}),
          result: 'restored',
          source: 'hold-down',
          detail: 'the alert resolved during the hold-down; released at its end',
        },
        'warn',
        'applied'
      );
    }
  }

  private authorized(req: IncomingMessage): boolean {
    if (this.tokenDigest === undefined) {
      return true;
    }
    const header = req.headers[ADMIN_API_AUTH.header.toLowerCase()];
    const prefix = `${ADMIN_API_AUTH.scheme} `;
    if (typeof header !== 'string' || !header.startsWith(prefix)) {
      return false;
    }
    return timingSafeEqual(digest(header.slice(prefix.length).trim()), this.tokenDigest);
  }

  private flagsView(): unknown {
    const state = this.options.state;
    return {
      flags: activeFlagNames(state.flags),
      holds: state.activeHolds.map((h) => ({
        alertname: h.alertname,
        action: h.action,
        ...(h.provider ? { provider: h.provider } : {}),
        since: new Date(h.since).toISOString(),
        ...(h.releaseAt !== undefined ? { releaseAt: new Date(h.releaseAt).toISOString() } : {}),
      })),
      faults: this.options.activeFaults?.() ?? [],
    };
  }

  private action(body: unknown): unknown {
    const request = parseMitigationRequest(body, this.options.topology);
    const result = this.options.state.applyManual(request.action, request.provider, request.factor);
    this.record(
      {
        actor: request.actor,
        action: request.action,
        ...(request.provider ? { provider: request.provider } : {}),
        ...(request.factor !== undefined ? { factor: request.factor } : {}),
        result,
        source: 'api',
      },
      result === 'applied' ? 'warn' : 'info',
      'applied'
    );
    return { result, flags: activeFlagNames(this.options.state.flags) };
  }

  private alertmanager(body: unknown, res: ServerResponse): void {
    const alerts = parseAlertmanagerWebhook(body, this.options.topology);
    const changes = alerts.flatMap((a) => ('change' in a ? [a.change] : []));
    const now = this.now();
    const state = this.options.state;
    const plan = state.planAlerts(changes, now);
    const retryAfter = state.retryAfterSeconds(plan.changes, now);
    if (retryAfter > 0) {
      for (const change of changes) {
        this.recordAlert(change, 'rate_limited', `more than ${state.policy.maxChangesPerMinute} changes a minute`);
      }
      // 503, not 429: Alertmanager retries a webhook on 5xx only.
      sendJson(
        res,
        503,
        {
          error: `rate limited: at most ${state.policy.maxChangesPerMinute} mitigation changes a minute; nothing applied`,
        },
        { 'retry-after': String(retryAfter) }
      );
      return;
    }
    state.commitAlerts(plan, now);
    let next = 0;
    const results = alerts.map((alert) => {
      if ('ignored' in alert) {
        this.record(
          {
            actor: `${ALERTMANAGER_ACTOR_PREFIX}${alert.alertname}`,
            action: '(none)',
            result: 'ignored',
            source: 'alertmanager',
            detail: alert.ignored,
          },
          'info',
          'alertIgnored'
        );
        return { alertname: alert.alertname, status: alert.status, result: 'ignored', reason: alert.ignored };
      }
      const result = plan.results[next++]!;
      this.recordAlert(alert.change, result);
      return {
        alertname: alert.alertname,
        status: alert.status,
        result,
        action: actionOf(alert.change),
        ...(alert.change.provider ? { provider: alert.change.provider } : {}),
      };
    });
    sendJson(res, 200, { alerts: results, flags: activeFlagNames(state.flags) });
  }

  private recordAlert(change: AlertChange, result: string, detail?: string): void {
    const changed = result === 'applied' || result === 'restored';
    this.record(
      {
        actor: `${ALERTMANAGER_ACTOR_PREFIX}${change.alertname}`,
        action: actionOf(change),
        ...(change.provider ? { provider: change.provider } : {}),
        result,
        source: 'alertmanager',
        ...(detail ? { detail } : {}),
      },
      changed || result === 'rate_limited' ? 'warn' : 'info',
      result === 'rate_limited' ? 'rejected' : changed ? 'applied' : 'alertIgnored'
    );
  }

  private refuse(error: unknown, path: string, body: unknown, res: ServerResponse): void {
    const actor =
      typeof body === 'object' && body !== null && typeof (body as { actor?: unknown }).actor === 'string'
        ? ((body as { actor: string }).actor.slice(0, 128) ?? 'unknown')
        : 'unknown';
    if (error instanceof PayloadTooLargeError) {
      this.record(
        { actor, action: path, result: 'rejected', source: 'api', detail: error.message },
        'warn',
        'rejected'
      );
      sendJson(res, 413, { error: `${error.message}: send at most ${error.limit} bytes` }, { connection: 'close' });
      return;
    }
    if (error instanceof AdminInputError || error instanceof BadJsonError) {
      const field = error instanceof AdminInputError ? error.field : '(body)';
      const message = error instanceof AdminInputError ? error.message : `(body): ${error.message}`;
      this.record(
        { actor, action: path, result: 'rejected', source: sourceOf(path), detail: message },
        'warn',
        'rejected'
      );
      sendJson(res, 400, { error: message, field });
      return;
    }
    this.options.telemetry.log({
      level: 'error',
      event: MITIGATION_LOG_EVENT.rejected,
      message: `admin request ${path} failed: ${(error as Error).message}`,
    });
    sendJson(res, 500, { error: 'internal error; see the service log' });
  }

  private record(entry: Omit<AuditEntry, 'time'>, level: LogLevel, event: keyof typeof MITIGATION_LOG_EVENT): void {
    const full = this.audit.add(entry, this.now());
    this.options.telemetry.log({
      level,
      event: MITIGATION_LOG_EVENT[event],
      message: `${full.source}: ${full.action}${full.provider ? ` (${full.provider})` : ''} by ${full.actor}: ${full.result}${full.detail ? ` (${full.detail})` : ''}; flags now: ${activeFlagNames(this.options.state.flags).join(', ') || 'none'}`,
      [LOG_FIELD.action]: full.action,
      [LOG_FIELD.actor]: full.actor,
      ...(full.provider ? { [LOG_FIELD.provider]: full.provider } : {}),
    });
  }
}

function actionOf(change: AlertChange): MitigationAction {
  return change.status === 'firing' ? change.action : change.undo;
}

function sourceOf(path: string): AuditSource {
  return path === ADMIN_API_PATH.alertmanager ? 'alertmanager' : 'api';
}

function auditLimit(url: string): number {
  const raw = new URLSearchParams(url.split('?')[1] ?? '').get('limit');
  const n = raw === null ? DEFAULT_AUDIT_LIMIT : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 500) {
    throw new AdminInputError('limit', `expected a whole number from 1 to 500 (got ${JSON.stringify(raw)})`);
  }
  return n;
}
