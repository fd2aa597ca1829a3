import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const ENTRY_BUDGET_BYTES = 10 * 1024;

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
  ];
}
