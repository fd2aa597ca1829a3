import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Badge, Stack, Text, TextLink } from '@grafana/ui';
import { LABEL, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { Trans, t } from '../../i18n';
import { linkFromScene } from '../../app/links';
import { samplesOf } from '../../app/frames';
import { alertTarget } from '../../app/alertTargets';
import { testIds } from '../../ui/testIds';
import { labelValueDisplayName } from '../../ui/providerNames';

interface FiringAlertsState extends SceneObjectState {
  refId: string;
}

const SHOWN_LABELS = [LABEL.slo, LABEL.provider, LABEL.backend, LABEL.model, LABEL.severity, LABEL.tier];

/**
 * Alerts firing now (from Prometheus's ALERTS series), each linking to where it is investigated. Loading and
 * errors are shown by the DataStates around it.
 */
export class FiringAlerts extends SceneObjectBase<FiringAlertsState> {
  static Component = ({ model }: SceneComponentProps<FiringAlerts>) => {
    const { data } = sceneGraph.getData(model).useState();
    sceneGraph.getTimeRange(model).useState();
    const alerts = samplesOf(data?.series ?? [], model.state.refId);
    return (
      <div data-testid={testIds.overview.firingAlerts}>
        <Text element="h3">
          <Trans i18nKey="overview.firing-alerts.title">Firing alerts</Trans>
        </Text>
        {alerts.length === 0 ? (
          <Text color="secondary">
            <Trans i18nKey="overview.firing-alerts.none">No alerts firing in Prometheus right now.</Trans>
          </Text>
        ) : (
          <Stack direction="column" gap={1}>
            {alerts.map(({ labels }, i) => (
              <div key={i} data-testid={testIds.overview.firingAlert}>
                <Stack gap={1} alignItems="center">
                  <Badge color="red" text={t('overview.firing-alerts.badge', 'firing')} />
                  <TextLink href={linkFromScene(model, alertTarget(labels))} inline={false}>
                    {labels[PROMETHEUS_ALERTS.alertName] ?? t('overview.firing-alerts.unnamed', 'unnamed alert')}
                  </TextLink>
                  <Text color="secondary">
                    {SHOWN_LABELS.filter((l) => labels[l])
                      .map((l) => `${l}=${labelValueDisplayName(l, labels[l]!)}`)
                      .join(' ')}
                  </Text>
                </Stack>
              </div>
            ))}
          </Stack>
        )}
      </div>
    );
  };
}
