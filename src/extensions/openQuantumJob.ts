import type { PluginExtensionResourceAttributesContext } from '@grafana/data';
import { QUANTUM_ATTR, buildAppUrl } from '@hybridlens/conventions';

/** A job runs at most this long after its span starts (a QPU queue can hold it for hours). */
const AFTER_START_MS = 6 * 3600 * 1000;
const BEFORE_START_MS = 3600 * 1000;
const MAX_JOB_ID_LENGTH = 512;

type Context = Partial<PluginExtensionResourceAttributesContext> & { spanStartTime?: unknown };

function firstValue(values: unknown): string | undefined {
  const v = Array.isArray(values) ? values[0] : values;
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_JOB_ID_LENGTH ? v.trim() : undefined;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The quantum-job page of the span the trace view shows, or undefined (no link) when the span carries no job id.
 * Grafana's context gives the span's own attributes (`spanAttributes`) and the resource's (`attributes`); the
 * time range is around the span's start when Grafana passes it, else the trace view's range.
 */
export function quantumJobPath(context: Context | undefined): string | undefined {
  const key = QUANTUM_ATTR.jobId.key;
  const jobId = firstValue(context?.spanAttributes?.[key]) ?? firstValue(context?.attributes?.[key]);
  if (!jobId) {
    return undefined;
  }
  const start = context?.spanStartTime;
  const range = context?.timeRange;
  const time = finite(start)
    ? { from: String(Math.floor(start - BEFORE_START_MS)), to: String(Math.ceil(start + AFTER_START_MS)) }
    : range && finite(range.from) && finite(range.to) && range.from < range.to
      ? { from: String(range.from), to: String(range.to) }
      : undefined;
  return buildAppUrl({ page: 'quantumJob', params: { jobId }, ...(time ? { time } : {}) });
}
