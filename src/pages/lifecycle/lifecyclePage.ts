import { SceneAppPage, SceneFlexItem, SceneFlexLayout, SceneReactObject, type EmbeddedScene } from '@grafana/scenes';
import { VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { pageRoutePath } from '../../app/routing';
import { samplesOf } from '../../app/frames';
import { t } from '../../i18n';
import { DataStates } from '../../states/DataStates';
import { Decisions } from './Decisions';
import { SectionHeading } from './SectionHeading';
import { FilterNote } from './FilterNote';
import { LifecycleWaterfall } from './LifecycleWaterfall';
import { SlowRequests } from './SlowRequests';
import { DECISIONS, LIFECYCLE, buildDecisionsRunner, buildWaterfallRunner } from './lifecycleQueries';

export const LIFECYCLE_VARIABLES = [
  VARIABLE.prometheus,
  VARIABLE.tempo,
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.path,
  VARIABLE.provider,
] as const;

function heading(text: string): SceneFlexItem {
  return new SceneFlexItem({
    height: 'auto',
    body: new SceneReactObject({ component: SectionHeading, props: { text } }),
  });
}

export function buildLifecycleScene(ctx: AppContext): EmbeddedScene {
  const { settings } = ctx;
  return buildPageScene({
    ctx,
    variables: LIFECYCLE_VARIABLES,
    children: [
      heading(t('lifecycle.waterfall.title', 'Request lifecycle by served path: P50 and P95 of each stage')),
      new SceneFlexItem({ height: 'auto', body: new FilterNote({}) }),
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: buildWaterfallRunner(),
          subject: t('lifecycle.waterfall.subject', 'per-stage latencies'),
          isEmpty: (series) =>
            samplesOf(series, LIFECYCLE.durationP50).every((s) => !Number.isFinite(s.value)) &&
            samplesOf(series, LIFECYCLE.requests).every((s) => !(s.value > 0)),
          body: new LifecycleWaterfall({}),
        }),
      }),
      heading(t('lifecycle.requests.title', 'Slowest and failed requests')),
      new SceneFlexItem({
        height: 'auto',
        body: new SlowRequests({
          prometheusUid: settings.prometheusUid,
          tempoUid: settings.tempoUid,
          slowSeconds: settings.thresholds.latencySeconds,
        }),
      }),
      heading(t('lifecycle.decisions.title', 'Orchestrator decisions: path chosen and why')),
      new SceneFlexItem({
        height: 'auto',
        body: new SceneFlexLayout({
          children: [
            new SceneFlexItem({
              height: 'auto',
              body: new DataStates({
                $data: buildDecisionsRunner(),
                subject: t('lifecycle.decisions.subject', 'orchestrator decisions'),
                isEmpty: (series) => samplesOf(series, DECISIONS.byPathReason).length === 0,
                body: new Decisions(),
              }),
            }),
          ],
        }),
      }),
    ],
  });
}

export function buildLifecyclePage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('lifecycle'),
    subTitle: t(
      'lifecycle.subtitle',
      'Where requests spend their time, stage by stage, on the QPU, simulator and classical paths'
    ),
    url: appPath('lifecycle'),
    routePath: pageRoutePath('lifecycle'),
    getScene: () => buildLifecycleScene(ctx),
  });
}
