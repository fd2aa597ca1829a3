import React from 'react';
import { LoadingState } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, Badge, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { LABEL } from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';
import { linkFromScene } from '../../app/links';
import { testIds } from '../../testIds';
import { SloMissingHelp } from '../slos/SloMissingHelp';
import { count, percent } from '../slos/sloFormat';
import { DETAIL_STATUS } from './sloDetailQueries';
import { playbookForSliType } from './playbookForSlo';
import { tierStates } from './tierStates';

interface SloStatusState extends SceneObjectState {
  slo: string;
  minEventsToJudge: number;
}

const STATE_COLOR = { firing: 'red', pending: 'orange', ok: 'green' } as const;

/** What the SLO is, whether it can be judged, each burn-rate tier's alert state, and its playbook. */
export class SloStatus extends SceneObjectBase<SloStatusState> {
  static Component = ({ model }: SceneComponentProps<SloStatus>) => {
    const { slo, minEventsToJudge } = model.useState();
    const { data } = sceneGraph.getData(model).useState();
    sceneGraph.getTimeRange(model).useState();
    if (!data || data.state === LoadingState.Loading || data.state === LoadingState.NotStarted) {
      return <LoadingPlaceholder text={`Reading SLO ${slo}…`} />;
    }
    if (data.errors?.length) {
      return (
        <Alert severity="error" title={`Could not read SLO ${slo} from Prometheus`}>
          {data.errors.map((e) => e.message).join('; ')}
        </Alert>
      );
    }
    const info = samplesOf(data.series, DETAIL_STATUS.info)[0]?.labels;
    if (!info) {
      return (
        <Stack direction="column">
          <Alert severity="warning" title={`SLO "${slo}" has no metadata`}>
            No <code>slo=&quot;{slo}&quot;</code> metadata series at the end of the time range. The SLO may be renamed,
            removed, or its rules not loaded.{' '}
            <TextLink href={linkFromScene(model, { page: 'slos' })}>See all SLOs</TextLink>.
          </Alert>
          <SloMissingHelp />
        </Stack>
      );
    }
    const events = samplesOf(data.series, DETAIL_STATUS.events)[0]?.value;
    const budget = samplesOf(data.series, DETAIL_STATUS.budget)[0]?.value;
    const playbook = playbookForSliType(info[LABEL.sliType]);
    const tiers = tierStates(data.series, DETAIL_STATUS.alerts);
    return (
      <div data-testid={testIds.sloDetail.status}>
        <Stack direction="column" gap={1}>
          <Text>
            {info[LABEL.sloService]} · {info[LABEL.sliType]} · objective {percent(Number(info[LABEL.objective]), 3)}{' '}
            over {info[LABEL.window]} · budget remaining {percent(budget, 1)} · {count(events)} events this period
          </Text>
          {budget === undefined && events === undefined && (
            <Alert severity="info" title="No data yet">
              The SLO is defined but its recording rules have produced no values: no events were recorded for it in this
              time range.
            </Alert>
          )}
          {events !== undefined && events < minEventsToJudge && (
            <div data-testid={testIds.sloDetail.lowTraffic}>
              <Alert severity="info" title="Too little traffic to judge">
                {count(events)} events this period; at least {minEventsToJudge} are needed before the SLI and burn rates
                mean anything.
              </Alert>
            </div>
          )}
          <Stack gap={2} wrap="wrap">
            {tiers.map(({ tier, state }) => (
              <span key={tier.tier} data-testid={testIds.sloDetail.tierState}>
                <Badge
                  color={STATE_COLOR[state]}
                  text={`${tier.tier} (${tier.severity}, ${tier.burnRate}× over ${tier.longWindow}/${tier.shortWindow}): ${state}`}
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
              {playbook ? `Playbook: ${playbook}` : 'Playbooks'}
            </TextLink>
          </div>
        </Stack>
      </div>
    );
  };
}
