import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, Stack } from '@grafana/ui';
import { type AppSettings, resolveSettings } from '../settings/settings';
import { testIds } from '../testIds';

type Props = PluginConfigPageProps<AppPluginMeta>;

/** App configuration: which datasources the pages read and the Grafana base URL for links. */
export default function AppConfig({ plugin }: Props) {
  const { enabled, pinned, jsonData } = plugin.meta;
  const initial = resolveSettings(jsonData);
  const [draft, setDraft] = useState<AppSettings>(initial.settings);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const check = resolveSettings(draft);

  const set = (field: keyof Omit<AppSettings, 'thresholds'>) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [field]: e.currentTarget.value });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (check.problems.length > 0) {
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${plugin.meta.id}/settings`,
          method: 'POST',
          data: { enabled, pinned, jsonData: { ...(jsonData ?? {}), ...check.settings } },
        })
      );
      locationService.reload();
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : 'Saving failed: check that you are an admin of this organization.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} data-testid={testIds.appConfig.container}>
      <FieldSet label="Datasources">
        <Field label="Prometheus datasource uid" description="Metrics, SLO series and alert rules" invalid={hasProblem(check, 'prometheusUid')}>
          <Input id="hl-prom-uid" data-testid={testIds.appConfig.prometheusUid} value={draft.prometheusUid} onChange={set('prometheusUid')} width={40} />
        </Field>
        <Field label="Tempo datasource uid" description="Request traces" invalid={hasProblem(check, 'tempoUid')}>
          <Input id="hl-tempo-uid" data-testid={testIds.appConfig.tempoUid} value={draft.tempoUid} onChange={set('tempoUid')} width={40} />
        </Field>
        <Field label="Loki datasource uid" description="Structured logs" invalid={hasProblem(check, 'lokiUid')}>
          <Input id="hl-loki-uid" data-testid={testIds.appConfig.lokiUid} value={draft.lokiUid} onChange={set('lokiUid')} width={40} />
        </Field>
      </FieldSet>
      <FieldSet label="Links">
        <Field label="Grafana base URL" description="Used in links that leave the browser (alerts, exports). Empty: links are relative." invalid={hasProblem(check, 'grafanaBaseUrl')}>
          <Input id="hl-base-url" data-testid={testIds.appConfig.grafanaBaseUrl} value={draft.grafanaBaseUrl} placeholder="https://grafana.example.com" onChange={set('grafanaBaseUrl')} width={60} />
        </Field>
      </FieldSet>
      {check.problems.length > 0 && (
        <Alert title="Fix these before saving" severity="error" data-testid={testIds.appConfig.problems}>
          {check.problems.map((p) => (
            <div key={p.field}>{p.message.replace(/; using .*$/, '')}</div>
          ))}
        </Alert>
      )}
      {saveError && <Alert title="Settings were not saved" severity="error">{saveError}</Alert>}
      <Stack>
        <Button type="submit" data-testid={testIds.appConfig.save} disabled={saving || check.problems.length > 0}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      </Stack>
    </form>
  );
}

function hasProblem(check: ReturnType<typeof resolveSettings>, field: string): boolean {
  return check.problems.some((p) => p.field === field);
}
