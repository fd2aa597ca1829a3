import React, { useEffect, useState } from 'react';
import { Badge, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { type AppLink, LABEL, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { labelValueDisplayName, providerDisplayName } from '../../ui/providerNames';
import { proxyGet } from '../../queries/datasourceProxy';
import { firingAlertsOfProviders } from '../../queries/lifecycle';
import { alertTarget } from '../../app/alertTargets';

interface Alert {
  labels: Record<string, string>;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; alerts: Alert[] };

/** Alerts that were firing for the trace's quantum providers when it ended (Prometheus' ALERTS at that instant). */
export function TraceAlerts({
  prometheusUid,
  providers,
  atMs,
  linkTo,
}: {
  prometheusUid: string;
  providers: readonly string[];
  atMs: number;
  linkTo: (link: AppLink) => string;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const key = providers.join(',');
  useEffect(() => {
    if (key === '') {
      return;
    }
    let live = true;
    proxyGet<{ data?: { result?: Array<{ metric: Record<string, string> }> } }>(prometheusUid, 'api/v1/query', {
      query: firingAlertsOfProviders(key.split(',')),
      time: String(Math.floor(atMs / 1000)),
    }).then(
      (body) =>
        live && setState({ kind: 'ready', alerts: (body.data?.result ?? []).map((r) => ({ labels: r.metric })) }),
      (error: Error) => live && setState({ kind: 'error', message: error.message })
    );
    return () => {
      live = false;
    };
  }, [prometheusUid, key, atMs]);

  if (key === '') {
    return null;
  }
  return (
    <section data-testid={testIds.trace.alerts} data-state={state.kind}>
      <Text element="h3">
        {t('trace.alerts.title', 'Alerts firing for {{providers}} when the trace ended', {
          providers: providers.map(providerDisplayName).join(', '),
        })}
      </Text>
      {state.kind === 'loading' && (
        <LoadingPlaceholder text={t('trace.alerts.loading', 'Reading alert states from Prometheus…')} />
      )}
      {state.kind === 'error' && (
        <Text color="error">
          {t('trace.alerts.error', 'Could not read alert states from Prometheus: {{message}}', {
            message: state.message,
          })}
        </Text>
      )}
      {state.kind === 'ready' && state.alerts.length === 0 && (
        <Text color="secondary">{t('trace.alerts.none', 'No alert was firing for these providers at that time.')}</Text>
      )}
      {state.kind === 'ready' && state.alerts.length > 0 && (
        <Stack direction="column" gap={0.5}>
          {state.alerts.map((a, i) => (
            <Stack key={i} gap={1} alignItems="center">
              <Badge color="red" text={a.labels[LABEL.severity] ?? t('trace.alerts.firing', 'firing')} />
              <span data-testid={testIds.trace.alert}>
                <TextLink href={linkTo(alertTarget(a.labels))} inline={false}>
                  {a.labels[PROMETHEUS_ALERTS.alertName] ?? '?'}
                </TextLink>
              </span>
              <Text color="secondary" variant="bodySmall">
                {[LABEL.provider, LABEL.backend]
                  .filter((l) => a.labels[l])
                  .map((l) => `${l}=${labelValueDisplayName(l, a.labels[l]!)}`)
                  .join(' ')}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </section>
  );
}
