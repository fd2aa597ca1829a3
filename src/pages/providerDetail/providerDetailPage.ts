import React from 'react';
import { SceneAppPage, SceneFlexItem, type EmbeddedScene, type SceneAppPageLike } from '@grafana/scenes';
import { QUBIT_MAP_METRIC, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { samplesOf } from '../../app/frames';
import { t } from '../../i18n';
import { DataStates } from '../../states/DataStates';
import { EmptyMessage } from '../../states/StateMessages';
import type { BackendRef } from '../../queries/calibration';
import { BackendCalibration, DEFAULT_CHAIN_LENGTH } from './BackendCalibration';
import { DEFAULT_DRIFT_FACTOR } from './flags';
import { buildSnapshotRunner } from './providerDetailRunner';
import { SNAPSHOT } from './snapshot';
import { providerDisplayName } from '../../ui/providerNames';
import { buildMedianTrends } from './medianTrends';

export const PROVIDER_DETAIL_VARIABLES = [VARIABLE.prometheus] as const;

export function buildProviderDetailScene(ctx: AppContext, backend: BackendRef): EmbeddedScene {
  const { provider, backend: name } = backend;
  return buildPageScene({
    ctx,
    variables: PROVIDER_DETAIL_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: buildSnapshotRunner(backend),
          subject: t('provider-detail.subject', 'the calibration of {{provider}}/{{backend}}', {
            provider: providerDisplayName(provider),
            backend: name,
          }),
          // The layout series lists every qubit of the device: without it there is no calibration at this time.
          isEmpty: (series) => samplesOf(series, SNAPSHOT.layout).length === 0,
          Empty: () =>
            React.createElement(
              EmptyMessage,
              {
                title: t(
                  'provider-detail.empty.title',
                  'No calibration of {{provider}}/{{backend}} at the end of this time range',
                  {
                    provider: providerDisplayName(provider),
                    backend: name,
                  }
                ),
              },
              t(
                'provider-detail.empty.body',
                'Move the time range to when the backend was calibrated, or check that the calibration exporter serves it (provider and backend ids are case-sensitive).'
              )
            ),
          body: new BackendCalibration({
            provider,
            backend: name,
            metric: QUBIT_MAP_METRIC.t1,
            chainLength: DEFAULT_CHAIN_LENGTH,
            driftFactor: DEFAULT_DRIFT_FACTOR,
            jobQubits: [],
          }),
        }),
      }),
      new SceneFlexItem({ height: 'auto', body: buildMedianTrends(backend) }),
    ],
  });
}

export function buildProviderDetailPage(ctx: AppContext, backend: BackendRef, parent: SceneAppPageLike): SceneAppPage {
  const url = appPath('providerDetail', { provider: backend.provider, backend: backend.backend });
  return new SceneAppPage({
    title: t('provider-detail.title', '{{title}}: {{provider}} / {{backend}}', {
      title: pageTitle('providerDetail'),
      provider: providerDisplayName(backend.provider),
      backend: backend.backend,
    }),
    subTitle: t(
      'provider-detail.subtitle',
      'Calibration at the end of the time range: move the range to replay an older snapshot'
    ),
    url,
    routePath: url,
    getParentPage: () => parent,
    getScene: () => buildProviderDetailScene(ctx, backend),
  });
}
