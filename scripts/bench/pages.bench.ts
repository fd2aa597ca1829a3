import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from './types';

const ROOT = resolve(__dirname, '../..');
const COUNT_DIR = join(ROOT, 'test-results/page-queries');
const LOADS = 3;

interface PageCount {
  page: string;
  total: number;
  distinct: number;
  byApi: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Prometheus queries each app page issues on load, counted by the page harness' datasource stand-in in
 * Chromium (playwright/ct/tests/queryCounts.spec.tsx), each page loaded LOADS times.
 */
export default async function pagesBench(): Promise<BenchRow[]> {
  rmSync(COUNT_DIR, { recursive: true, force: true });
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'playwright-ct.config.ts', 'queryCounts', `--repeat-each=${LOADS}`, '--reporter=dot'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    }
  );
  if (run.status !== 0 || !existsSync(COUNT_DIR)) {
    throw new Error(
      `page harness run failed (exit ${run.status}):\n${(run.stdout ?? '').slice(-2000)}${(run.stderr ?? '').slice(-2000)}`
    );
  }
  const counts = readdirSync(COUNT_DIR).map((f) => JSON.parse(readFileSync(join(COUNT_DIR, f), 'utf8')) as PageCount);
  const pages = [...new Set(counts.map((c) => c.page))];
  return pages.flatMap((page): BenchRow[] => {
    const loads = counts.filter((c) => c.page === page);
    const total = median(loads.map((c) => c.total));
    const distinct = median(loads.map((c) => c.distinct));
    const apis = Object.keys(loads[0]?.byApi ?? {})
      .map((api) => `${api} ${median(loads.map((c) => c.byApi[api] ?? 0))}`)
      .join(', ');
    const row: BenchRow = {
      area: 'app pages (Chromium)',
      metric: `Prometheus queries on load: ${page}`,
      value: total,
      unit: 'queries',
      note: `${distinct} distinct; ${apis}; median of ${loads.length} loads`,
    };
    if (page === 'overview') {
      return [
        row,
        {
          area: 'app pages (Chromium)',
          metric: 'identical queries on load: overview',
          value: total - distinct,
          unit: 'queries',
          target: '0',
          ok: total === distinct,
        },
      ];
    }
    return [row];
  });
}
