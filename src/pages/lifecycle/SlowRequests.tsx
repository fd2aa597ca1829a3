import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { Badge, LoadingPlaceholder, Text, TextLink, useStyles2 } from '@grafana/ui';
import { EXEMPLAR_LABEL, VARIABLE } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { linkFromScene } from '../../app/links';
import { selectedValues } from '../../app/variableValues';
import { formatMs } from '../../components/waterfall/formatDuration';
import { proxyGet } from '../../queries/datasourceProxy';
import { REQUEST_FILTERS, type FilterVariable } from '../../queries/filters';
import { requestExemplarSelector } from '../../queries/lifecycle';
import { type TraceFilters, failedRequestsQuery, slowRequestsQuery } from '../../queries/traceql';

/** How many requests the list shows. */
export const SHOWN_REQUESTS = 12;

export interface RequestEntry {
  traceId: string;
  /** Seconds. */
  durationS: number;
  timeMs: number;
  source: 'exemplar' | 'tempo-slow' | 'tempo-failed';
  labels?: Record<string, string>;
}

interface ExemplarAnswer {
  data?: Array<{
    seriesLabels: Record<string, string>;
    exemplars: Array<{ labels: Record<string, string>; value: string; timestamp: number }>;
  }>;
}

interface TempoAnswer {
  traces?: Array<{ traceID?: string; durationMs?: number; startTimeUnixNano?: string }>;
}

/** Exemplars of the request histogram: one trace id per bucket sample, the slowest first, each trace once. */
export function exemplarRequests(answer: ExemplarAnswer): RequestEntry[] {
  const seen = new Map<string, RequestEntry>();
  for (const series of answer.data ?? []) {
    for (const e of series.exemplars ?? []) {
      const traceId = e.labels?.[EXEMPLAR_LABEL.traceId];
      const durationS = Number(e.value);
      if (!traceId || !Number.isFinite(durationS)) {
        continue;
      }
      const known = seen.get(traceId);
      if (!known || known.durationS < durationS) {
        seen.set(traceId, {
          traceId,
          durationS,
          timeMs: e.timestamp * 1000,
          source: 'exemplar',
          labels: series.seriesLabels,
        });
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.durationS - a.durationS);
}

export function tempoRequests(answer: TempoAnswer, source: RequestEntry['source']): RequestEntry[] {
  return (answer.traces ?? [])
    .filter((tr): tr is { traceID: string; durationMs?: number; startTimeUnixNano?: string } => !!tr.traceID)
    .map((tr) => ({
      traceId: tr.traceID,
      durationS: (tr.durationMs ?? 0) / 1000,
      timeMs: Number(tr.startTimeUnixNano ?? 0) / 1e6,
      source,
    }));
}

interface Loaded {
  exemplars: RequestEntry[] | string;
  tempo: RequestEntry[] | string;
}

interface SlowRequestsState extends SceneObjectState {
  prometheusUid: string;
  tempoUid: string;
  /** A request at least this long counts as slow in the Tempo search (the latency SLO threshold). */
  slowSeconds: number;
  loaded?: Loaded;
}

/**
 * "Slowest and failed requests in the window": the trace ids Prometheus holds as exemplars of the request
 * histogram (works without Tempo), and Tempo's own search (TraceQL) for slow and failed requests. Every entry
 * opens the trace page.
 */
export class SlowRequests extends SceneObjectBase<SlowRequestsState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [...REQUEST_FILTERS, VARIABLE.prometheus, VARIABLE.tempo],
    onReferencedVariableValueChanged: () => this.load(),
  });

  constructor(state: SlowRequestsState) {
    super(state);
    this.addActivationHandler(() => {
      this.load();
      const sub = sceneGraph.getTimeRange(this).subscribeToState(() => this.load());
      return () => sub.unsubscribe();
    });
  }

  private generation = 0;

  load(): void {
    const run = ++this.generation;
    const range = sceneGraph.getTimeRange(this).state.value;
    const fromS = Math.floor(range.from.valueOf() / 1000);
    const toS = Math.ceil(range.to.valueOf() / 1000);
    const filters: Partial<Record<FilterVariable, string[]>> = {};
    for (const f of REQUEST_FILTERS) {
      const values = selectedValues(this, f);
      if (values) {
        filters[f] = values;
      }
    }
    const prometheus = selectedValues(this, VARIABLE.prometheus)?.[0] ?? this.state.prometheusUid;
    const tempo = selectedValues(this, VARIABLE.tempo)?.[0] ?? this.state.tempoUid;
    const exemplars = proxyGet<ExemplarAnswer>(prometheus, 'api/v1/query_exemplars', {
      query: requestExemplarSelector(filters),
      start: String(fromS),
      end: String(toS),
    }).then(exemplarRequests, (e: Error) => e.message);
    const window = { start: String(fromS), end: String(toS), limit: String(SHOWN_REQUESTS) };
    const traceFilters: TraceFilters = filters;
    const tempoList = Promise.all([
      proxyGet<TempoAnswer>(tempo, 'api/search', { q: failedRequestsQuery(traceFilters), ...window }),
      proxyGet<TempoAnswer>(tempo, 'api/search', {
        q: slowRequestsQuery(this.state.slowSeconds, traceFilters),
        ...window,
      }),
    ]).then(
      ([failed, slow]) => [...tempoRequests(failed, 'tempo-failed'), ...tempoRequests(slow, 'tempo-slow')],
      (e: Error) => e.message
    );
    void Promise.all([exemplars, tempoList]).then(([ex, te]) => {
      if (run === this.generation) {
        this.setState({ loaded: { exemplars: ex, tempo: te } });
      }
    });
  }

  static Component = SlowRequestsRenderer;
}

function SlowRequestsRenderer({ model }: SceneComponentProps<SlowRequests>) {
  const styles = useStyles2(getStyles);
  const { loaded } = model.useState();
  if (!loaded) {
    return (
      <LoadingPlaceholder
        text={t('lifecycle.requests.loading', 'Reading exemplars from Prometheus and searching Tempo…')}
      />
    );
  }
  const link = (traceId: string) => linkFromScene(model, { page: 'trace', params: { traceId } });
  const list = (entries: RequestEntry[]) => (
    <ol className={styles.list}>
      {entries.slice(0, SHOWN_REQUESTS).map((e) => (
        <li
          key={`${e.source}-${e.traceId}`}
          data-testid={testIds.lifecycle.request}
          data-trace-id={e.traceId}
          data-source={e.source}
        >
          <TextLink href={link(e.traceId)} inline={false}>
            {e.traceId}
          </TextLink>
          <span className={styles.muted}>{formatMs(e.durationS * 1000)}</span>
          {e.source === 'tempo-failed' && <Badge color="red" text={t('lifecycle.requests.failed', 'failed')} />}
          {e.labels && (
            <span className={styles.muted}>{[e.labels.route, e.labels.path].filter(Boolean).join(' ')}</span>
          )}
        </li>
      ))}
    </ol>
  );
  return (
    <div className={styles.columns} data-testid={testIds.lifecycle.requests}>
      <section>
        <Text element="h4">{t('lifecycle.requests.exemplars', 'Slowest requests (exemplars in Prometheus)')}</Text>
        {typeof loaded.exemplars === 'string' ? (
          <Text color="error">
            {t(
              'lifecycle.requests.exemplars-error',
              'Could not read exemplars: {{message}}. Prometheus needs --enable-feature=exemplar-storage and an OpenMetrics scrape.',
              { message: loaded.exemplars }
            )}
          </Text>
        ) : loaded.exemplars.length === 0 ? (
          <Text color="secondary">
            {t(
              'lifecycle.requests.no-exemplars',
              'No exemplars in this range: exemplars exist only for kept traces, when Prometheus runs with --enable-feature=exemplar-storage and scrapes OpenMetrics (backfilled history has none).'
            )}
          </Text>
        ) : (
          list(loaded.exemplars)
        )}
      </section>
      <section>
        <Text element="h4">{t('lifecycle.requests.tempo', 'Failed and slow requests (Tempo search)')}</Text>
        {typeof loaded.tempo === 'string' ? (
          <Text color="error">
            {t(
              'lifecycle.requests.tempo-error',
              'Tempo search failed: {{message}}. Check the Tempo datasource picked above.',
              { message: loaded.tempo }
            )}
          </Text>
        ) : loaded.tempo.length === 0 ? (
          <Text color="secondary">
            {t('lifecycle.requests.no-tempo', 'Tempo found no failed or slow request in this range.')}
          </Text>
        ) : (
          list(loaded.tempo)
        )}
      </section>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  columns: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: theme.spacing(2),
    // A datasource's error can carry a long URL: wrap it inside the column.
    '& > section': { minWidth: 0, overflowWrap: 'anywhere' },
  }),
  list: css({
    margin: 0,
    paddingLeft: theme.spacing(3),
    li: { display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' },
  }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
