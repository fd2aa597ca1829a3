import '../../testing/jsdomPolyfills';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { GEN_AI_ATTR, LOG_FIELD, LOKI_OTLP_METADATA, LOKI_STREAM_LABEL, SPAN } from '@hybridlens/conventions';
import { hexToBase64 } from '@hybridlens/traces';
import { generateSyntheticTrace } from '@hybridlens/traces/testing';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { proxyGet } from '../../queries/datasourceProxy';
import { slowRequestsQuery } from '../../queries/traceql';
import { logsOfJobQuery, logsOfTraceQuery } from '../../queries/logql';
import {
  type LogEntry,
  type RunningStandIn,
  startTempoLokiStandIn,
} from '../../../playwright/ct/standins/tempoLokiServer';
import { jaegerAnswer } from '../../../playwright/ct/standins/jaegerAnswer';
import { findJobTrace } from '../quantumJob/findJobTrace';
import { loadTraceFromTempo } from './traceSource';
import { parseLokiStreams, queryLoki } from './traceLogs';

/**
 * The trace and job pages' data paths (Tempo v2 with v1 fallback, TraceQL job lookup, Loki log lines) through
 * Grafana's datasource proxy to the harness' Tempo and Loki stand-ins, which speak the real APIs and shapes.
 */
installNodeFetch();

const FIXTURES = join(__dirname, '../../../../shared/fixtures/traces');
const fixture = (name: string): unknown | undefined => {
  const file = join(FIXTURES, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};

const two = generateSyntheticTrace({ spans: 300, seed: 7, quantumJobs: 2, failedJobs: 1 });
const partial = generateSyntheticTrace({ spans: 40, seed: 8, quantumJobs: 1, failedJobs: 0 });
const tempoV1 = fixture('tempo_tempopb_trace_batches.json');
const jaegerSource = fixture('jaeger-ui_otlp2jaeger-multi-in-combined.json');
const jaeger = jaegerSource === undefined ? undefined : jaegerAnswer(jaegerSource);
const WIDE = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };
const TEMPO = 'tempo-standin';
const LOKI = 'loki-standin';

/** A record as Loki stores it after OTLP ingestion: the body is the line, the ids are structured metadata. */
function logLine(ms: number, message: string, metadata: Record<string, string>): LogEntry {
  return {
    ns: `${ms}000000`,
    labels: { [LOKI_STREAM_LABEL.serviceName]: 'hybrid-solver' },
    structuredMetadata: {
      [LOKI_OTLP_METADATA.severityText]: 'info',
      [LOKI_OTLP_METADATA.detectedLevel]: 'info',
      ...metadata,
    },
    line: message,
  };
}

describe('trace and job pages through the Tempo and Loki stand-ins', () => {
  let standIn: RunningStandIn;
  let down: RunningStandIn;
  const start = Date.UTC(2026, 10, 26);
  const [firstJob, secondJob] = two.quantumJobIds;

  beforeAll(async () => {
    if (!tempoV1 || !jaeger) {
      console.info(`Fixture traces not found under ${FIXTURES}: the v1 and Jaeger cases are skipped.`);
    }
    standIn = await startTempoLokiStandIn({
      otlp: [two.document, partial.document],
      partial: { [partial.traceId]: 'trace exceeds max size (max bytes: 5000000), partial trace returned' },
      verbatimV1: [tempoV1, jaeger].filter((x) => x !== undefined),
      logs: [
        logLine(start + 10, 'job done', {
          [LOG_FIELD.traceId]: two.traceId,
          [LOG_FIELD.spanId]: 'a'.repeat(16),
          [LOG_FIELD.stage]: 'quantum',
          [LOG_FIELD.providerJobId]: secondJob!,
        }),
        // Mentions the job and the trace only in its body: not a line about either.
        logLine(start + 20, `retrying like ${secondJob} in ${two.traceId}`, { [LOG_FIELD.traceId]: 'f'.repeat(32) }),
        logLine(start + 5, 'request accepted', { [LOG_FIELD.traceId]: two.traceId }),
      ],
    });
    down = await startTempoLokiStandIn({});
    await down.stop();
    installDatasourceProxy({ [TEMPO]: standIn.url, [LOKI]: standIn.url, down: down.url });
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('reads a trace with two quantum jobs, one failed, from v2, by hex or base64 id', async () => {
    const load = await loadTraceFromTempo(TEMPO, two.traceId);
    expect(load.kind).toBe('ready');
    if (load.kind !== 'ready') {
      return;
    }
    expect(load.api).toBe('v2');
    expect(load.lifecycle.spans).toHaveLength(two.spanCount);
    expect(load.lifecycle.quantumJobs.map((j) => j.jobId)).toEqual(two.quantumJobIds);
    expect(load.lifecycle.quantumJobs.map((j) => j.outcome === 'success')).toEqual([false, true]);
    const byBase64 = await loadTraceFromTempo(TEMPO, hexToBase64(two.traceId));
    expect(byBase64.kind === 'ready' && byBase64.lifecycle.traceId).toBe(two.traceId);
  });

  it('shows what is missing when Tempo answers PARTIAL', async () => {
    const load = await loadTraceFromTempo(TEMPO, partial.traceId);
    expect(load.kind === 'ready' && load.lifecycle.completeness).toMatchObject({
      status: 'partial',
      message: expect.stringContaining('max size'),
    });
  });

  it('falls back to /api/traces/<id> for a Tempo v1 answer and a Jaeger query service answer', async () => {
    if (!tempoV1 || !jaeger) {
      console.info('skipped: fixture traces absent');
      return;
    }
    const { readTrace } = await import('@hybridlens/traces');
    for (const [answer, format] of [
      [tempoV1, 'tempo-v1'],
      [jaeger, 'jaeger'],
    ] as const) {
      const id = readTrace(answer).traces[0]!.traceId;
      const load = await loadTraceFromTempo(TEMPO, id);
      expect(load).toMatchObject({ kind: 'ready', api: 'v1', lifecycle: { format } });
      expect(load.kind === 'ready' && load.lifecycle.spans.length).toBeGreaterThan(0);
    }
  });

  it('tells an unknown id, a malformed one and an unreachable Tempo apart, never asking Tempo for markup', async () => {
    expect(await loadTraceFromTempo(TEMPO, 'ab'.repeat(16))).toEqual({ kind: 'notFound', traceId: 'ab'.repeat(16) });
    const asked = standIn.requests.length;
    const markup = '<img src=x onerror=alert(1)>';
    expect(await loadTraceFromTempo(TEMPO, markup)).toEqual({ kind: 'malformed', traceId: markup });
    expect(standIn.requests.length).toBe(asked);
    const unreachable = await loadTraceFromTempo('down', two.traceId);
    expect(unreachable).toMatchObject({ kind: 'error', message: expect.stringMatching(/unreachable/) });
  });

  it('finds a job’s trace with TraceQL on quantum.job.id, and through Loki when Tempo fails', async () => {
    expect(await findJobTrace(firstJob!, { tempo: TEMPO, loki: LOKI }, WIDE.from, WIDE.to)).toEqual({
      traceId: two.traceId,
      foundBy: 'tempo',
      attempts: [{ source: 'tempo', found: true }],
    });
    const viaLoki = await findJobTrace(secondJob!, { tempo: 'down', loki: LOKI }, WIDE.from, WIDE.to);
    expect(viaLoki).toMatchObject({ traceId: two.traceId, foundBy: 'loki' });
    expect(viaLoki.attempts[0]).toMatchObject({
      source: 'tempo',
      found: false,
      error: expect.stringMatching(/unreachable/),
    });
    // Outside the searched range: nothing, and each source says so.
    expect(await findJobTrace(firstJob!, { tempo: TEMPO, loki: LOKI }, 0, 1000)).toEqual({
      attempts: [
        { source: 'tempo', found: false },
        { source: 'loki', found: false },
      ],
    });
  });

  it('reads a trace’s log lines in time order by the trace_id metadata, the body as the message', async () => {
    const lines = await queryLoki(LOKI, logsOfTraceQuery(two.traceId), WIDE.from, WIDE.to);
    expect(lines.map((l) => l.message)).toEqual(['request accepted', 'job done']);
    expect(lines[1]).toMatchObject({
      level: 'info',
      stage: 'quantum',
      spanId: 'a'.repeat(16),
      traceId: two.traceId,
      providerJobId: secondJob,
    });
    const jobLines = await queryLoki(LOKI, logsOfJobQuery(secondJob!), WIDE.from, WIDE.to);
    expect(jobLines.map((l) => l.providerJobId)).toEqual([secondJob]);
    // Hostile ids are data: valid LogQL, no match, no error.
    expect(await queryLoki(LOKI, logsOfJobQuery('"} | line_format "x'), WIDE.from, WIDE.to)).toEqual([]);
  });

  it('reads the fields from categorized labels too (the metadata apart from the stream labels)', async () => {
    const params = new URLSearchParams({
      query: logsOfTraceQuery(two.traceId),
      start: '0',
      end: `${WIDE.to}000000`,
      direction: 'forward',
    });
    // Grafana's Loki datasource sends this header; the harness' fetch stand-in sends none, so Node's own client does.
    const text = await new Promise<string>((resolve, reject) => {
      get(
        `${standIn.url}/loki/api/v1/query_range?${params.toString()}`,
        { headers: { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        }
      ).on('error', reject);
    });
    const body = JSON.parse(text) as Parameters<typeof parseLokiStreams>[0];
    expect(body.data?.result?.map((r) => Object.keys(r.stream))).toEqual([[LOKI_STREAM_LABEL.serviceName]]);
    expect(parseLokiStreams(body).map((l) => [l.message, l.traceId, l.providerJobId])).toEqual([
      ['request accepted', two.traceId, undefined],
      ['job done', two.traceId, secondJob],
    ]);
  });

  it('searches slow requests by model: the trace must also hold an LLM call to that model', async () => {
    const modelsOf = (document: typeof two.document) =>
      document.resourceSpans
        .flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans))
        .filter((sp) => sp.name === SPAN.llm)
        .flatMap((sp) => sp.attributes.filter((a) => a.key === GEN_AI_ATTR.requestModel.key))
        .map((a) => ('stringValue' in a.value ? a.value.stringValue : ''));
    const model = modelsOf(two.document)[0];
    expect(model).toBeTruthy();
    const expected = [two, partial].filter((t) => modelsOf(t.document).includes(model!)).map((t) => t.traceId);
    const search = async (models: string[]) =>
      proxyGet<{ traces: Array<{ traceID: string; spanSets: Array<{ spans: Array<{ spanID: string }> }> }> }>(
        TEMPO,
        'api/search',
        { q: slowRequestsQuery(0, { model: models }), start: '0', end: String(WIDE.to / 1000) }
      );
    const found = await search([model!, 'no-such-model']);
    expect(found.traces.map((t) => t.traceID).sort()).toEqual(expected.sort());
    // Tempo answers the spans of both spansets: the ingress span and the LLM call.
    expect(found.traces[0]!.spanSets[0]!.spans.length).toBeGreaterThanOrEqual(2);
    expect((await search(['no-such-model'])).traces).toEqual([]);
  });

  it('answers queries outside what the pages send with the services’ own 400, shown to the user', async () => {
    await expect(proxyGet(TEMPO, 'api/search', { q: '{ span.a = "1" } | count() > 2' })).rejects.toThrow(
      /HTTP 400: the Tempo stand-in evaluates only "\| select\(\.\.\.\)" after a filter/
    );
    await expect(proxyGet(TEMPO, 'api/search', { q: '{ span.a > 1 }' })).rejects.toThrow(
      /HTTP 400: the Tempo stand-in does not evaluate "span.a > 1"/
    );
    await expect(proxyGet(TEMPO, 'api/search', { q: '{ name = ' })).rejects.toThrow(/HTTP 400: invalid TraceQL/);
    await expect(proxyGet(LOKI, 'loki/api/v1/query_range', { query: 'sum(rate({a="b"}[5m]))' })).rejects.toThrow(
      /HTTP 400/
    );
    expect(await proxyGet(LOKI, 'loki/api/v1/labels')).toEqual({
      status: 'success',
      data: [LOKI_STREAM_LABEL.serviceName],
    });
  });
});
