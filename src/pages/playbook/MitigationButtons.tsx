import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, ConfirmModal, Tooltip, useStyles2 } from '@grafana/ui';
import type { MitigationAction } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import type { ActionOutcome, AdminStatus } from './adminStatus';
import { actionEffect, actionLabel, adminErrorText, planAction } from './mitigations';
import type { ScopeValues } from './playbookTypes';

interface Props {
  actions: readonly MitigationAction[];
  scope: ScopeValues;
  status: AdminStatus;
  actor: string;
}

type FailedOutcome = Extract<ActionOutcome, { ok: false }>;

const flagList = (flags: readonly string[]) =>
  flags.length > 0 ? flags.join(', ') : t('playbook.action.no-flags', 'none');

function outcomeText(action: MitigationAction, outcome: Extract<ActionOutcome, { ok: true }>): string {
  const flags = flagList(outcome.value.flags);
  return outcome.value.result === 'unchanged'
    ? t('playbook.action.unchanged', '{{label}}: already in force, nothing changed. Flags now active: {{flags}}', {
        label: actionLabel(action),
        flags,
      })
    : t('playbook.action.applied', '{{label}}: applied. Flags now active: {{flags}}', {
        label: actionLabel(action),
        flags,
      });
}

/** Nothing changed only when the API cannot have acted; otherwise what it reports now, or that nobody knows. */
function failureTitle(action: MitigationAction, outcome: FailedOutcome): string {
  const label = actionLabel(action);
  if (outcome.applied === 'no') {
    return t('playbook.action.failed', '{{label}} did not run: nothing was changed', { label });
  }
  return outcome.now
    ? t('playbook.action.may-have-run', '{{label}} may have run: the admin API now reports flags {{flags}}', {
        label,
        flags: flagList(outcome.now.flags),
      })
    : t('playbook.action.outcome-unknown', '{{label}}: outcome unknown, it may or may not have run', { label });
}

/** What went wrong, then (when the API may have acted) what to do about it: one paragraph each. */
function failureText(outcome: FailedOutcome): string[] {
  const why = adminErrorText(outcome.error);
  if (outcome.applied === 'no') {
    return [why];
  }
  if (outcome.rereadError) {
    return [
      why,
      t(
        'playbook.action.reread-failed',
        'Reading the mitigation state again failed too ({{reason}}): see what is in force once the admin API answers, before running it again.',
        { reason: adminErrorText(outcome.rereadError) }
      ),
    ];
  }
  return [why, t('playbook.action.check-audit', 'Check the audit trail before running it again.')];
}

/**
 * A step's mitigation buttons: each asks for confirmation naming the effect and the scope, then calls the admin
 * API and shows what changed or why nothing did. Viewers see them disabled, with the reason.
 */
export function MitigationButtons({ actions, scope, status, actor }: Props) {
  const styles = useStyles2(getStyles);
  const [confirming, setConfirming] = useState<MitigationAction>();
  const [running, setRunning] = useState<MitigationAction>();
  const [outcome, setOutcome] = useState<{ action: MitigationAction; outcome: ActionOutcome }>();
  const { blocked } = status.useState();
  const blockedReason =
    blocked === 'viewer'
      ? t('playbook.action.roles-only', 'Editors and Admins only')
      : blocked === 'unconfigured'
        ? t('playbook.action.unconfigured', 'Set the admin API URL in the app settings first')
        : undefined;
  const plan = confirming ? planAction(confirming, scope, actor) : undefined;

  const confirm = async () => {
    if (!confirming || !plan?.ok) {
      return;
    }
    const action = confirming;
    setConfirming(undefined);
    setRunning(action);
    try {
      setOutcome({ action, outcome: await status.run(plan.request) });
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <div className={styles.actions} data-testid={testIds.playbook.actions}>
      <div className={styles.buttons}>
        {actions.map((action) => {
          const ready = planAction(action, scope, actor);
          const reason = blockedReason ?? (!ready.ok ? ready.reason : undefined);
          const button = (
            <Button
              key={action}
              size="sm"
              variant="secondary"
              icon="bolt"
              disabled={reason !== undefined || running !== undefined}
              data-testid={testIds.playbook.actionButton}
              data-action={action}
              aria-describedby={reason ? `hl-reason-${action}` : undefined}
              onClick={() => setConfirming(action)}
            >
              {running === action ? t('playbook.action.running', 'Running…') : actionLabel(action)}
            </Button>
          );
          return (
            <span key={action} className={styles.action}>
              {reason ? (
                <Tooltip content={reason}>
                  {/* A disabled button gets no pointer events: the wrapper carries the tooltip and the focus. */}
                  <span tabIndex={0}>{button}</span>
                </Tooltip>
              ) : (
                button
              )}
              {reason && (
                <span
                  id={`hl-reason-${action}`}
                  className={styles.reason}
                  data-testid={testIds.playbook.actionDisabledReason}
                  data-action={action}
                >
                  {reason}
                </span>
              )}
            </span>
          );
        })}
      </div>
      {outcome?.outcome.ok === true && (
        <Alert
          severity="success"
          title={t('playbook.action.done', 'Mitigation sent')}
          data-testid={testIds.playbook.actionResult}
          data-action={outcome.action}
          data-result={outcome.outcome.value.result}
          onRemove={() => setOutcome(undefined)}
        >
          {outcomeText(outcome.action, outcome.outcome)}
        </Alert>
      )}
      {outcome?.outcome.ok === false && (
        <Alert
          severity={outcome.outcome.applied === 'unknown' && outcome.outcome.now ? 'warning' : 'error'}
          title={failureTitle(outcome.action, outcome.outcome)}
          data-testid={testIds.playbook.actionError}
          data-action={outcome.action}
          data-kind={outcome.outcome.error.kind}
          data-applied={outcome.outcome.applied}
          onRemove={() => setOutcome(undefined)}
        >
          {failureText(outcome.outcome).map((paragraph) => (
            <p key={paragraph} className={styles.paragraph}>
              {paragraph}
            </p>
          ))}
        </Alert>
      )}
      {confirming && plan?.ok && (
        <ConfirmModal
          isOpen
          title={t('playbook.action.confirm-title', '{{label}}?', { label: actionLabel(confirming) })}
          body={
            <div>
              <p>{actionEffect(confirming)}</p>
              <p>
                {t('playbook.action.confirm-scope', 'Applies to: {{scope}}.', { scope: plan.scope })}{' '}
                {t('playbook.action.confirm-audit', 'It is recorded in the audit trail as {{actor}}.', { actor })}
              </p>
            </div>
          }
          confirmText={actionLabel(confirming)}
          confirmVariant="destructive"
          onConfirm={confirm}
          onDismiss={() => setConfirming(undefined)}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({
    marginTop: theme.spacing(1.5),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  buttons: css({ display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap', alignItems: 'center' }),
  action: css({ display: 'inline-flex', gap: theme.spacing(1), alignItems: 'center' }),
  reason: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  paragraph: css({ margin: 0 }),
});
