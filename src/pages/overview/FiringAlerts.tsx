import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, Badge, Stack, Text, TextLink } from '@grafana/ui';
import { LABEL, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { linkFromScene } from '../../app/links';
import { samplesOf } from '../../app/frames';
import { testIds } from '../../testIds';
import { alertTarget } from '../../app/alertTargets';

interface FiringAlertsState extends SceneObjectState {
  refId: string;
}

const SHOWN_LABELS = [LABEL.slo, LABEL.provider, LABEL.backend, LABEL.model, LABEL.severity, LABEL.tier];

/** Alerts firing now (from Prometheus's ALERTS series), each linking to where it is investigated. */
export class FiringAlerts extends SceneObjectBase<FiringAlertsState> {
  static Component = ({ model }: SceneComponentProps<FiringAlerts>) => {
    const { data } = sceneGraph.getData(model).useState();
    sceneGraph.getTimeRange(model).useState();
    const alerts = samplesOf(data?.series ?? [], model.state.refId);
    return (
      <div data-testid={testIds.overview.firingAlerts}>
        <Text element="h3">Firing alerts</Text>
        {data?.errors?.length ? (
          <Alert severity="error" title="Could not read alert states from Prometheus">
            {data.errors.map((e) => e.message).join('; ')}
          </Alert>
        ) : alerts.length === 0 ? (
          <Text color="secondary">
            {data?.state === 'Done' ? 'No alerts firing in Prometheus right now.' : 'Loading alert states…'}
          </Text>
        ) : (
          <Stack direction="column" gap={1}>
            {alerts.map(({ labels }, i) => (
              <div key={i} data-testid={testIds.overview.firingAlert}>
                <Stack gap={1} alignItems="center">
                  <Badge color="red" text="firing" />
                  <TextLink href={linkFromScene(model, alertTarget(labels))} inline={false}>
                    {labels[PROMETHEUS_ALERTS.alertName] ?? 'unnamed alert'}
                  </TextLink>
                  <Text color="secondary">
                    {SHOWN_LABELS.filter((l) => labels[l])
                      .map((l) => `${l}=${labels[l]}`)
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
