import { CALIBRATION_METRIC, LABEL, type MetricDef } from '@hybridlens/conventions';
import type { BackendCalibration } from './model';
import { backendSamples, type BackendContext, type Labels } from './samples';

export { backendSamples, type BackendContext } from './samples';

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/** Labels of one ingest-error series: whole sources by source and reason, dropped values also by backend and field. */
export interface IngestErrorLabels {
  source: string;
  reason: string;
  provider?: string;
  backend?: string;
  field?: string;
}

export interface IngestErrorCount {
  labels: IngestErrorLabels;
  count: number;
}

export const GAUGES: readonly MetricDef[] = Object.values(CALIBRATION_METRIC).filter((d) => d.type === 'gauge');

function family(def: MetricDef, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`# HELP ${def.name} ${def.help}`, `# TYPE ${def.name} ${def.type}`, ...lines];
}

/** The calibration gauges of the backends (everything that changes only when a snapshot does). */
export function renderGauges(
  backends: readonly BackendCalibration[],
  context: (b: BackendCalibration) => BackendContext = () => ({})
): string[] {
  const perBackend = backends.map((b) => backendSamples(b, context(b)));
  return GAUGES.flatMap((def) =>
    family(
      def,
      perBackend.flatMap((m) => (m.get(def) ?? []).map((s) => `${def.name}${labelText(s.labels)} ${s.value}`))
    )
  );
}

export function renderIngestErrors(errors: Iterable<IngestErrorCount>): string[] {
  const counter = CALIBRATION_METRIC.ingestErrors;
  const lines = [...errors]
    .map(({ labels, count }) => {
      const l: Labels = { [LABEL.source]: labels.source, [LABEL.reason]: labels.reason };
      if (labels.provider !== undefined) {
        l[LABEL.provider] = labels.provider;
      }
      if (labels.backend !== undefined) {
        l[LABEL.backend] = labels.backend;
      }
      if (labels.field !== undefined) {
        l[LABEL.field] = labels.field;
      }
      return `${counter.name}${labelText(l)} ${count}`;
    })
    .sort();
  // The family is always announced, so a scrape with no errors still says what the counter is.
  return [`# HELP ${counter.name} ${counter.help}`, `# TYPE ${counter.name} counter`, ...lines];
}

export function renderLastGoodAge(ages: Iterable<{ provider: string; backend: string; seconds: number }>): string[] {
  const def = CALIBRATION_METRIC.lastGoodAge;
  return family(
    def,
    [...ages].map(
      (a) => `${def.name}${labelText({ [LABEL.provider]: a.provider, [LABEL.backend]: a.backend })} ${a.seconds}`
    )
  );
}

/** Prometheus text exposition (format 0.0.4) of backends, ingest errors and snapshot ages. */
export function renderExposition(
  backends: readonly BackendCalibration[],
  ingestErrors: Iterable<IngestErrorCount> = [],
  options: {
    context?: (b: BackendCalibration) => BackendContext;
    lastGoodAge?: Iterable<{ provider: string; backend: string; seconds: number }>;
  } = {}
): string {
  return (
    [
      ...renderGauges(backends, options.context),
      ...renderLastGoodAge(options.lastGoodAge ?? []),
      ...renderIngestErrors(ingestErrors),
    ].join('\n') + '\n'
  );
}
