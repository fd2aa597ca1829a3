import {
  EmbeddedScene,
  PanelBuilders,
  SceneAppPage,
  SceneControlsSpacer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneReactObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
} from '@grafana/scenes';
import { PAGE, appPath } from '@hybridlens/conventions';
import { requestRateByOutcome } from '../../queries/promql';
import type { AppContext } from '../../app/AppContext';
import { PROMETHEUS_DS_REF, prometheusVariable } from '../../app/variables';
import { WiringSummary } from './WiringSummary';

export function buildOverviewScene(ctx: AppContext): EmbeddedScene {
  const requests = new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [{ refId: 'A', expr: requestRateByOutcome(), legendFormat: '{{outcome}}' }],
  });
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-6h', to: 'now' }),
    $variables: new SceneVariableSet({ variables: [prometheusVariable(ctx)] }),
    controls: [new VariableValueSelectors({}), new SceneControlsSpacer(), new SceneTimePicker({}), new SceneRefreshPicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({ height: 'auto', body: new SceneReactObject({ component: WiringSummary, props: { ctx } }) }),
        new SceneFlexItem({
          minHeight: 300,
          body: PanelBuilders.timeseries().setTitle('Requests per second by outcome').setUnit('reqps').setData(requests).build(),
        }),
      ],
    }),
  });
}

export function buildOverviewPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: PAGE.overview.title,
    subTitle: 'SLO status, traffic and spend of the hybrid LLM + quantum pipeline',
    url: appPath('overview'),
    routePath: `${PAGE.overview.path}/*`,
    getScene: () => buildOverviewScene(ctx),
  });
}
