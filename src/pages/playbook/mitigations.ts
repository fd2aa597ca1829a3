import {
  ALERTMANAGER_ACTOR_PREFIX,
  FEATURE_FLAG,
  FEATURE_FLAG_ACTION,
  MITIGATION_ACTION,
  type MitigationAction,
  parseFeatureFlag,
} from '@hybridlens/conventions';
import { t } from '../../i18n';
import type { AdminError, AuditLine, FlagsView } from './adminApi';
import type { ScopeValues } from './playbookTypes';
import { scopeValueText } from './scopeText';

/** Actions that apply to one provider (the admin API refuses them without one, and the rest with one). */
const PROVIDER_ACTIONS: ReadonlySet<MitigationAction> = new Set([
  MITIGATION_ACTION.disableProvider,
  MITIGATION_ACTION.enableProvider,
]);

export function actionLabel(action: MitigationAction): string {
  switch (action) {
    case MITIGATION_ACTION.forceSimulator:
      return t('playbook.action.force-simulator.label', 'Switch to the simulator');
    case MITIGATION_ACTION.releaseSimulator:
      return t('playbook.action.release-simulator.label', 'Back to real hardware');
    case MITIGATION_ACTION.reduceShots:
      return t('playbook.action.reduce-shots.label', 'Reduce shots');
    case MITIGATION_ACTION.restoreShots:
      return t('playbook.action.restore-shots.label', 'Restore shots');
    case MITIGATION_ACTION.disableProvider:
      return t('playbook.action.disable-provider.label', 'Disable provider');
    case MITIGATION_ACTION.enableProvider:
      return t('playbook.action.enable-provider.label', 'Enable provider');
    case MITIGATION_ACTION.deterministicDecoding:
      return t('playbook.action.deterministic.label', 'Roll back to deterministic decoding');
    case MITIGATION_ACTION.restoreDecoding:
      return t('playbook.action.restore-decoding.label', 'Restore normal decoding');
  }
}

/** What the action does, in the confirmation dialog. */
export function actionEffect(action: MitigationAction): string {
  switch (action) {
    case MITIGATION_ACTION.forceSimulator:
      return t(
        'playbook.action.force-simulator.effect',
        'Every quantum request is routed to the simulator instead of real hardware until someone releases it.'
      );
    case MITIGATION_ACTION.releaseSimulator:
      return t(
        'playbook.action.release-simulator.effect',
        'Quantum requests go to real hardware again; holds that alerts placed on the simulator switch are dropped.'
      );
    case MITIGATION_ACTION.reduceShots:
      return t(
        'playbook.action.reduce-shots.effect',
        'Every QPU job runs with a quarter of its shots (lower cost and queue time, less precise results).'
      );
    case MITIGATION_ACTION.restoreShots:
      return t('playbook.action.restore-shots.effect', 'QPU jobs run with their full number of shots again.');
    case MITIGATION_ACTION.disableProvider:
      return t(
        'playbook.action.disable-provider.effect',
        'The orchestrator stops sending jobs to this provider; its requests fall back to other backends or the simulator.'
      );
    case MITIGATION_ACTION.enableProvider:
      return t(
        'playbook.action.enable-provider.effect',
        'The orchestrator may send jobs to this provider again (check its calibration first).'
      );
    case MITIGATION_ACTION.deterministicDecoding:
      return t(
        'playbook.action.deterministic.effect',
        'Every LLM call runs at temperature 0 (deterministic decoding) until someone restores it.'
      );
    case MITIGATION_ACTION.restoreDecoding:
      return t('playbook.action.restore-decoding.effect', 'LLM calls use their configured temperature again.');
  }
}

export interface ActionRequest {
  action: MitigationAction;
  provider?: string;
  actor: string;
}

/** Where the action applies, said in the confirmation, plus the request; or why it cannot run in this scope. */
export type ActionPlan = { ok: true; request: ActionRequest; scope: string } | { ok: false; reason: string };

/**
 * The admin API call for an action in the page's scope. Provider actions need exactly one provider in the URL;
 * the others apply to the whole pipeline, whatever the page is narrowed to, and the confirmation says so.
 */
export function planAction(action: MitigationAction, scope: ScopeValues, actor: string): ActionPlan {
  if (PROVIDER_ACTIONS.has(action)) {
    if (!scope.provider) {
      return {
        ok: false,
        reason: t('playbook.action.needs-provider', 'Choose one provider in the Provider filter first'),
      };
    }
    return {
      ok: true,
      request: { action, provider: scope.provider, actor },
      scope: t('playbook.action.scope-provider', 'provider {{provider}}', {
        provider: scopeValueText('provider', scope.provider),
      }),
    };
  }
  const narrowed = (['provider', 'backend', 'model'] as const).filter((k) => scope[k]);
  const global = t('playbook.action.scope-global', 'the whole pipeline (every provider, backend and model)');
  return {
    ok: true,
    request: { action, actor },
    scope:
      narrowed.length === 0
        ? global
        : t('playbook.action.scope-global-narrowed', '{{global}}, not only {{narrowed}}', {
            global,
            narrowed: narrowed.map((k) => `${k} ${scopeValueText(k, scope[k]!)}`).join(', '),
          }),
  };
}

/** One sentence per admin API failure: what happened and what to check. */
export function adminErrorText(error: AdminError): string {
  switch (error.kind) {
    case 'refused':
      return t('playbook.admin-error.refused', 'The admin API could not be reached ({{detail}}).', {
        detail: error.detail,
      });
    case 'timeout':
      return t('playbook.admin-error.timeout', 'The admin API did not answer in time: {{detail}}.', {
        detail: error.detail,
      });
    case 'denied':
      return t(
        'playbook.admin-error.denied',
        'Denied ({{status}}): only Editors and Admins may run mitigations, and the app needs the admin API token in its settings. {{detail}}',
        { status: error.status ?? '', detail: error.detail }
      );
    case 'malformed':
      return t('playbook.admin-error.malformed', 'The admin API answered something unexpected: {{detail}}.', {
        detail: error.detail,
      });
    case 'http':
      if (error.status === 502 || error.status === 503 || error.status === 504) {
        return t(
          'playbook.admin-error.gateway',
          'The admin API is not reachable from Grafana (HTTP {{status}}): check that it runs and the admin API URL in the app settings. {{detail}}',
          { status: error.status, detail: error.detail }
        );
      }
      return t('playbook.admin-error.http', 'The admin API refused the request (HTTP {{status}}): {{detail}}', {
        status: error.status ?? '',
        detail: error.detail,
      });
  }
}

export interface ActiveMitigation {
  flag: string;
  /** RFC 3339, when it is known (an alert's hold, or the audit entry that applied it). */
  since?: string;
  /** Who: `alertmanager:<alert>` for holds, the person for manual settings. */
  by?: string;
}

/**
 * Every flag in force with since when: an alert's hold knows it; a manual setting takes the time of the newest
 * audit entry that applied that action (for that provider).
 */
export function activeMitigations(view: FlagsView, audit: readonly AuditLine[]): ActiveMitigation[] {
  return view.flags.map((flag) => {
    // An unknown flag (a newer orchestrator's) is still listed; only its "since" is lost.
    const parsed = parseFeatureFlag(flag);
    const action = parsed ? FEATURE_FLAG_ACTION[parsed.name] : undefined;
    const provider = parsed?.name === FEATURE_FLAG.disableProvider ? parsed.arg : undefined;
    const hold = view.holds.find((h) => h.action === action && (provider === undefined || h.provider === provider));
    if (hold) {
      return { flag, since: hold.since, by: `${ALERTMANAGER_ACTOR_PREFIX}${hold.alertname}` };
    }
    const applied = [...audit]
      .filter(
        (e) => e.action === action && e.result === 'applied' && (provider === undefined || e.provider === provider)
      )
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
    return applied ? { flag, since: applied.time, by: applied.actor } : { flag };
  });
}
