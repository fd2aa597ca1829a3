import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObject,
  type SceneObjectState,
} from '@grafana/scenes';
import { Badge, TextLink, useStyles2 } from '@grafana/ui';
import { DATASOURCE_TYPE, VARIABLE } from '@hybridlens/conventions';
import { exploreUrl } from '../../app/exploreLinks';
import { linkFromScene } from '../../app/links';
import { selectedValues } from '../../app/variableValues';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { PlaybookHeader } from './PlaybookHeader';
import { scopeLine } from './scopeLine';
import { formatCheckValue } from './checkValueFormat';
import { type CheckResult, type CheckState, checkResult } from './checkResults';
import type { PlaybookDef, PlaybookStep, ScopeValues, ScopeVariable, StepLink } from './playbookTypes';

interface PlaybookStepsState extends SceneObjectState {
  def: PlaybookDef;
  /** Rendered under each step that offers mitigations (the actions of that step, in the page's scope). */
  actions?: (step: PlaybookStep, scope: ScopeValues) => React.ReactNode;
}

/** The one value of each scope variable when exactly one is selected. */
export function scopeValues(model: SceneObject, scope: readonly ScopeVariable[]): ScopeValues {
  const out: ScopeValues = {};
  for (const name of scope) {
    const values = selectedValues(model, VARIABLE[name]);
    if (values?.length === 1) {
      out[name] = values[0];
    }
  }
  return out;
}

function stepHref(model: SceneObject, link: StepLink, scope: ScopeValues): string {
  if (link.kind === 'app') {
    return linkFromScene(model, link.link, link.carry);
  }
  const range = sceneGraph.getTimeRange(model).state.value;
  const time = { from: String(range.from.valueOf()), to: String(range.to.valueOf()) };
  if (link.kind === 'traces') {
    const uid = sceneGraph.interpolate(model, `\${${VARIABLE.tempo}}`);
    return exploreUrl({ datasource: { type: DATASOURCE_TYPE.tempo, uid }, query: link.traceQl(scope), ...time });
  }
  const uid = sceneGraph.interpolate(model, `\${${VARIABLE.loki}}`);
  return exploreUrl({ datasource: { type: DATASOURCE_TYPE.loki, uid }, query: link.logQl(scope), ...time });
}

function stateBadge(state: CheckState) {
  switch (state) {
    case 'holds':
      return <Badge color="red" icon="exclamation-triangle" text={t('playbook.check-state.holds', 'holds now')} />;
    case 'clear':
      return <Badge color="green" icon="check" text={t('playbook.check-state.clear', 'does not hold')} />;
    case 'noData':
      return <Badge color="blue" text={t('playbook.check-state.no-data', 'no data in scope')} />;
    case 'info':
      return <Badge color="purple" text={t('playbook.check-state.info', 'current value')} />;
  }
}

function Check({ result }: { result: CheckResult }) {
  const styles = useStyles2(getStyles);
  const { check, state, rows } = result;
  return (
    <li className={styles.check} data-testid={testIds.playbook.check} data-check={check.id} data-state={state}>
      <div className={styles.checkHead}>
        {stateBadge(state)}
        <span>{check.label}</span>
      </div>
      {rows.length > 0 && (
        <ul className={styles.rows}>
          {rows.map((row, i) => (
            <li
              key={`${row.subject}-${i}`}
              data-testid={testIds.playbook.checkRow}
              data-holds={row.holds === undefined ? undefined : String(row.holds)}
              className={row.holds ? styles.rowHolds : undefined}
            >
              {row.subject ? `${row.subject}: ` : ''}
              <strong>{formatCheckValue(row.value, check.unit)}</strong>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The playbook's steps in the ops guide's order, each with its live checks, links and actions. */
export class PlaybookSteps extends SceneObjectBase<PlaybookStepsState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VARIABLE.tempo, VARIABLE.loki, VARIABLE.provider, VARIABLE.backend, VARIABLE.model],
    onReferencedVariableValueChanged: () => this.forceRender(),
  });

  static Component = PlaybookStepsRenderer;
}

function PlaybookStepsRenderer({ model }: SceneComponentProps<PlaybookSteps>) {
  const { def, actions } = model.useState();
  const styles = useStyles2(getStyles);
  sceneGraph.getTimeRange(model).useState();
  const frames = sceneGraph.getData(model).useState().data?.series ?? [];
  const scope = scopeValues(model, def.scope);
  return (
    <>
      <PlaybookHeader def={def} frames={frames} scope={scopeLine(def.scope, scope)} />
      <ol className={styles.steps}>
        {def.steps.map((step, i) => (
          <li key={step.key} className={styles.step} data-testid={testIds.playbook.step} data-step={step.key}>
            <h3 className={styles.stepTitle}>
              {i + 1}. {step.title}
            </h3>
            <p className={styles.text}>{step.text}</p>
            {step.checks.length > 0 && (
              <ul className={styles.checks} aria-label={t('playbook.checks-label', 'Live checks')}>
                {step.checks.map((check) => (
                  <Check key={check.id} result={checkResult(frames, check)} />
                ))}
              </ul>
            )}
            {step.links.length > 0 && (
              <div className={styles.links}>
                {step.links.map((link) => (
                  <TextLink
                    key={link.label}
                    href={stepHref(model, link, scope)}
                    external={link.kind !== 'app'}
                    data-testid={testIds.playbook.stepLink}
                    data-kind={link.kind}
                  >
                    {link.label}
                  </TextLink>
                ))}
              </div>
            )}
            {step.actions.length > 0 && actions?.(step, scope)}
          </li>
        ))}
      </ol>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  steps: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  }),
  step: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
    background: theme.colors.background.primary,
  }),
  stepTitle: css({ fontSize: theme.typography.h4.fontSize, margin: 0 }),
  text: css({ margin: theme.spacing(1, 0), color: theme.colors.text.secondary }),
  checks: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  check: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  checkHead: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' }),
  rows: css({
    margin: theme.spacing(0, 0, 0, 3),
    padding: 0,
    listStyle: 'disc',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  rowHolds: css({ color: theme.colors.error.text }),
  links: css({ display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap', marginTop: theme.spacing(1) }),
});
