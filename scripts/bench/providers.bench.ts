import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfill, deviceView } from '@hybridlens/calibration';
import { createBlocksFromOpenMetrics, sharedFixturesDir, startPrometheus } from '@hybridlens/testkit';
import { snapshotQueries } from '../../src/pages/providerDetail/providerDetailQueries';
import { correlationQueries, providersQueries } from '../../src/pages/providers/providersQueries';
import type { BenchRow } from './types';

/**
 * Queries and samples each load of the Providers and backend pages costs Prometheus, with the calibration
 * exporter's backfill of the real fixture snapshots (hourly samples, as its backfill writes by default): every
 * query of the page run with `stats=all`, samples = Prometheus' own totalQueryableSamples. Template variables as
 * Grafana sends them for "All" and a 6-hour range.
 */

const AREA = 'providers pages (Prometheus)';
const RANGE = '6h';
const RANGE_SECONDS = 6 * 3600;
const STEP_SECONDS = 60;

function snapshotFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'drift' ? [] : snapshotFiles(path);
    }
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

const interpolate = (expr: string) => expr.replace(/\$__range/g, RANGE).replace(/\$\{?[a-z]+\}?/g, '.*');

interface StatsAnswer {
  stats?: { samples?: { totalQueryableSamples?: number } };
}

async function api(url: string, path: string, params: Record<string, string>): Promise<number> {
  const res = await fetch(`${url}/api/v1/${path}`, {
    method: 'POST',
    body: new URLSearchParams({ ...params, stats: 'all' }),
  });
  const json = (await res.json()) as { status: string; data: StatsAnswer; error?: string };
  if (json.status !== 'success') {
    throw new Error(`Prometheus: ${json.error} (${params.query})`);
  }
  return json.data.stats?.samples?.totalQueryableSamples ?? 0;
}

export default async function providersBench(): Promise<BenchRow[]> {
  const fixtures = sharedFixturesDir();
  if (!fixtures) {
    console.warn('providers bench: SKIPPED (../shared/fixtures is not beside this checkout)');
    return [];
  }
  const work = mkdtempSync(join(tmpdir(), 'hl-pp-bench-'));
  const prometheus = await (async () => {
    const out = join(work, 'calibration.om');
    const result = backfill({
      files: snapshotFiles(join(fixtures, 'calibration')),
      out,
      stepSeconds: 3600,
      holdSeconds: 8 * 3600,
    });
    createBlocksFromOpenMetrics(out, join(work, 'data'), ['--max-block-duration=8760h']);
    return { server: await startPrometheus({ dataDir: join(work, 'data') }), snapshots: result.snapshots };
  })();
  const rows: BenchRow[] = [];
  try {
    const { server, snapshots } = prometheus;
    for (const { backend: b, timestamp } of snapshots) {
      const at = timestamp + RANGE_SECONDS;
      const queries = Object.values(snapshotQueries(b));
      let samples = 0;
      for (const expr of queries) {
        samples += await api(server.url, 'query', { query: interpolate(expr), time: String(at) });
      }
      rows.push({
        area: AREA,
        metric: `backend page load: ${b.provider}/${b.backend}`,
        value: samples,
        unit: 'samples',
        note: `${queries.length} instant queries; ${deviceView(b).qubits.length} qubits; range ending ${RANGE} after the snapshot`,
      });
    }
    const newest = Math.max(...snapshots.map((s) => s.timestamp)) + RANGE_SECONDS;
    const instant = Object.values(providersQueries());
    const range = Object.values(correlationQueries());
    let samples = 0;
    for (const expr of instant) {
      samples += await api(server.url, 'query', { query: interpolate(expr), time: String(newest) });
    }
    for (const expr of range) {
      samples += await api(server.url, 'query_range', {
        query: interpolate(expr),
        start: String(newest - RANGE_SECONDS),
        end: String(newest),
        step: String(STEP_SECONDS),
      });
    }
    rows.push({
      area: AREA,
      metric: 'Providers page load (calibration part, fixture devices)',
      value: samples,
      unit: 'samples',
      note: `${instant.length} instant + ${range.length} range queries (${STEP_SECONDS} s step over ${RANGE}); job series absent here, so the job queries touch none`,
    });
  } finally {
    await prometheus.server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
