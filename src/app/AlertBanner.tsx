import React from 'react';
import {
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { Alert } from '@grafana/ui';
import { QUERY_PARAM } from '@hybridlens/conventions';
import { t } from '../i18n';
import { testIds } from '../ui/testIds';

interface AlertBannerState extends SceneObjectState {
  alertName?: string;
}

/**
 * Says which alert brought the user here (`alertname` in alert links) and over which time range,
 * so an on-call engineer knows the page is showing the alert's moment, not "now".
 */
export class AlertBanner extends SceneObjectBase<AlertBannerState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [QUERY_PARAM.alertName] });

  getUrlState(): SceneObjectUrlValues {
    return { [QUERY_PARAM.alertName]: this.state.alertName };
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const value = values[QUERY_PARAM.alertName];
    const alertName = typeof value === 'string' && value !== '' ? value : undefined;
    if (alertName !== this.state.alertName) {
      this.setState({ alertName });
    }
  }

  dismiss = () => this.setState({ alertName: undefined });

  static Component = ({ model }: SceneComponentProps<AlertBanner>) => {
    const { alertName } = model.useState();
    const { value } = sceneGraph.getTimeRange(model).useState();
    if (!alertName) {
      return null;
    }
    return (
      <div data-testid={testIds.alertBanner}>
        <Alert
          severity="warning"
          title={t('alert-banner.title', 'Opened from alert {{alertName}}', { alertName })}
          onRemove={model.dismiss}
        >
          {t('alert-banner.body', "Showing {{from}} to {{to}} with the alert's labels applied as filters.", {
            from: value.from.toISOString(),
            to: value.to.toISOString(),
          })}
        </Alert>
      </div>
    );
  };
}
