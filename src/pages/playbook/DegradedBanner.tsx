import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, LoadingState, dateTimeFormat } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, useStyles2 } from '@grafana/ui';
import { MITIGATION_ACTION, type MitigationAction } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { providerDisplayName } from '../../ui/providerNames';
import { actionLabel } from './mitigations';
import { DEGRADED_FALLBACK_SHARE, FALLBACK_WINDOW, fallbackDegradedFromFrames } from './fallbacksDegraded';
import { buildDegradedRunner, mitigationsFromFrames } from './mitigationsInForce';

const KNOWN_ACTIONS = new Set<string>(Object.values(MITIGATION_ACTION));

const when = (ms: number) => dateTimeFormat(ms, { format: 'YYYY-MM-DD HH:mm:ss' });

/**
 * "The system runs degraded, and since when", from Prometheus, so every role sees it: mitigations in force
 * (hybrid_mitigation_applied_timestamp_seconds) and fallbacks that happen on their own (hybrid_fallbacks_total,
 * e.g. a provider outage). Viewers cannot call the admin API, whose view (who applied what) stays for Editors.
 */
export class DegradedBanner extends SceneObjectBase<SceneObjectState> {
  static Component = DegradedBannerView;

  constructor() {
    super({ $data: buildDegradedRunner() });
  }
}

function DegradedBannerView({ model }: SceneComponentProps<DegradedBanner>) {
  const { data } = sceneGraph.getData(model).useState();
  const styles = useStyles2(getStyles);
  if (!data || data.state === LoadingState.Loading || data.state === LoadingState.NotStarted) {
    return null;
  }
  if (data.state === LoadingState.Error) {
    return (
      <p className={styles.note} data-testid={testIds.playbook.degradedTelemetry} data-state="error">
        {t('playbook.degraded.error', 'Could not ask Prometheus which mitigations are in force: {{error}}', {
          error: data.errors?.[0]?.message ?? '?',
        })}
      </p>
    );
  }
  const inForce = mitigationsFromFrames(data.series);
  const fallbacks = fallbackDegradedFromFrames(data.series, data.timeRange.to.valueOf(), data.request?.intervalMs ?? 0);
  if (inForce.length === 0 && !fallbacks) {
    return (
      <p className={styles.note} data-testid={testIds.playbook.degradedTelemetry} data-state="normal" data-count={0}>
        {t('playbook.degraded.none', 'Telemetry shows no mitigation in force and no unusual fallbacks.')}
      </p>
    );
  }
  const since = when(Math.min(...inForce.map((m) => m.since), fallbacks?.since ?? Infinity));
  return (
    <Alert
      severity="warning"
      title={
        inForce.length === 0
          ? t('playbook.degraded.title-fallbacks', 'Degraded mode since {{since}}: requests fall back', { since })
          : fallbacks
            ? t(
                'playbook.degraded.title-both',
                'Degraded mode since {{since}}: mitigations in force, and requests fall back',
                { since }
              )
            : t('playbook.degraded.title', 'Degraded mode since {{since}}: mitigations in force', { since })
      }
      data-testid={testIds.playbook.degradedTelemetry}
      data-state="degraded"
      data-count={inForce.length}
    >
      <ul className={styles.list}>
        {inForce.map((m) => (
          <li
            key={`${m.action}/${m.provider ?? ''}`}
            data-testid={testIds.playbook.degradedItem}
            data-action={m.action}
            data-provider={m.provider ?? ''}
            data-since={m.since}
          >
            <strong>
              {KNOWN_ACTIONS.has(m.action) ? actionLabel(m.action as MitigationAction) : m.action}
              {m.provider ? ` (${providerDisplayName(m.provider)})` : ''}
            </strong>{' '}
            {t('playbook.degraded.since', 'since {{since}}', { since: when(m.since) })}
          </li>
        ))}
        {fallbacks && (
          <li data-testid={testIds.playbook.degradedFallbacks} data-since={fallbacks.since}>
            <strong>
              {t('playbook.degraded.fallbacks', '{{share}} of requests fall back to another path', {
                share: `${(fallbacks.share * 100).toFixed(1)}%`,
              })}
            </strong>{' '}
            {t('playbook.degraded.fallbacks-since', '(above {{threshold}} over {{window}}) since {{since}}', {
              threshold: `${DEGRADED_FALLBACK_SHARE * 100}%`,
              window: FALLBACK_WINDOW,
              since: when(fallbacks.since),
            })}
          </li>
        )}
      </ul>
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
