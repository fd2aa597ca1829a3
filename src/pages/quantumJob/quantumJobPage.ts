import { SceneAppPage, SceneFlexItem, type EmbeddedScene, type SceneAppPageLike } from '@grafana/scenes';
import { VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pathParams, sectionOf, sectionUrl } from '../../app/routing';
import { t } from '../../i18n';
import { OpenById } from '../trace/OpenById';
import { JobView } from './JobView';

export const JOB_VARIABLES = [VARIABLE.tempo, VARIABLE.loki, VARIABLE.prometheus] as const;
/** Jobs are looked up by search: a day back by default (a QPU queue can hold a job for hours). */
export const JOB_DEFAULT_RANGE = { from: 'now-24h', to: 'now' } as const;

export function buildQuantumJobScene(ctx: AppContext, jobId: string): EmbeddedScene {
  const { tempoUid, lokiUid, prometheusUid } = ctx.settings;
  return buildPageScene({
    ctx,
    variables: JOB_VARIABLES,
    defaultTimeRange: JOB_DEFAULT_RANGE,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new JobView({ jobId, defaults: { tempo: tempoUid, loki: lokiUid, prometheus: prometheusUid } }),
      }),
    ],
  });
}

function buildJobDetailPage(ctx: AppContext, jobId: string, parent: SceneAppPageLike): SceneAppPage {
  const url = appPath('quantumJob', { jobId });
  return new SceneAppPage({
    title: t('job.page-title', 'Quantum job {{id}}', { id: jobId }),
    url,
    routePath: url,
    getParentPage: () => parent,
    getScene: () => buildQuantumJobScene(ctx, jobId),
  });
}

/** `jobs` (paste an id) and `jobs/:jobId` (the job). */
export function buildQuantumJobPage(ctx: AppContext): SceneAppPage {
  const section = sectionOf('quantumJob');
  return new SceneAppPage({
    title: pageTitle('quantumJob'),
    url: sectionUrl('quantumJob'),
    routePath: `${section}/*`,
    getScene: () =>
      buildPageScene({
        ctx,
        variables: JOB_VARIABLES,
        children: [new SceneFlexItem({ height: 'auto', body: new OpenById({ page: 'quantumJob' }) })],
      }),
    drilldowns: [
      {
        routePath: drilldownRoutePath(section, 'quantumJob'),
        getPage: (match, parent) => buildJobDetailPage(ctx, pathParams(match.params).jobId ?? '', parent),
      },
    ],
  });
}
