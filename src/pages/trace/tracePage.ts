import { SceneAppPage, SceneFlexItem, type EmbeddedScene, type SceneAppPageLike } from '@grafana/scenes';
import { VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pathParams, sectionOf, sectionUrl } from '../../app/routing';
import { t } from '../../i18n';
import { OpenById } from './OpenById';
import { TraceView } from './TraceView';

export const TRACE_VARIABLES = [VARIABLE.tempo, VARIABLE.loki, VARIABLE.prometheus] as const;

export function buildTraceScene(ctx: AppContext, traceId: string): EmbeddedScene {
  const { tempoUid, lokiUid, prometheusUid } = ctx.settings;
  return buildPageScene({
    ctx,
    variables: TRACE_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new TraceView({ traceId, defaults: { tempo: tempoUid, loki: lokiUid, prometheus: prometheusUid } }),
      }),
    ],
  });
}

function buildTraceDetailPage(ctx: AppContext, traceId: string, parent: SceneAppPageLike): SceneAppPage {
  const url = appPath('trace', { traceId });
  return new SceneAppPage({
    title: t('trace.page-title', 'Trace {{id}}', { id: traceId }),
    url,
    routePath: url,
    getParentPage: () => parent,
    getScene: () => buildTraceScene(ctx, traceId),
  });
}

/** `traces` (paste an id) and `traces/:traceId` (the trace). */
export function buildTracePage(ctx: AppContext): SceneAppPage {
  const section = sectionOf('trace');
  return new SceneAppPage({
    title: pageTitle('trace'),
    url: sectionUrl('trace'),
    routePath: `${section}/*`,
    getScene: () =>
      buildPageScene({
        ctx,
        variables: TRACE_VARIABLES,
        children: [new SceneFlexItem({ height: 'auto', body: new OpenById({ page: 'trace' }) })],
      }),
    drilldowns: [
      {
        routePath: drilldownRoutePath(section, 'trace'),
        getPage: (match, parent) => buildTraceDetailPage(ctx, pathParams(match.params).traceId ?? '', parent),
      },
    ],
  });
}
