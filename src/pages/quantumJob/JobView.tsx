import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { VARIABLE } from '@hybridlens/conventions';
import type { QuantumJob } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { linkFromScene } from '../../app/links';
import { selectedValues } from '../../app/variableValues';
import { QuantumJobCard } from '../../components/quantumJobCard/QuantumJobCard';
import { backendHref } from '../../components/quantumJobCard/backendAtJobTime';
import { loadTraceFromTempo } from '../trace/traceSource';
import { type JobTraceLookup, type JobTraceSource, findJobTrace, isJobIdShape } from './findJobTrace';

type JobLoad =
  | { kind: 'malformed' }
  | { kind: 'searching' }
  | { kind: 'notFound'; lookup: JobTraceLookup }
  | { kind: 'traceError'; traceId: string; message: string }
  | { kind: 'ready'; job: QuantumJob; traceId: string; foundBy: JobTraceSource };

export interface JobViewState extends SceneObjectState {
  jobId: string;
  defaults: { tempo: string; loki: string; prometheus: string };
  load: JobLoad;
}

function sourceName(source: JobTraceSource): string {
  return source === 'tempo'
    ? t('job.source.tempo', 'Tempo (TraceQL on quantum.job.id)')
    : t('job.source.loki', 'Loki (a log line with provider_job_id)');
}

/**
 * The quantum-job page: finds the trace that holds the provider job id in the picked time range, reads it and
 * shows the job's card (provider states, phases, cost, outcome, calibration then vs now) with a link to the trace.
 */
export class JobView extends SceneObjectBase<JobViewState> {
  constructor(state: Omit<JobViewState, 'load'>) {
    super({ ...state, load: isJobIdShape(state.jobId) ? { kind: 'searching' } : { kind: 'malformed' } });
    this.addActivationHandler(() => {
      this.search();
      const sub = sceneGraph.getTimeRange(this).subscribeToState(() => this.search());
      return () => sub.unsubscribe();
    });
  }

  datasource(name: 'tempo' | 'loki' | 'prometheus'): string {
    return selectedValues(this, VARIABLE[name])?.[0] ?? this.state.defaults[name];
  }

  private generation = 0;

  search(): void {
    const { jobId } = this.state;
    if (!isJobIdShape(jobId)) {
      return;
    }
    const run = ++this.generation;
    const done = (load: JobLoad) => run === this.generation && this.setState({ load });
    this.setState({ load: { kind: 'searching' } });
    const range = sceneGraph.getTimeRange(this).state.value;
    const uids = { tempo: this.datasource('tempo'), loki: this.datasource('loki') };
    findJobTrace(jobId, uids, range.from.valueOf(), range.to.valueOf())
      .then(async (lookup) => {
        if (!lookup.traceId || !lookup.foundBy) {
          return done({ kind: 'notFound', lookup });
        }
        const trace = await loadTraceFromTempo(uids.tempo, lookup.traceId);
        if (trace.kind !== 'ready') {
          const message = 'message' in trace ? trace.message : trace.kind;
          return done({ kind: 'traceError', traceId: lookup.traceId, message });
        }
        const job = trace.lifecycle.quantumJobs.find((j) => j.jobId === jobId);
        return job
          ? done({ kind: 'ready', job, traceId: trace.lifecycle.traceId, foundBy: lookup.foundBy })
          : done({
              kind: 'traceError',
              traceId: lookup.traceId,
              message: t('job.not-in-trace', 'the trace has no quantum span with this job id'),
            });
      })
      .catch((error: Error) =>
        done({ kind: 'notFound', lookup: { attempts: [{ source: 'tempo', found: false, error: error.message }] } })
      );
  }

  static Component = JobViewRenderer;
}

function JobViewRenderer({ model }: SceneComponentProps<JobView>) {
  const { jobId, load } = model.useState();
  const { value: range } = sceneGraph.getTimeRange(model).useState();
  switch (load.kind) {
    case 'malformed':
      return (
        <div data-testid={testIds.quantumJob.malformed}>
          <Alert severity="error" title={t('job.malformed.title', 'This is not a provider job id')}>
            {t('job.malformed.body', 'A provider job id is printable text of at most 512 characters; {{id}} is not.', {
              id: JSON.stringify(jobId),
            })}
          </Alert>
        </div>
      );
    case 'searching':
      return (
        <div data-testid={testIds.quantumJob.searching}>
          <LoadingPlaceholder
            text={t('job.searching', 'Looking for the trace of job {{id}} in Tempo and Loki…', { id: jobId })}
          />
        </div>
      );
    case 'notFound':
      return (
        <div data-testid={testIds.quantumJob.notFound}>
          <Alert
            severity="warning"
            title={t('job.not-found.title', 'No trace holds job {{id}} in this time range', { id: jobId })}
          >
            <Stack direction="column" gap={0.5}>
              <span>
                {t(
                  'job.not-found.range',
                  'Searched {{from}} to {{to}}. Widen the time range, or check that the job id is the provider\u2019s own.',
                  {
                    from: range.from.toISOString(),
                    to: range.to.toISOString(),
                  }
                )}
              </span>
              {load.lookup.attempts.map((a) => (
                <span key={a.source}>
                  {a.error
                    ? t('job.not-found.failed', '{{source}}: failed: {{error}}', {
                        source: sourceName(a.source),
                        error: a.error,
                      })
                    : t('job.not-found.none', '{{source}}: no match', { source: sourceName(a.source) })}
                </span>
              ))}
            </Stack>
          </Alert>
        </div>
      );
    case 'traceError':
      return (
        <Alert
          severity="error"
          title={t('job.trace-error.title', 'Found trace {{traceId}}, but could not show the job', {
            traceId: load.traceId,
          })}
        >
          <Stack direction="column">
            <span>{load.message}</span>
            <TextLink href={linkFromScene(model, { page: 'trace', params: { traceId: load.traceId } })} inline={false}>
              {t('job.trace-error.open', 'Open the trace')}
            </TextLink>
          </Stack>
        </Alert>
      );
    case 'ready':
      return (
        <Stack direction="column" gap={1}>
          <div data-testid={testIds.quantumJob.foundBy} data-source={load.foundBy}>
            <Text color="secondary">
              {t('job.found-by', 'Found in trace {{traceId}} through {{source}}.', {
                traceId: load.traceId,
                source: sourceName(load.foundBy),
              })}
            </Text>
          </div>
          <QuantumJobCard
            job={load.job}
            traceHref={linkFromScene(model, { page: 'trace', params: { traceId: load.traceId } })}
            backendHref={backendHref(model, load.job)}
            prometheusUid={model.datasource('prometheus')}
          />
        </Stack>
      );
  }
}
