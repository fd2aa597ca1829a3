import React from 'react';
import {
  SceneObjectBase,
  sceneGraph,
  type SceneComponentProps,
  type SceneObject,
  type SceneObjectState,
} from '@grafana/scenes';
import { Alert, Badge, Stack, Text, TextLink } from '@grafana/ui';
import { LABEL, type PlaybookId, PLAYBOOK } from '@hybridlens/conventions';
import { Trans, t } from '../../i18n';
import { samplesOf } from '../../app/frames';
import { linkFromScene } from '../../app/links';
import { testIds } from '../../ui/testIds';
import { EmptyMessage } from '../../states/StateMessages';
import { SloMissingHelp } from '../slos/SloMissingHelp';
import { count, percent } from '../slos/sloFormat';
import { canJudge } from '../slos/sloJudge';
import { DETAIL_STATUS } from './sloDetailQueries';
import { type TierState, tierStates } from './tierStates';

interface SloStatusState extends SceneObjectState {
  slo: string;
  minEventsToJudge: number;
}

const STATE_COLOR = { firing: 'red', pending: 'orange', ok: 'green' } as const;

const KNOWN_PLAYBOOKS: ReadonlySet<string> = new Set(Object.values(PLAYBOOK));

/** The playbook the SLO's metadata names (`playbook` on hybridlens_slo_info), when the app knows it. */
export function playbookOf(info: Readonly<Record<string, string>>): PlaybookId | undefined {
  const playbook = info[LABEL.playbook];
  return playbook && KNOWN_PLAYBOOKS.has(playbook) ? (playbook as PlaybookId) : undefined;
}

function tierStateText(state: TierState): string {
  switch (state) {
    case 'firing':
      return t('slo-detail.tier-state.firing', 'firing');
    case 'pending':
      return t('slo-detail.tier-state.pending', 'pending');
    case 'ok':
      return t('slo-detail.tier-state.ok', 'ok');
  }
}

/** "This SLO has no metadata": renamed, removed, or its rules not loaded. */
export function SloWithoutMetadata({ model, slo }: { model: SceneObject; slo: string }) {
  return (
    <Stack direction="column">
      <EmptyMessage
        severity="warning"
        title={t('slo-detail.no-metadata.title', 'SLO "{{slo}}" has no metadata', { slo })}
      >
        <Trans i18nKey="slo-detail.no-metadata.body">
          No metadata series names this SLO at the end of the time range. It may be renamed, removed, or its rules not
          loaded.
        </Trans>{' '}
        <TextLink href={linkFromScene(model, { page: 'slos' })}>
          {t('slo-detail.no-metadata.all-slos', 'See all SLOs')}
        </TextLink>
      </EmptyMessage>
      <SloMissingHelp />
    </Stack>
  );
}

/**
 * What the SLO is, whether it can be judged, each burn-rate tier's alert state, and its playbook. Loading,
 * errors and missing metadata are shown by the DataStates around it.
 */
export class SloStatus extends SceneObjectBase<SloStatusState> {
  static Component = ({ model }: SceneComponentProps<SloStatus>) => {
    const { minEventsToJudge } = model.useState();
    const { data } = sceneGraph.getData(model).useState();
    sceneGraph.getTimeRange(model).useState();
    const series = data?.series ?? [];
    const info = samplesOf(series, DETAIL_STATUS.info)[0]?.labels ?? {};
    const events = samplesOf(series, DETAIL_STATUS.events)[0]?.value;
    const budget = samplesOf(series, DETAIL_STATUS.budget)[0]?.value;
    const playbook = playbookOf(info);
    const tiers = tierStates(series, DETAIL_STATUS.alerts);
    const objective = Number(info[LABEL.objective]);
    // Remaining budget is 1 - errorRatio / (1 - objective): the period's error ratio, back from it.
    const judged = canJudge({
      events,
      errorRatio: budget === undefined || !Number.isFinite(objective) ? undefined : (1 - budget) * (1 - objective),
      objective: Number.isFinite(objective) ? objective : undefined,
      minEvents: minEventsToJudge,
    });
    return (
      <div data-testid={testIds.sloDetail.status}>
        <Stack direction="column" gap={1}>
          <Text>
            {t(
              'slo-detail.summary',
              '{{service}} · {{sliType}} · objective {{objective}} over {{window}} · budget remaining {{budget}} · {{events}} events this period',
              {
                service: info[LABEL.sloService],
                sliType: info[LABEL.sliType],
                objective: percent(Number(info[LABEL.objective]), 3),
                window: info[LABEL.window],
                budget: percent(budget, 1),
                events: count(events),
              }
            )}
          </Text>
          {budget === undefined && events === undefined && (
            <Alert severity="info" title={t('slo-detail.no-values.title', 'No data yet')}>
              <Trans i18nKey="slo-detail.no-values.body">
                The SLO is defined but its recording rules have produced no values: no events were recorded for it in
                this time range.
              </Trans>
            </Alert>
          )}
          {events !== undefined && !judged && (
            <div data-testid={testIds.sloDetail.lowTraffic}>
              <Alert severity="info" title={t('slo-detail.low-traffic.title', 'Too little traffic to judge')}>
                {t(
                  'slo-detail.low-traffic.body',
                  '{{events}} events this period: fewer than {{minEvents}}, and too few to tell whether the objective is met; the SLI and burn rates say little yet.',
                  { events: count(events), minEvents: minEventsToJudge }
                )}
              </Alert>
            </div>
          )}
          <Stack gap={2} wrap="wrap">
            {tiers.map(({ tier, state }) => (
              <span key={tier.tier} data-testid={testIds.sloDetail.tierState} data-state={state}>
                <Badge
                  color={STATE_COLOR[state]}
                  text={t(
                    'slo-detail.tier',
                    '{{tier}} ({{severity}}, {{burnRate}}× over {{longWindow}}/{{shortWindow}}): {{state}}',
                    { ...tier, state: tierStateText(state) }
                  )}
                />
              </span>
            ))}
          </Stack>
          <div>
            <TextLink
              data-testid={testIds.sloDetail.playbookLink}
              href={linkFromScene(model, playbook ? { page: 'playbook', params: { playbook } } : { page: 'playbooks' })}
              inline={false}
              icon="book"
            >
              {playbook
                ? t('slo-detail.playbook', 'Playbook: {{playbook}}', { playbook })
                : t('slo-detail.playbooks', 'Playbooks')}
            </TextLink>
          </div>
        </Stack>
      </div>
    );
  };
}
