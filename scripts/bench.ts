// `npm run bench`: runs every benchmark (scripts/bench/*.bench.ts and pkg/*/bench/*.bench.ts) one after
// another and prints one table. Each bench reports medians of repeated runs measured side by side.
import { readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Bench, BenchRow } from './bench/types';

const root = resolve(__dirname, '..');

function benchFiles(): string[] {
  const files: string[] = [];
  const collect = (dir: string) => {
    if (existsSync(dir)) {
      files.push(
        ...readdirSync(dir)
          .filter((f) => f.endsWith('.bench.ts'))
          .map((f) => join(dir, f))
      );
    }
  };
  collect(join(root, 'scripts/bench'));
  for (const pkg of readdirSync(join(root, 'pkg'))) {
    collect(join(root, 'pkg', pkg, 'bench'));
  }
  return files;
}

function format(value: number): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);
}

async function main() {
  const filter = process.argv.slice(2);
  const rows: BenchRow[] = [];
  let failed = false;
  for (const file of benchFiles()) {
    const name = relative(root, file);
    if (filter.length > 0 && !filter.some((f) => name.includes(f))) {
      continue;
    }
    process.stderr.write(`bench: ${name}\n`);
    try {
      const mod = (await import(file)) as { default: Bench };
      rows.push(...(await mod.default()));
    } catch (error) {
      failed = true;
      rows.push({ area: name, metric: 'FAILED', value: NaN, unit: '', note: (error as Error).message.split('\n')[0] });
    }
  }
  const header = ['area', 'metric', 'value', 'unit', 'target', 'ok', 'note'];
  const table = rows.map((r) => [
    r.area,
    r.metric,
    format(r.value),
    r.unit,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of table) {
    console.log(line(r));
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/latest.json'), JSON.stringify(rows, null, 2));
  process.exit(failed ? 1 : 0);
}

void main();
