import React from 'react';
import {
  SceneAppPage,
  SceneFlexItem,
  SceneReactObject,
  type EmbeddedScene,
  type SceneAppPageLike,
} from '@grafana/scenes';
import { PLAYBOOK, type PlaybookId, VARIABLE, type VariableName, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { t } from '../../i18n';
import { DataStates } from '../../states/DataStates';
import { PlaybookSteps } from './PlaybookSteps';
import { UnknownPlaybook } from './UnknownPlaybook';
import { playbookCatalog } from './playbookCatalog';
import { buildPlaybookChecksRunner } from './playbookQueries';
import type { PlaybookDef, PlaybookStep, ScopeValues } from './playbookTypes';
import { type AdminClient, adminClient, adminProxyBase } from './adminApi';
import { AdminStatus } from './adminStatus';
import { DegradedBanner } from './DegradedBanner';
import { backendSrvFetch } from './adminTransport';
import { MitigationButtons } from './MitigationButtons';
import { canRunMitigations, currentActor } from './userRole';

const KNOWN = new Set<string>(Object.values(PLAYBOOK));

export function isPlaybookId(id: string): id is PlaybookId {
  return KNOWN.has(id);
}

export function playbookVariables(def: PlaybookDef): VariableName[] {
  return [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki, ...def.scope.map((name) => VARIABLE[name])];
}

export interface PlaybookSceneOptions {
  /** The admin API the page talks to; default: the app's proxy route through Grafana's BackendSrv. */
  adminClient?: AdminClient;
  /** Whether the user may run mitigations; default: the organization role Grafana gives the plugin. */
  canRunMitigations?: boolean;
}

function defaultAdminClient(): AdminClient {
  return adminClient(adminProxyBase(), backendSrvFetch);
}

export function buildPlaybookScene(
  ctx: AppContext,
  playbook: string,
  options: PlaybookSceneOptions = {}
): EmbeddedScene {
  if (!isPlaybookId(playbook)) {
    return buildPageScene({
      ctx,
      variables: [VARIABLE.prometheus],
      children: [
        new SceneFlexItem({
          height: 'auto',
          body: new SceneReactObject({ component: UnknownPlaybook, props: { playbook } }),
        }),
      ],
    });
  }
  const def = playbookCatalog(ctx.settings.thresholds)[playbook];
  const allowed = options.canRunMitigations ?? canRunMitigations();
  const blocked = !allowed ? 'viewer' : ctx.settings.adminApiUrl === '' ? 'unconfigured' : undefined;
  const admin = new AdminStatus(options.adminClient ?? defaultAdminClient(), blocked);
  const actor = currentActor();
  const actions = (step: PlaybookStep, scope: ScopeValues) =>
    React.createElement(MitigationButtons, { actions: step.actions, scope, status: admin, actor });
  return buildPageScene({
    ctx,
    variables: playbookVariables(def),
    // Checks look at the last minutes; an hour of range keeps the links to traces and logs focused.
    defaultTimeRange: { from: 'now-1h', to: 'now' },
    children: [
      new SceneFlexItem({ height: 'auto', body: new DegradedBanner() }),
      new SceneFlexItem({ height: 'auto', body: admin }),
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: buildPlaybookChecksRunner(def),
          subject: t('playbook.subject', 'the live checks'),
          // A check without data says so itself; the steps always show.
          isEmpty: () => false,
          body: new PlaybookSteps({ def, actions }),
        }),
      }),
    ],
  });
}

export function playbookTitle(ctx: AppContext, playbook: string): string {
  if (!isPlaybookId(playbook)) {
    return t('playbook.title-unknown', '{{title}}: {{playbook}}', { title: pageTitle('playbook'), playbook });
  }
  const def = playbookCatalog(ctx.settings.thresholds)[playbook];
  return def.letter
    ? t('playbook.title-letter', 'Playbook {{letter}}: {{title}}', { letter: def.letter, title: def.title })
    : t('playbook.title', 'Playbook: {{title}}', { title: def.title });
}

export function buildPlaybookPage(
  ctx: AppContext,
  playbook: string,
  parent: SceneAppPageLike,
  options: PlaybookSceneOptions = {}
): SceneAppPage {
  return new SceneAppPage({
    title: playbookTitle(ctx, playbook),
    subTitle: t('playbook.subtitle', "The ops guide's steps in order, each with its live check against Prometheus"),
    url: appPath('playbook', { playbook }),
    routePath: appPath('playbook', { playbook }),
    getParentPage: () => parent,
    getScene: () => buildPlaybookScene(ctx, playbook, options),
  });
}
