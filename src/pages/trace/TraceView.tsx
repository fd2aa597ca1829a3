import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  SceneDataTransformer,
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  SceneQueryRunner,
  VariableDependencyConfig,
  VizPanel,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import {
  Alert,
  Button,
  InlineSwitch,
  Input,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';
import { QUERY_PARAM, TRACE_VIEW, type TraceView as TraceViewName, VARIABLE } from '@hybridlens/conventions';
import { TRACE_FORMAT_LABEL, timeAxis } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { linkFromScene } from '../../app/links';
import { selectedValues } from '../../app/variableValues';
import { TEMPO_DS_REF } from '../../app/variables';
import { Waterfall } from '../../components/waterfall/Waterfall';
import { SpanDetail } from '../../components/waterfall/SpanDetail';
import { formatMs } from '../../components/waterfall/formatDuration';
import { matchingSpans } from '../../components/waterfall/waterfallRows';
import { QuantumJobCard } from '../../components/quantumJobCard/QuantumJobCard';
import { backendHref } from '../../components/quantumJobCard/backendAtJobTime';
import { type TraceLoad, loadTraceFromTempo } from './traceSource';
import { TraceLogs } from './TraceLogs';
import { TraceAlerts } from './TraceAlerts';
import { TraceSummary } from './TraceSummary';
import { RawTraceRedactions } from './RawTraceRedactions';
import { redactRawContent } from './redactRawContent';

export interface TraceViewState extends SceneObjectState {
  traceId: string;
  /** Datasource uids to use when the page's variables are unset (the app's settings). */
  defaults: { tempo: string; loki: string; prometheus: string };
  load: TraceLoad | { kind: 'loading'; traceId: string };
  spanId?: string;
  view: TraceViewName;
  search: string;
  compress: boolean;
  currentMatch: number;
  raw?: VizPanel;
}

/**
 * The traces panel (Grafana's own) fed by the Tempo datasource: a trace-id query returns the trace frame, which
 * passes through the redaction of raw prompts and model output before the panel sees it.
 */
function rawTracePanel(traceId: string): VizPanel {
  return new VizPanel({
    pluginId: 'traces',
    title: t('trace.raw.title', 'Raw trace (Grafana traces panel)'),
    $data: new SceneDataTransformer({
      $data: new SceneQueryRunner({
        datasource: TEMPO_DS_REF,
        queries: [{ refId: 'trace', queryType: 'traceql', query: traceId }],
      }),
      transformations: [redactRawContent()],
    }),
  });
}

/**
 * The trace page's body: reads the trace from Tempo, then the stage-aware waterfall with the span's details,
 * a card per quantum job, the trace's log lines and the alerts firing for its providers; Grafana's traces
 * panel in the "Raw trace" view. The open span, view, search and gap compression live in the URL.
 */
export class TraceView extends SceneObjectBase<TraceViewState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, {
    keys: [QUERY_PARAM.span, QUERY_PARAM.traceView, QUERY_PARAM.traceSearch, QUERY_PARAM.compressGaps],
  });

  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VARIABLE.tempo],
    onReferencedVariableValueChanged: () => this.reload(),
  });

  constructor(state: Omit<TraceViewState, 'load' | 'view' | 'search' | 'compress' | 'currentMatch'>) {
    super({
      ...state,
      load: { kind: 'loading', traceId: state.traceId },
      view: TRACE_VIEW.waterfall,
      search: '',
      compress: true,
      currentMatch: 0,
      raw: rawTracePanel(state.traceId),
    });
    this.addActivationHandler(() => {
      this.reload();
    });
  }

  getUrlState(): SceneObjectUrlValues {
    return {
      [QUERY_PARAM.span]: this.state.spanId,
      [QUERY_PARAM.traceView]: this.state.view === TRACE_VIEW.waterfall ? undefined : this.state.view,
      [QUERY_PARAM.traceSearch]: this.state.search || undefined,
      [QUERY_PARAM.compressGaps]: this.state.compress ? undefined : 'off',
    };
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const text = (key: string) => {
      const v = values[key];
      return typeof v === 'string' ? v : undefined;
    };
    const view = text(QUERY_PARAM.traceView) === TRACE_VIEW.raw ? TRACE_VIEW.raw : TRACE_VIEW.waterfall;
    const spanId = text(QUERY_PARAM.span) || undefined;
    const search = text(QUERY_PARAM.traceSearch) ?? '';
    const compress = text(QUERY_PARAM.compressGaps) !== 'off';
    const s = this.state;
    if (view !== s.view || spanId !== s.spanId || search !== s.search || compress !== s.compress) {
      this.setState({ view, spanId, search, compress });
    }
  }

  datasource(name: 'tempo' | 'loki' | 'prometheus'): string {
    return selectedValues(this, VARIABLE[name])?.[0] ?? this.state.defaults[name];
  }

  reload(): void {
    const { traceId } = this.state;
    this.setState({ load: { kind: 'loading', traceId } });
    loadTraceFromTempo(this.datasource('tempo'), traceId).then(
      (load) => this.setState({ load }),
      (error: Error) => this.setState({ load: { kind: 'error', traceId, message: error.message } })
    );
  }

  selectSpan = (spanId: string | undefined) => this.setState({ spanId });
  setView = (view: TraceViewName) => this.setState({ view });
  setSearch = (search: string) => this.setState({ search, currentMatch: 0 });
  setCompress = (compress: boolean) => this.setState({ compress });
  nextMatch = (count: number, step: number) =>
    this.setState({ currentMatch: count === 0 ? 0 : (this.state.currentMatch + step + count) % count });

  static Component = TraceViewRenderer;
}

function TraceViewRenderer({ model }: SceneComponentProps<TraceView>) {
  const styles = useStyles2(getStyles);
  const { load, spanId, view, search, compress, currentMatch, raw, traceId } = model.useState();
  const lifecycle = load.kind === 'ready' ? load.lifecycle : undefined;
  const axis = useMemo(
    () => (lifecycle ? timeAxis(lifecycle.startMs, lifecycle.endMs, compress ? lifecycle.idleGaps : []) : undefined),
    [lifecycle, compress]
  );
  const matches = useMemo(() => (lifecycle ? matchingSpans(lifecycle, search) : []), [lifecycle, search]);
  const selectedIndex = useMemo(
    () => (lifecycle && spanId ? lifecycle.spans.findIndex((s) => s.span.spanId === spanId) : -1),
    [lifecycle, spanId]
  );

  switch (load.kind) {
    case 'loading':
      return <LoadingPlaceholder text={t('trace.loading', 'Reading trace {{id}} from Tempo…', { id: traceId })} />;
    case 'malformed':
      return (
        <div data-testid={testIds.trace.malformed}>
          <Alert severity="error" title={t('trace.malformed.title', 'This is not a trace id')}>
            {t(
              'trace.malformed.body',
              '"{{id}}" is not a trace id: expected up to 32 hexadecimal characters (W3C or Jaeger) or 22 base64 characters (Tempo v1). Copy the id from a span, a log line (trace_id) or an exemplar.',
              { id: traceId }
            )}
          </Alert>
        </div>
      );
    case 'notFound':
      return (
        <div data-testid={testIds.trace.notFound}>
          <Alert severity="warning" title={t('trace.not-found.title', 'Tempo has no trace with this id')}>
            {t(
              'trace.not-found.body',
              'Trace {{id}} is not in the Tempo datasource picked above. It may have been sampled out (only errors, degraded and slow requests are always kept), be older than Tempo\u2019s retention, or live in another Tempo.',
              { id: traceId }
            )}
          </Alert>
        </div>
      );
    case 'error':
    case 'notATrace':
      return (
        <div data-testid={testIds.trace.loadError}>
          <Alert
            severity="error"
            title={
              load.kind === 'error'
                ? t('trace.error.title', 'Could not read the trace from Tempo')
                : t('trace.not-a-trace.title', 'Tempo answered with something that is not a trace')
            }
          >
            <div>{load.message}</div>
            <div>
              {t(
                'trace.error.fix',
                'Check the Tempo datasource picked above; the configuration page has a Test button.'
              )}
            </div>
          </Alert>
        </div>
      );
  }

  const lc = load.lifecycle;
  const providers = [...new Set(lc.quantumJobs.map((j) => j.provider).filter((p): p is string => !!p))];
  const link = (page: 'trace' | 'quantumJob', params: Record<string, string>) => linkFromScene(model, { page, params });
  return (
    <div className={styles.page}>
      <TraceSummary
        lifecycle={lc}
        api={load.api}
        selectedIndex={selectedIndex >= 0 ? selectedIndex : undefined}
        onSelectSpan={(i) => {
          model.setView(TRACE_VIEW.waterfall);
          model.selectSpan(lc.spans[i]?.span.spanId);
        }}
      />
      {lc.completeness.status === 'partial' && (
        <div data-testid={testIds.trace.partial}>
          <Alert severity="warning" title={t('trace.partial.title', 'Tempo returned only part of this trace')}>
            {t(
              'trace.partial.body',
              'Some spans are missing, so stage times, the critical path and the job cards may be incomplete. Tempo said: {{message}}',
              { message: lc.completeness.message ?? t('trace.partial.no-message', '(no reason given)') }
            )}
          </Alert>
        </div>
      )}
      <div className={styles.toolbar}>
        <div data-testid={testIds.trace.viewTabs}>
          <RadioButtonGroup<TraceViewName>
            options={[
              { label: t('trace.view.waterfall', 'Lifecycle waterfall'), value: TRACE_VIEW.waterfall },
              { label: t('trace.view.raw', 'Raw trace'), value: TRACE_VIEW.raw },
            ]}
            value={view}
            onChange={model.setView}
          />
        </div>
        {view === TRACE_VIEW.waterfall && (
          <>
            <div className={styles.search}>
              <Input
                data-testid={testIds.trace.search}
                prefix={<span aria-hidden>⌕</span>}
                placeholder={t('trace.search.placeholder', 'Search spans: name, service, attribute value')}
                aria-label={t('trace.search.label', 'Search within the trace')}
                value={search}
                onChange={(e) => model.setSearch(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    model.nextMatch(matches.length, e.shiftKey ? -1 : 1);
                  } else if (e.key === 'Escape') {
                    model.setSearch('');
                  }
                }}
              />
            </div>
            {search !== '' && (
              <Stack direction="row" gap={0.5} alignItems="center">
                <span data-testid={testIds.trace.searchCount}>
                  {matches.length === 0
                    ? t('trace.search.none', 'no span matches')
                    : t('trace.search.count', '{{current}} of {{count}}', {
                        current: currentMatch + 1,
                        count: matches.length,
                      })}
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  icon="arrow-up"
                  aria-label={t('trace.search.previous', 'Previous match')}
                  onClick={() => model.nextMatch(matches.length, -1)}
                  disabled={matches.length === 0}
                />
                <Button
                  size="sm"
                  variant="secondary"
                  icon="arrow-down"
                  aria-label={t('trace.search.next', 'Next match')}
                  onClick={() => model.nextMatch(matches.length, 1)}
                  disabled={matches.length === 0}
                />
              </Stack>
            )}
            <InlineSwitch
              data-testid={testIds.trace.compress}
              label={t('trace.compress', 'Compress idle gaps')}
              showLabel
              value={compress}
              disabled={lc.idleGaps.length === 0}
              onChange={(e) => model.setCompress(e.currentTarget.checked)}
            />
          </>
        )}
      </div>
      {view === TRACE_VIEW.raw ? (
        <div className={styles.raw} data-testid={testIds.trace.raw}>
          {raw && <RawTraceRedactions panel={raw} />}
          {raw && <raw.Component model={raw} />}
        </div>
      ) : (
        <div className={selectedIndex >= 0 ? styles.split : undefined}>
          {axis && (
            <Waterfall
              lifecycle={lc}
              axis={axis}
              selectedIndex={selectedIndex >= 0 ? selectedIndex : undefined}
              onSelect={(i) => model.selectSpan(i === undefined ? undefined : lc.spans[i]?.span.spanId)}
              matches={matches}
              currentMatch={matches[currentMatch]}
            />
          )}
          {selectedIndex >= 0 && (
            <SpanDetail lifecycle={lc} index={selectedIndex} onClose={() => model.selectSpan(undefined)} />
          )}
        </div>
      )}
      {lc.quantumJobs.length > 0 && (
        <section data-testid={testIds.trace.jobs} className={styles.jobs}>
          <Text element="h3">
            {t('trace.jobs.title', 'Quantum jobs of this trace ({{count}})', { count: lc.quantumJobs.length })}
          </Text>
          <div className={styles.jobGrid}>
            {lc.quantumJobs.map((job, i) => (
              <QuantumJobCard
                key={job.jobId ?? `job-${i}`}
                job={job}
                jobHref={job.jobId ? link('quantumJob', { jobId: job.jobId }) : undefined}
                backendHref={backendHref(model, job)}
                prometheusUid={model.datasource('prometheus')}
              />
            ))}
          </div>
        </section>
      )}
      <div className={styles.side}>
        <TraceLogs
          key={`${model.datasource('loki')} ${lc.traceId}`}
          lokiUid={model.datasource('loki')}
          traceId={lc.traceId}
          startMs={lc.startMs}
          endMs={lc.endMs}
          onSpan={(id) => model.selectSpan(id)}
        />
        <TraceAlerts
          key={`${model.datasource('prometheus')} ${lc.traceId}`}
          prometheusUid={model.datasource('prometheus')}
          providers={providers}
          atMs={lc.endMs}
          linkTo={(target) => linkFromScene(model, target)}
        />
      </div>
      <Text color="secondary" variant="bodySmall">
        {t('trace.footer', '{{spans}} spans · {{duration}} · read from Tempo {{api}} as {{format}}', {
          spans: lc.spans.length,
          duration: formatMs(lc.durationMs),
          api: load.api,
          format: lc.format ? TRACE_FORMAT_LABEL[lc.format] : t('trace.footer-unknown-format', 'an unnamed format'),
        })}
      </Text>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
  toolbar: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'center', flexWrap: 'wrap' }),
  search: css({ width: 360, maxWidth: '100%' }),
  split: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)',
    gap: theme.spacing(1),
    [theme.breakpoints.down('lg')]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  }),
  raw: css({ height: 640, display: 'flex', flexDirection: 'column' }),
  jobs: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  jobGrid: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))',
    gap: theme.spacing(1),
  }),
  side: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: theme.spacing(2),
    [theme.breakpoints.down('lg')]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  }),
});
