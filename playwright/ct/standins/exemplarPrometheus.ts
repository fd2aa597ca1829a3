import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EXEMPLAR_LABEL,
  GEN_AI_ATTR,
  LABEL,
  METRIC,
  REQUEST_ATTR,
  REQUEST_DURATION_BUCKETS,
} from '@hybridlens/conventions';
import { type TraceSpan, readTrace } from '@hybridlens/traces';
import type { OtlpDocument } from '@hybridlens/traces/testing';
import { startPrometheus } from '@hybridlens/testkit';

/**
 * Exemplars cannot be backfilled (promtool drops them), so the history's Prometheus has none. This one is a second
 * real Prometheus with `--enable-feature=exemplar-storage` that scrapes an OpenMetrics request histogram whose
 * exemplars are the history's sampled traces (trace id, request duration, the time the request ended). The page
 * harness routes the Prometheus datasource's `api/v1/query_exemplars` calls (only those) to it.
 */

interface Observed {
  traceId: string;
  seconds: number;
  timestampS: number;
  labels: Record<string, string>;
}

function attr(spans: readonly TraceSpan[], key: string): string {
  for (const s of spans) {
    const v = s.attributes[key];
    if (typeof v === 'string' && v !== '') {
      return v;
    }
  }
  return '';
}

function observed(documents: readonly OtlpDocument[]): Observed[] {
  return documents.flatMap((d) =>
    readTrace(d).traces.flatMap((t) => {
      const root = t.spans.find((s) => !s.parentSpanId);
      if (!root) {
        return [];
      }
      return [
        {
          traceId: t.traceId,
          seconds: (root.endMs - root.startMs) / 1000,
          timestampS: root.endMs / 1000,
          labels: {
            [LABEL.route]: attr([root], REQUEST_ATTR.httpRoute.key),
            [LABEL.path]: attr([root], REQUEST_ATTR.path.key),
            [LABEL.region]: attr([root], REQUEST_ATTR.region.key),
            [LABEL.model]: attr(t.spans, GEN_AI_ATTR.requestModel.key),
          },
        },
      ];
    })
  );
}

const LES = [...REQUEST_DURATION_BUCKETS.map(String), '+Inf'];
const leOf = (seconds: number) => LES.find((le) => le === '+Inf' || seconds <= Number(le))!;
const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',');

/**
 * The exposition: one histogram series per label set; a series carries one exemplar per scrape (Prometheus keeps
 * exemplars of a series in time order), so scrape `n` shows the `n`-th request of each series.
 */
function exposition(groups: Observed[][], scrape: number): string {
  const name = METRIC.requestDuration.name;
  const lines = [`# TYPE ${name} histogram`];
  for (const group of groups) {
    const current = group[Math.min(scrape, group.length - 1)]!;
    const labels = labelText(current.labels);
    for (const le of LES) {
      const count = group.filter((o) => le === '+Inf' || o.seconds <= Number(le)).length;
      const exemplar =
        leOf(current.seconds) === le
          ? ` # {${EXEMPLAR_LABEL.traceId}="${current.traceId}"} ${current.seconds} ${current.timestampS.toFixed(3)}`
          : '';
      const leText = le === '+Inf' ? le : Number(le).toFixed(2);
      lines.push(`${name}_bucket{${labels},le="${leText}"} ${count}${exemplar}`);
    }
    lines.push(`${name}_count{${labels}} ${group.length}`);
    lines.push(`${name}_sum{${labels}} ${group.reduce((s, o) => s + o.seconds, 0)}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

export interface RunningExemplarPrometheus {
  url: string;
  /** Trace ids Prometheus answered as exemplars once every request had been scraped. */
  stored: number;
  stop(): Promise<void>;
}

/** Starts the exemplar Prometheus and waits (a condition, up to `timeoutMs`) until it holds every request's exemplar. */
export async function startExemplarPrometheus(
  documents: readonly OtlpDocument[],
  timeoutMs = 90_000
): Promise<RunningExemplarPrometheus> {
  const all = observed(documents);
  const byKey = new Map<string, Observed[]>();
  for (const o of all) {
    const key = labelText(o.labels);
    byKey.set(key, [...(byKey.get(key) ?? []), o]);
  }
  const groups = [...byKey.values()].map((g) => g.sort((a, b) => a.timestampS - b.timestampS));
  let scrapes = 0;
  const target: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
    res.end(exposition(groups, scrapes++));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const closeTarget = () => new Promise<void>((resolve) => target.close(() => resolve()));
  const { port } = target.address() as AddressInfo;
  const prometheus = await startPrometheus({
    config: `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: exemplars\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
    extraArgs: ['--enable-feature=exemplar-storage'],
  }).catch(async (error: unknown) => {
    await closeTarget();
    throw error;
  });
  const stop = async () => {
    await Promise.all([prometheus.stop(), closeTarget()]);
  };
  const times = all.map((o) => o.timestampS);
  const params = new URLSearchParams({
    query: `${METRIC.requestDuration.name}_bucket`,
    start: String(Math.floor(Math.min(...times, Date.now() / 1000)) - 60),
    end: String(Math.ceil(Math.max(...times, Date.now() / 1000)) + 60),
  });
  const deadline = Date.now() + timeoutMs;
  let stored = 0;
  for (;;) {
    const res = await fetch(`${prometheus.url}/api/v1/query_exemplars?${params.toString()}`);
    const body = (await res.json()) as { data?: Array<{ exemplars: Array<{ labels: Record<string, string> }> }> };
    stored = new Set((body.data ?? []).flatMap((s) => s.exemplars.map((e) => e.labels[EXEMPLAR_LABEL.traceId]))).size;
    if (stored >= all.length || Date.now() > deadline) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url: prometheus.url, stored, stop };
}
