import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const root = resolve(__dirname, '../..');

interface StatsChunk {
  id: string | number;
  files: string[];
  initial: boolean;
  origins: Array<{ moduleName?: string; request?: string }>;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${(result.stdout ?? '').slice(-3000)}${(result.stderr ?? '').slice(-3000)}`
    );
  }
}

/**
 * JS a browser downloads to show the Overview: the entry plus every chunk webpack loads for the
 * lazy `./app/App` import, read from the production build's own chunk graph (not guessed from dist/).
 */
function overviewJs(dir: string): BenchRow[] {
  run('npx', [
    'webpack',
    '-c',
    './webpack.config.ts',
    '--env',
    'production',
    '--output-path',
    join(dir, 'dist'),
    '--json',
    join(dir, 'stats.json'),
  ]);
  const stats = JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')) as { chunks: StatsChunk[] };
  const fileOf = (f: string) => join(dir, 'dist', f.replace(/\?.*$/, ''));
  const entry = stats.chunks.filter((c) => c.initial);
  const app = stats.chunks.filter(
    (c) => !c.initial && c.origins.some((o) => o.moduleName?.endsWith('module.tsx') && o.request === './app/App')
  );
  if (app.length === 0) {
    throw new Error('no chunk loads ./app/App: the chunk graph changed, update app.bench.ts');
  }
  const files = [...entry, ...app].flatMap((c) => c.files).filter((f) => /\.js(\?|$)/.test(f));
  const bytes = files.reduce((sum, f) => sum + statSync(fileOf(f)).size, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(fileOf(f))).length, 0);
  const entryBytes = entry.flatMap((c) => c.files).reduce((sum, f) => sum + statSync(fileOf(f)).size, 0);
  return [
    {
      area: 'app pages',
      metric: 'JS loaded to show Overview (entry + lazy chunks, minified)',
      value: bytes,
      unit: 'bytes',
      note: `${files.length} files: ${files.map((f) => f.replace(/\?.*$/, '')).join(', ')}`,
    },
    { area: 'app pages', metric: 'JS loaded to show Overview (gzip)', value: gzip, unit: 'bytes' },
    {
      area: 'app pages',
      metric: 'entry module.js with link extension (minified)',
      value: entryBytes,
      unit: 'bytes',
      target: '< 10240',
      ok: entryBytes < 10240,
    },
  ];
}

interface PageQueryReport {
  page: string;
  panelQueries: number;
  variableQueries: number;
  duplicates: number;
}

/** Queries each page issues on load, counted at the datasource boundary by src/app/pageQueries.test.ts. */
function queriesPerPage(dir: string): BenchRow[] {
  const file = join(dir, 'queries.json');
  run('npx', ['jest', '--selectProjects', 'plugin', 'src/app/pageQueries.test.ts'], { HYBRIDLENS_QUERY_REPORT: file });
  const report = JSON.parse(readFileSync(file, 'utf8')) as PageQueryReport[];
  return report.map((r) => ({
    area: 'app pages',
    metric: `queries issued on load: ${r.page}`,
    value: r.panelQueries + r.variableQueries,
    unit: 'queries',
    target: 'no query twice',
    ok: r.duplicates === 0,
    note: `${r.panelQueries} data + ${r.variableQueries} variable (label_values) queries, ${r.duplicates} duplicates`,
  }));
}

export default async function appBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hl-app-bench-'));
  try {
    return [...overviewJs(dir), ...queriesPerPage(dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
