import {
  ALERT_MITIGATION,
  ALERTMANAGER_ACTOR_PREFIX,
  type AlertName,
  LABEL,
  LOG_FIELD,
  MITIGATION_ACTION,
  MITIGATION_LOG_EVENT,
  type MitigationAction,
} from '@hybridlens/conventions';
import type { HybridTelemetry } from '@hybridlens/instrument';
import { activeFlagNames, type FeatureFlags } from './flags';
import type { Topology } from './topology';

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
const DEFAULT_SHOT_REDUCTION = 4;
const ACTIONS = Object.values(MITIGATION_ACTION) as string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validate a POST /admin/actions body. */
export function parseMitigationRequest(body: unknown, topology: Topology): MitigationRequest {
  if (!isRecord(body)) {
    throw new AdminInputError('(body)', 'expected a JSON object {action, provider?, factor?, actor}');
  }
  const { action, provider, factor, actor } = body;
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    throw new AdminInputError('action', `expected one of ${ACTIONS.join(', ')} (got ${JSON.stringify(action)})`);
  }
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 128) {
    throw new AdminInputError('actor', 'expected who asks for it (a non-empty string up to 128 characters)');
  }
  const needsProvider = action === MITIGATION_ACTION.disableProvider || action === MITIGATION_ACTION.enableProvider;
  const providers = [...new Set(topology.backends.filter((b) => b.technology !== 'simulator').map((b) => b.provider))];
  if (needsProvider && (typeof provider !== 'string' || !providers.includes(provider as never))) {
    throw new AdminInputError('provider', `expected one of ${providers.join(', ')} (got ${JSON.stringify(provider)})`);
  }
  if (
    factor !== undefined &&
    (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1 || factor > MAX_SHOT_REDUCTION)
  ) {
    throw new AdminInputError(
      'factor',
      `expected a number in [1, ${MAX_SHOT_REDUCTION}] (got ${JSON.stringify(factor)})`
    );
  }
  return {
    action: action as MitigationAction,
    actor: actor.trim(),
    ...(needsProvider ? { provider: provider as string } : {}),
    ...(typeof factor === 'number' ? { factor } : {}),
  };
}

/** Apply a mitigation to the flags and audit it. */
export function applyMitigation(flags: FeatureFlags, request: MitigationRequest, telemetry: HybridTelemetry): string[] {
  switch (request.action) {
    case MITIGATION_ACTION.forceSimulator:
      flags.forceSimulator = true;
      break;
    case MITIGATION_ACTION.releaseSimulator:
      flags.forceSimulator = false;
      break;
    case MITIGATION_ACTION.reduceShots:
      flags.shotReductionFactor = request.factor ?? DEFAULT_SHOT_REDUCTION;
      break;
    case MITIGATION_ACTION.restoreShots:
      flags.shotReductionFactor = 1;
      break;
    case MITIGATION_ACTION.disableProvider:
      flags.disabledProviders.add(request.provider!);
      break;
    case MITIGATION_ACTION.enableProvider:
      flags.disabledProviders.delete(request.provider!);
      break;
  }
  const active = activeFlagNames(flags);
  telemetry.log({
    level: 'warn',
    event: MITIGATION_LOG_EVENT.applied,
    message: `mitigation ${request.action}${request.provider ? ` (${request.provider})` : ''} by ${request.actor}; flags now: ${active.join(', ') || 'none'}`,
    [LOG_FIELD.action]: request.action,
    [LOG_FIELD.actor]: request.actor,
    ...(request.provider ? { [LOG_FIELD.provider]: request.provider } : {}),
  });
  return active;
}

export interface AlertmanagerOutcome {
  applied: Array<{ alertname: string; action: MitigationAction; provider?: string }>;
  ignored: Array<{ alertname: string; reason: string }>;
}

/**
 * Handle an Alertmanager webhook (version 4): each alert whose name has a mitigation in
 * ALERT_MITIGATION applies it (firing) or undoes it (resolved); the actor is `alertmanager:<alertname>`.
 */
export function handleAlertmanagerWebhook(
  body: unknown,
  flags: FeatureFlags,
  topology: Topology,
  telemetry: HybridTelemetry
): AlertmanagerOutcome {
  if (!isRecord(body)) {
    throw new AdminInputError('(body)', 'expected an Alertmanager webhook JSON object');
  }
  if (body.version !== '4') {
    throw new AdminInputError(
      'version',
      `expected "4" (Alertmanager webhook format), got ${JSON.stringify(body.version)}`
    );
  }
  if (!Array.isArray(body.alerts)) {
    throw new AdminInputError('alerts', 'expected a list');
  }
  const outcome: AlertmanagerOutcome = { applied: [], ignored: [] };
  body.alerts.forEach((alert: unknown, i: number) => {
    if (!isRecord(alert) || !isRecord(alert.labels)) {
      throw new AdminInputError(`alerts[${i}].labels`, 'expected an object of labels');
    }
    const alertname = alert.labels.alertname;
    if (typeof alertname !== 'string' || alertname === '') {
      throw new AdminInputError(`alerts[${i}].labels.alertname`, 'missing');
    }
    if (alert.status !== 'firing' && alert.status !== 'resolved') {
      throw new AdminInputError(
        `alerts[${i}].status`,
        `expected "firing" or "resolved", got ${JSON.stringify(alert.status)}`
      );
    }
    const mapping = ALERT_MITIGATION[alertname as AlertName];
    const actor = `${ALERTMANAGER_ACTOR_PREFIX}${alertname}`;
    const ignore = (reason: string) => {
      outcome.ignored.push({ alertname, reason });
      telemetry.log({
        level: 'info',
        event: MITIGATION_LOG_EVENT.alertIgnored,
        message: `alert ${alertname} (${String(alert.status)}): ${reason}`,
        [LOG_FIELD.actor]: actor,
      });
    };
    if (!mapping) {
      ignore('no mitigation is mapped to this alert');
      return;
    }
    const action = alert.status === 'firing' ? mapping.firing : mapping.resolved;
    let request: MitigationRequest;
    try {
      request = parseMitigationRequest({ action, actor, provider: alert.labels[LABEL.provider] }, topology);
    } catch (error) {
      ignore(`cannot apply ${action}: ${(error as Error).message}`);
      return;
    }
    applyMitigation(flags, request, telemetry);
    outcome.applied.push({ alertname, action, ...(request.provider ? { provider: request.provider } : {}) });
  });
  return outcome;
}
