import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, SecretInput, Stack } from '@grafana/ui';
import { DATASOURCE_TYPE, ENQUEUE_SLO_THRESHOLD_SECONDS } from '@hybridlens/conventions';
import { Trans, t } from '../i18n';
import { type AppSettings, type Thresholds, resolveSettings } from '../settings/settings';
import { settingsProblemText } from '../settings/settingsProblemText';
import { testIds } from '../ui/testIds';
import { grafanaFetcher } from './grafanaFetcher';
import { type CheckResult, checkWiring } from './wiringChecks';
import { WiringCheckResults } from './WiringCheckResults';

type Props = PluginConfigPageProps<AppPluginMeta>;

/** Draft thresholds are kept as typed text so a half-typed number is reported, not silently dropped. */
type Draft = Omit<AppSettings, 'thresholds'> & { thresholds: Record<keyof Thresholds, string> };

function thresholdFields(): Array<{ key: keyof Thresholds; label: string; description: string }> {
  return [
    {
      key: 'latencySeconds',
      label: t('config.thresholds.latency.label', 'Latency SLO threshold (s)'),
      description: t(
        'config.thresholds.latency.description',
        'End-to-end latency a request must beat to count as good'
      ),
    },
    {
      key: 'queueLengthCritical',
      label: t('config.thresholds.queue.label', 'Critical queue length (jobs)'),
      description: t('config.thresholds.queue.description', 'Quantum queue length above which a backend is saturated'),
    },
    {
      key: 'enqueueP95Seconds',
      label: t('config.thresholds.enqueue.label', 'Enqueue P95 target (s)'),
      description: t(
        'config.thresholds.enqueue.description',
        'P95 time a job may wait to be enqueued, for the playbook checks only: the queue alert and the queueing SLO use {{s}} s, fixed in the generated rules',
        { s: ENQUEUE_SLO_THRESHOLD_SECONDS }
      ),
    },
    {
      key: 'hallucinationRate',
      label: t('config.thresholds.hallucination.label', 'Hallucination rate threshold (0–1)'),
      description: t(
        'config.thresholds.hallucination.description',
        'Share of failed hallucination checks that means the LLM drifts'
      ),
    },
    {
      key: 'minEventsToJudge',
      label: t('config.thresholds.min-events.label', 'Minimum events to judge an SLO'),
      description: t(
        'config.thresholds.min-events.description',
        'Below this many events per period an SLO shows "too little traffic to judge"'
      ),
    },
  ];
}

function toDraft(settings: AppSettings): Draft {
  const thresholds = Object.fromEntries(
    Object.entries(settings.thresholds).map(([k, v]) => [k, String(v)])
  ) as Draft['thresholds'];
  return { ...settings, thresholds };
}

/** What would be stored: validated against the same rules the pages use when they read jsonData. */
export function checkDraft(draft: Draft) {
  return resolveSettings(draft);
}

/** The admin API token as the form holds it: whether one is stored, and what the user typed or reset. */
export interface TokenDraft {
  configured: boolean;
  /** Typed, not yet saved; never filled from Grafana (secure fields are not sent back). */
  value: string;
}

/** The simulator (and any orchestrator following its rules) refuses tokens shorter than this. */
export const ADMIN_TOKEN_MIN_LENGTH = 16;

export function tokenProblem(token: TokenDraft): string | undefined {
  const typed = token.value.trim();
  if (typed !== '' && typed.length < ADMIN_TOKEN_MIN_LENGTH) {
    return t(
      'config.admin.token-too-short',
      'secureJsonData.adminApiToken: the token must be at least {{min}} characters (e.g. openssl rand -hex 24)',
      { min: ADMIN_TOKEN_MIN_LENGTH }
    );
  }
  return undefined;
}

/**
 * What to post as secureJsonData: a new token when one was typed, an empty one after Reset, nothing otherwise
 * (Grafana then keeps the stored token; it never sends it back to the browser).
 */
export function secureJsonDataToPost(token: TokenDraft, wasConfigured: boolean): Record<string, string> | undefined {
  const typed = token.value.trim();
  if (typed !== '') {
    return { adminApiToken: typed };
  }
  if (wasConfigured && !token.configured) {
    return { adminApiToken: '' };
  }
  return undefined;
}

/** App configuration: datasources, the Grafana base URL for links, thresholds; and a "Test" of the wiring. */
export default function AppConfig({ plugin }: Props) {
  const { enabled, pinned, jsonData } = plugin.meta;
  const wasConfigured = Boolean(plugin.meta.secureJsonFields?.adminApiToken);
  const [token, setToken] = useState<TokenDraft>({ configured: wasConfigured, value: '' });
  const badToken = tokenProblem(token);
  const [draft, setDraft] = useState<Draft>(() => toDraft(resolveSettings(jsonData).settings));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [testing, setTesting] = useState(false);
  const [results, setResults] = useState<CheckResult[]>();
  const check = checkDraft(draft);
  const invalid = (field: string) => check.problems.some((p) => p.field === field);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (check.problems.length > 0 || badToken) {
      return;
    }
    const secureJsonData = secureJsonDataToPost(token, wasConfigured);
    setSaving(true);
    setSaveError(undefined);
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${plugin.meta.id}/settings`,
          method: 'POST',
          data: {
            enabled,
            pinned,
            jsonData: { ...(jsonData ?? {}), ...check.settings },
            ...(secureJsonData ? { secureJsonData } : {}),
          },
        })
      );
      locationService.reload();
    } catch (err) {
      setSaveError(
        err instanceof Error
          ? err.message
          : t('config.save.failed', 'Saving failed: check that you are an admin of this organization.')
      );
    } finally {
      setSaving(false);
    }
  };

  const test = async () => {
    setTesting(true);
    try {
      setResults(await checkWiring(grafanaFetcher, check.settings));
    } finally {
      setTesting(false);
    }
  };

  const picker = (
    field: 'prometheusUid' | 'tempoUid' | 'lokiUid',
    label: string,
    description: string,
    pluginId: string,
    testId: string
  ) => (
    <div data-testid={testId}>
      <Field label={label} description={description} invalid={invalid(field)}>
        <DataSourcePicker
          pluginId={pluginId}
          current={draft[field]}
          noDefault
          width={40}
          inputId={`hl-${field}`}
          onChange={(ds) => setDraft({ ...draft, [field]: ds.uid })}
        />
      </Field>
    </div>
  );

  return (
    <form onSubmit={save} data-testid={testIds.appConfig.container}>
      <FieldSet label={t('config.datasources.title', 'Datasources')}>
        {picker(
          'prometheusUid',
          t('config.datasources.prometheus.label', 'Prometheus'),
          t('config.datasources.prometheus.description', 'Metrics, SLO series and alert states'),
          DATASOURCE_TYPE.prometheus,
          testIds.appConfig.prometheusUid
        )}
        {picker(
          'tempoUid',
          t('config.datasources.tempo.label', 'Tempo'),
          t('config.datasources.tempo.description', 'Request traces'),
          DATASOURCE_TYPE.tempo,
          testIds.appConfig.tempoUid
        )}
        {picker(
          'lokiUid',
          t('config.datasources.loki.label', 'Loki'),
          t('config.datasources.loki.description', 'Structured logs'),
          DATASOURCE_TYPE.loki,
          testIds.appConfig.lokiUid
        )}
      </FieldSet>
      <FieldSet label={t('config.links.title', 'Links')}>
        <Field
          label={t('config.links.base-url.label', 'Grafana base URL')}
          description={t(
            'config.links.base-url.description',
            'Used in links that leave the browser (alerts, exports). Empty: links are relative.'
          )}
          invalid={invalid('grafanaBaseUrl')}
        >
          <Input
            id="hl-base-url"
            data-testid={testIds.appConfig.grafanaBaseUrl}
            value={draft.grafanaBaseUrl}
            placeholder={t('config.links.base-url.placeholder', 'https://grafana.example.com')}
            onChange={(e) => setDraft({ ...draft, grafanaBaseUrl: e.currentTarget.value })}
            width={60}
          />
        </Field>
      </FieldSet>
      <FieldSet label={t('config.admin.title', 'Admin API (playbook mitigations)')}>
        <Field
          label={t('config.admin.url.label', 'Admin API URL')}
          description={t(
            'config.admin.url.description',
            "The orchestrator's admin API, as Grafana's server reaches it (the proxy route calls it, not the browser). Empty: the playbook actions say they are not configured."
          )}
          invalid={invalid('adminApiUrl')}
        >
          <Input
            id="hl-admin-api-url"
            data-testid={testIds.appConfig.adminApiUrl}
            value={draft.adminApiUrl}
            placeholder={t('config.admin.url.placeholder', 'http://orchestrator:9464')}
            onChange={(e) => setDraft({ ...draft, adminApiUrl: e.currentTarget.value })}
            width={60}
          />
        </Field>
        <Field
          label={t('config.admin.token.label', 'Admin API token')}
          description={t(
            'config.admin.token.description',
            'Bearer token the proxy route sends; stored encrypted by Grafana and never shown again.'
          )}
          invalid={badToken !== undefined}
          error={badToken}
        >
          <SecretInput
            id="hl-admin-api-token"
            data-testid={testIds.appConfig.adminApiToken}
            isConfigured={token.configured}
            value={token.value}
            autoComplete="off"
            placeholder={t('config.admin.token.placeholder', 'At least 16 characters')}
            onChange={(e) => setToken({ ...token, value: e.currentTarget.value })}
            onReset={() => setToken({ configured: false, value: '' })}
            width={60}
          />
        </Field>
      </FieldSet>
      <FieldSet label={t('config.thresholds.title', 'Thresholds')}>
        {thresholdFields().map(({ key, label, description }) => (
          <Field key={key} label={label} description={description} invalid={invalid(`thresholds.${key}`)}>
            <Input
              id={`hl-threshold-${key}`}
              data-testid={testIds.appConfig.threshold(key)}
              value={draft.thresholds[key]}
              onChange={(e) =>
                setDraft({ ...draft, thresholds: { ...draft.thresholds, [key]: e.currentTarget.value } })
              }
              width={20}
            />
          </Field>
        ))}
      </FieldSet>
      {check.problems.length > 0 && (
        <Alert
          title={t('config.problems.title', 'Fix these before saving')}
          severity="error"
          data-testid={testIds.appConfig.problems}
        >
          {check.problems.map((p) => (
            <div key={p.field} data-field={p.field} data-code={p.code}>
              {settingsProblemText(p)}
            </div>
          ))}
        </Alert>
      )}
      {saveError && (
        <Alert title={t('config.save.not-saved', 'Settings were not saved')} severity="error">
          {saveError}
        </Alert>
      )}
      {results && <WiringCheckResults results={results} />}
      <Stack>
        <Button
          type="submit"
          data-testid={testIds.appConfig.save}
          disabled={saving || check.problems.length > 0 || badToken !== undefined}
        >
          {saving ? (
            <Trans i18nKey="config.save.saving">Saving…</Trans>
          ) : (
            <Trans i18nKey="config.save.save">Save settings</Trans>
          )}
        </Button>
        <Button
          type="button"
          variant="secondary"
          data-testid={testIds.appConfig.test}
          onClick={test}
          disabled={testing || check.problems.length > 0}
        >
          {testing ? (
            <Trans i18nKey="config.test.testing">Testing…</Trans>
          ) : (
            <Trans i18nKey="config.test.test">Test</Trans>
          )}
        </Button>
      </Stack>
    </form>
  );
}
