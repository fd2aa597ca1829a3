import { TRACE_FORMAT, TRACE_FORMAT_LABEL, type Completeness, type TraceFormat } from '../model';
import type { ProblemReport } from '../problems';
import { TraceCollector, type RawTrace } from './collector';
import { readJaegerData, readJaegerTrace } from './jaeger';
import { readResourceSpans } from './otlp';
import { isRecord, numberFrom } from './values';

/** A backend's response (or a file) read into traces, one per trace id, in first-seen order. */
export interface TraceDocument {
  format: TraceFormat;
  completeness: Completeness;
  traces: RawTrace[];
  /** Problems that belong to no one trace (entries of the wrong shape). */
  documentProblems: ProblemReport;
}

export interface FormatAttempt {
  format: TraceFormat;
  /** Where and why the input is not in this format. */
  reason: string;
}

/** The input is not a trace in any format the reader knows; the message says where each format failed. */
export class TraceFormatError extends Error {
  constructor(readonly attempts: readonly FormatAttempt[]) {
    super(
      `not a trace in any known format: ${attempts.map((a) => `${TRACE_FORMAT_LABEL[a.format]}: ${a.reason}`).join('; ')}`
    );
    this.name = 'TraceFormatError';
  }
}

const COMPLETE: Completeness = { status: 'complete' };
/** Tempo's PartialStatus enum: protobuf JSON writes the name, some clients the number. */
const TEMPO_PARTIAL = 'PARTIAL';
const TEMPO_PARTIAL_NUMBER = 1;

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

function describeTop(value: unknown): string {
  if (!isRecord(value)) {
    return `the top level is ${describeValue(value)}, not an object`;
  }
  const keys = Object.keys(value);
  return keys.length === 0 ? 'the top level is an empty object' : `top-level keys: ${keys.slice(0, 6).join(', ')}`;
}

function missing(key: string, kind: 'array' | 'object', value: Record<string, unknown>): string {
  if (!(key in value)) {
    return `no "${key}" ${kind} (${describeTop(value)})`;
  }
  const found = value[key];
  return `"${key}" is ${describeValue(found)}, expected an ${kind}`;
}

function tempoCompleteness(doc: Record<string, unknown>): Completeness {
  const partial = doc.status === TEMPO_PARTIAL || numberFrom(doc.status) === TEMPO_PARTIAL_NUMBER;
  if (!partial) {
    return COMPLETE;
  }
  return typeof doc.message === 'string' && doc.message !== ''
    ? { status: 'partial', message: doc.message }
    : { status: 'partial' };
}

function finish(format: TraceFormat, completeness: Completeness, collector: TraceCollector): TraceDocument {
  return {
    format,
    completeness,
    traces: collector.result(),
    documentProblems: collector.documentProblems.report(),
  };
}

/** The OTLP span list of a Tempo or OTLP object: `resourceSpans`, or Tempo's legacy `batches`. */
function otlpList(value: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(value.resourceSpans)) {
    return value.resourceSpans;
  }
  return Array.isArray(value.batches) ? value.batches : undefined;
}

/** Reads a parsed JSON value; throws TraceFormatError (with every format's reason) when it is none. */
export function readTraceValue(value: unknown): TraceDocument {
  if (!isRecord(value)) {
    const reason = describeTop(value);
    throw new TraceFormatError([
      { format: TRACE_FORMAT.tempoV2, reason },
      { format: TRACE_FORMAT.tempoV1, reason },
      { format: TRACE_FORMAT.otlp, reason },
      { format: TRACE_FORMAT.jaeger, reason },
    ]);
  }
  const collector = new TraceCollector();
  if (isRecord(value.trace)) {
    const trace = value.trace;
    const list = otlpList(trace);
    if (list) {
      readResourceSpans(list, collector);
      return finish(TRACE_FORMAT.tempoV2, tempoCompleteness(value), collector);
    }
    // Tempo v2 answers an empty trace as `"trace": {}`.
    if (!('resourceSpans' in trace) && !('batches' in trace)) {
      return finish(TRACE_FORMAT.tempoV2, tempoCompleteness(value), collector);
    }
  }
  if (Array.isArray(value.batches)) {
    readResourceSpans(value.batches, collector);
    return finish(TRACE_FORMAT.tempoV1, COMPLETE, collector);
  }
  if (Array.isArray(value.resourceSpans)) {
    readResourceSpans(value.resourceSpans, collector);
    return finish(TRACE_FORMAT.otlp, COMPLETE, collector);
  }
  if (Array.isArray(value.data)) {
    readJaegerData(value.data, collector);
    return finish(TRACE_FORMAT.jaeger, COMPLETE, collector);
  }
  if (typeof value.traceID === 'string' && Array.isArray(value.spans)) {
    readJaegerTrace(value, collector);
    return finish(TRACE_FORMAT.jaeger, COMPLETE, collector);
  }
  const v2Reason = isRecord(value.trace)
    ? `"trace" has neither a "resourceSpans" nor a "batches" array`
    : missing('trace', 'object', value);
  throw new TraceFormatError([
    { format: TRACE_FORMAT.tempoV2, reason: v2Reason },
    { format: TRACE_FORMAT.tempoV1, reason: missing('batches', 'array', value) },
    { format: TRACE_FORMAT.otlp, reason: missing('resourceSpans', 'array', value) },
    { format: TRACE_FORMAT.jaeger, reason: missing('data', 'array', value) },
  ]);
}

function jsonErrorMessage(error: unknown): string {
  return (error as Error).message.split('\n')[0]!.slice(0, 120);
}

/**
 * OTLP JSON lines (the OpenTelemetry Collector's file format, the simulator's `traces.otlp.jsonl`): one
 * ExportTraceServiceRequest per line; a trace may span several lines. Returns the reason when it is not.
 */
function readJsonLines(text: string): TraceDocument | string {
  const collector = new TraceCollector();
  let lineNumber = 0;
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length;
    }
    lineNumber++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return `line ${lineNumber} is not JSON (${jsonErrorMessage(error)})`;
    }
    const list = isRecord(value) ? otlpList(value) : undefined;
    if (!list) {
      return `line ${lineNumber}: ${isRecord(value) ? missing('resourceSpans', 'array', value) : describeTop(value)}`;
    }
    readResourceSpans(list, collector);
    lines++;
  }
  if (lines === 0) {
    return 'no JSON lines';
  }
  return finish(TRACE_FORMAT.otlpJsonLines, COMPLETE, collector);
}

/**
 * Reads a trace from text (a file, an HTTP body) or from an already parsed JSON value. Messy traces are read
 * with their problems counted; input that is no trace at all throws TraceFormatError.
 */
export function readTrace(input: string | unknown): TraceDocument {
  if (typeof input !== 'string') {
    return readTraceValue(input);
  }
  if (input.trim() === '') {
    const reason = 'the input is empty';
    throw new TraceFormatError(
      Object.values(TRACE_FORMAT).map((format) => ({ format, reason }) satisfies FormatAttempt)
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (error) {
    const lines = readJsonLines(input);
    if (typeof lines !== 'string') {
      return lines;
    }
    const reason = `not JSON (${jsonErrorMessage(error)})`;
    throw new TraceFormatError([
      { format: TRACE_FORMAT.tempoV2, reason },
      { format: TRACE_FORMAT.tempoV1, reason },
      { format: TRACE_FORMAT.otlp, reason },
      { format: TRACE_FORMAT.otlpJsonLines, reason: lines },
      { format: TRACE_FORMAT.jaeger, reason },
    ]);
  }
  return readTraceValue(value);
}
