import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const ENTRY_BUDGET_BYTES = 10 * 1024;

interface StatsModule {
  name: string;
  chunks: Array<string | number>;
  modules?: StatsModule[];
}

interface StatsChunk {
  id: string | number;
  files: string[];
  initial: boolean;
  origins: Array<{ moduleName?: string; request?: string }>;
}

/** What module.tsx loads before any page shows: the app and, alongside it, the translations registration. */
const LOADED_WITH_EVERY_PAGE = ['./app/App', './i18n/initTranslations'];

/**
 * Chunks a browser loads to show one page of the app, from the production build's own chunk graph: the entry,
 * the chunk groups of what module.tsx loads for every page (the app and the translations registration), and
 * the group of any other chunk holding the page's own modules (`src/pages/<folder>/`), so a page split into a
 * lazy chunk of its own would be counted too.
 */
function pageChunks(stats: { chunks: StatsChunk[]; modules: StatsModule[] }, folder: string): StatsChunk[] {
  const byId = new Map(stats.chunks.map((c) => [c.id, c]));
  const originKey = (o: StatsChunk['origins'][number]) => `${o.moduleName ?? ''}\u0000${o.request ?? ''}`;
  const chosen = new Set<string | number>(stats.chunks.filter((c) => c.initial).map((c) => c.id));
  // A lazy import() loads every chunk of its group: the chunks that name the same import as an origin.
  const loadGroupsOf = (keys: ReadonlySet<string>) =>
    stats.chunks.filter((c) => c.origins.some((o) => keys.has(originKey(o)))).forEach((c) => chosen.add(c.id));
  loadGroupsOf(
    new Set(
      stats.chunks
        .flatMap((c) => c.origins)
        .filter((o) => o.moduleName?.endsWith('module.tsx') && LOADED_WITH_EVERY_PAGE.includes(o.request ?? ''))
        .map(originKey)
    )
  );
  let pageModules = 0;
  const pageChunkIds = new Set<string | number>();
  // Concatenated modules list their parts without chunks: the parts live where the whole does.
  const visit = (modules: StatsModule[] | undefined, chunks: Array<string | number>) => {
    for (const m of modules ?? []) {
      const where = m.chunks.length > 0 ? m.chunks : chunks;
      if (m.name.startsWith(`./pages/${folder}/`)) {
        pageModules++;
        where.forEach((id) => pageChunkIds.add(id));
      }
      visit(m.modules, where);
    }
  };
  visit(stats.modules, []);
  if (pageModules === 0) {
    throw new Error(`no module of src/pages/${folder}/ in the build: the page moved, update bundle.bench.ts`);
  }
  const more = [...pageChunkIds].filter((id) => !chosen.has(id)).map((id) => byId.get(id)!);
  loadGroupsOf(new Set(more.flatMap((c) => c.origins.map(originKey))));
  return [...chosen].map((id) => byId.get(id)!);
}

/** JS loaded to show the trace page, next to the Overview's, counted the same way from one production build. */
function pageJsRows(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'hl-bundle-bench-'));
  try {
    const root = resolve(__dirname, '../..');
    const run = spawnSync(
      'npx',
      [
        'webpack',
        '-c',
        './webpack.config.ts',
        '--env',
        'production',
        '--output-path',
        join(dir, 'dist'),
        '--json',
        join(dir, 'stats.json'),
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    if (run.status !== 0) {
      throw new Error(`webpack --json failed:\n${(run.stdout ?? '').slice(-2000)}${(run.stderr ?? '').slice(-2000)}`);
    }
    const stats = JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')) as {
      chunks: StatsChunk[];
      modules: StatsModule[];
    };
    const file = (f: string) => join(dir, 'dist', f.replace(/\?.*$/, ''));
    const measure = (folder: string) => {
      const files = pageChunks(stats, folder)
        .flatMap((c) => c.files)
        .filter((f) => /\.js(\?|$)/.test(f))
        .map((f) => f.replace(/\?.*$/, ''))
        .sort();
      return {
        files,
        bytes: files.reduce((sum, f) => sum + statSync(file(f)).size, 0),
        gzip: files.reduce((sum, f) => sum + gzipSync(readFileSync(file(f))).length, 0),
      };
    };
    const trace = measure('trace');
    const overview = measure('overview');
    const same = trace.files.join() === overview.files.join();
    const note = (p: typeof trace) =>
      `${p.files.length} files: ${p.files.join(', ')}` +
      (same ? '; the same chunks for both pages (no page-level split)' : '');
    return [
      {
        area: 'plugin bundle',
        metric: 'JS loaded to show the trace page (entry + lazy chunks, minified)',
        value: trace.bytes,
        unit: 'bytes',
        note: note(trace),
      },
      { area: 'plugin bundle', metric: 'JS loaded to show the trace page (gzip)', value: trace.gzip, unit: 'bytes' },
      {
        area: 'plugin bundle',
        metric: 'JS loaded to show the Overview, same count (minified)',
        value: overview.bytes,
        unit: 'bytes',
        note: note(overview),
      },
      {
        area: 'plugin bundle',
        metric: 'JS loaded to show the Overview, same count (gzip)',
        value: overview.gzip,
        unit: 'bytes',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sizes of the production build in dist/ (run after `npm run build`). */
export default async function bundleBench(): Promise<BenchRow[]> {
  const dist = resolve(__dirname, '../../dist');
  const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(dist, f)).size;
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length;
  const entry = size('module.js');
  const total = js.reduce((sum, f) => sum + size(f), 0);
  const totalGz = js.reduce((sum, f) => sum + gz(f), 0);
  return [
    {
      area: 'plugin bundle',
      metric: 'entry module.js (minified)',
      value: entry,
      unit: 'bytes',
      target: `< ${ENTRY_BUDGET_BYTES}`,
      ok: entry < ENTRY_BUDGET_BYTES,
    },
    { area: 'plugin bundle', metric: 'entry module.js (gzip)', value: gz('module.js'), unit: 'bytes' },
    {
      area: 'plugin bundle',
      metric: 'all JS chunks (minified)',
      value: total,
      unit: 'bytes',
      note: `${js.length} files`,
    },
    { area: 'plugin bundle', metric: 'all JS chunks (gzip)', value: totalGz, unit: 'bytes' },
    ...pageJsRows(),
  ];
}
