import {
  ALERT_MITIGATION,
  type AlertName,
  LABEL,
  MITIGATION_ACTION,
  type MitigationAction,
} from '@hybridlens/conventions';
import type { AlertChange } from './mitigationState';
import { qpuBackends, type Topology } from './topology';

/** A request the admin API refuses: the message names the field. */
export class AdminInputError extends Error {
  constructor(
    readonly field: string,
    reason: string
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AdminInputError';
  }
}

export interface MitigationRequest {
  action: MitigationAction;
  provider?: string;
  factor?: number;
  actor: string;
}

const MAX_SHOT_REDUCTION = 100;
const MAX_ACTOR_LENGTH = 128;
/** Alertmanager batches alerts per group; a thousand is far beyond any real group. */
const MAX_ALERTS = 1000;
const ACTIONS = Object.values(MITIGATION_ACTION) as string[];
const ACTION_FIELDS = ['action', 'provider', 'factor', 'actor'];
const PROVIDER_ACTIONS: readonly string[] = [MITIGATION_ACTION.disableProvider, MITIGATION_ACTION.enableProvider];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function quantumProviders(topology: Topology): string[] {
  return [...new Set(qpuBackends(topology).map((b) => b.provider))];
}

/** Validate a POST /admin/actions body. */
export function parseMitigationRequest(body: unknown, topology: Topology): MitigationRequest {
  if (!isRecord(body)) {
    throw new AdminInputError('(body)', 'expected a JSON object {action, provider?, factor?, actor}');
  }
  const unknown = Object.keys(body).find((k) => !ACTION_FIELDS.includes(k));
  if (unknown !== undefined) {
    throw new AdminInputError(describe(unknown), `unknown field (allowed: ${ACTION_FIELDS.join(', ')})`);
  }
  const { action, provider, factor, actor } = body;
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    throw new AdminInputError('action', `expected one of ${ACTIONS.join(', ')} (got ${describe(action)})`);
  }
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > MAX_ACTOR_LENGTH) {
    throw new AdminInputError(
      'actor',
      `expected who asks for it (a non-empty string up to ${MAX_ACTOR_LENGTH} characters)`
    );
  }
  const needsProvider = PROVIDER_ACTIONS.includes(action);
  const providers = quantumProviders(topology);
  if (needsProvider && (typeof provider !== 'string' || !providers.includes(provider))) {
    throw new AdminInputError('provider', `expected one of ${providers.join(', ')} (got ${describe(provider)})`);
  }
  if (!needsProvider && provider !== undefined) {
    throw new AdminInputError('provider', `${action} applies to every provider; leave provider out`);
  }
  if (factor !== undefined) {
    if (action !== MITIGATION_ACTION.reduceShots) {
      throw new AdminInputError('factor', `only ${MITIGATION_ACTION.reduceShots} takes a factor`);
    }
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1 || factor > MAX_SHOT_REDUCTION) {
      throw new AdminInputError('factor', `expected a number in [1, ${MAX_SHOT_REDUCTION}] (got ${describe(factor)})`);
    }
  }
  return {
    action: action as MitigationAction,
    actor: actor.trim(),
    ...(needsProvider ? { provider: provider as string } : {}),
    ...(typeof factor === 'number' ? { factor } : {}),
  };
}

/** One alert of a webhook: a mitigation to plan, or the reason it has none. */
export type WebhookAlert =
  | { alertname: string; status: 'firing' | 'resolved'; change: AlertChange }
  | { alertname: string; status: 'firing' | 'resolved'; ignored: string };

function stringMap(value: unknown, field: string): Record<string, string> {
  if (!isRecord(value)) {
    throw new AdminInputError(field, `expected an object of strings (got ${describe(value)})`);
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      throw new AdminInputError(`${field}.${key}`, `expected a string (got ${describe(v)})`);
    }
  }
  return value as Record<string, string>;
}

function optionalTime(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
    throw new AdminInputError(field, `expected an RFC 3339 time (got ${describe(value)})`);
  }
}

/**
 * Validate a whole Alertmanager webhook (version 4) before anything is applied. Malformed alerts refuse the
 * batch; well-formed alerts without a mitigation, or whose mitigation cannot apply here (an unknown
 * provider), are reported as ignored.
 */
export function parseAlertmanagerWebhook(body: unknown, topology: Topology): WebhookAlert[] {
  if (!isRecord(body)) {
    throw new AdminInputError('(body)', 'expected an Alertmanager webhook JSON object');
  }
  if (body.version !== '4') {
    throw new AdminInputError('version', `expected "4" (Alertmanager webhook format), got ${describe(body.version)}`);
  }
  if (!Array.isArray(body.alerts)) {
    throw new AdminInputError('alerts', `expected a list (got ${describe(body.alerts)})`);
  }
  if (body.alerts.length > MAX_ALERTS) {
    throw new AdminInputError('alerts', `${body.alerts.length} alerts; at most ${MAX_ALERTS} per request`);
  }
  const providers = quantumProviders(topology);
  return body.alerts.map((alert: unknown, i: number): WebhookAlert => {
    const at = `alerts[${i}]`;
    if (!isRecord(alert)) {
      throw new AdminInputError(at, `expected an alert object (got ${describe(alert)})`);
    }
    const labels = stringMap(alert.labels, `${at}.labels`);
    if (alert.annotations !== undefined) {
      stringMap(alert.annotations, `${at}.annotations`);
    }
    optionalTime(alert.startsAt, `${at}.startsAt`);
    optionalTime(alert.endsAt, `${at}.endsAt`);
    const alertname = labels.alertname;
    if (alertname === undefined || alertname === '') {
      throw new AdminInputError(`${at}.labels.alertname`, 'missing');
    }
    const status = alert.status;
    if (status !== 'firing' && status !== 'resolved') {
      throw new AdminInputError(`${at}.status`, `expected "firing" or "resolved", got ${describe(status)}`);
    }
    const mapping = ALERT_MITIGATION[alertname as AlertName];
    if (!mapping) {
      return { alertname, status, ignored: 'no mitigation is mapped to this alert' };
    }
    const provider = labels[LABEL.provider];
    if (PROVIDER_ACTIONS.includes(mapping.firing)) {
      if (provider === undefined || !providers.includes(provider)) {
        return {
          alertname,
          status,
          ignored: `cannot apply ${mapping.firing}: label ${LABEL.provider} is ${describe(provider)}, not one of ${providers.join(', ')}`,
        };
      }
    }
    return {
      alertname,
      status,
      change: {
        alertname,
        status,
        action: mapping.firing,
        undo: mapping.resolved,
        ...(provider !== undefined ? { provider } : {}),
      },
    };
  });
}
