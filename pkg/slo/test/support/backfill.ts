import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningPrometheus, createBlocksFromOpenMetrics, promtool, startPrometheus } from '@hybridlens/testkit';
import { parse, stringify } from 'yaml';
import { type GeneratedFile } from '../../src';

interface YamlRule {
  record?: string;
  alert?: string;
  expr: string;
}
interface YamlGroup {
  name: string;
  interval: string;
  rules: YamlRule[];
}

/**
 * Recording rules by dependency level: level 0 reads only raw series, level n reads series recorded
 * at levels below n. `promtool tsdb create-blocks-from rules` cannot see rules it is backfilling in
 * the same run, so each level is backfilled after the previous one was loaded.
 */
export function recordingLevels(files: readonly GeneratedFile[]): YamlGroup[][] {
  const groups: YamlGroup[] = files.flatMap((f) => (parse(f.content) as { groups: YamlGroup[] }).groups);
  const records = new Set(
    groups.flatMap((g) => g.rules.map((r) => r.record).filter((r): r is string => r !== undefined))
  );
  const level = new Map<string, number>();
  const levelOf = (name: string, seen: Set<string> = new Set()): number => {
    const known = level.get(name);
    if (known !== undefined) {
      return known;
    }
    if (seen.has(name)) {
      throw new Error(`recording rule cycle at ${name}`);
    }
    seen.add(name);
    const exprs = groups.flatMap((g) => g.rules.filter((r) => r.record === name).map((r) => r.expr));
    const deps = [...records].filter(
      (other) =>
        other !== name &&
        exprs.some((e) =>
          new RegExp(`(^|[^a-zA-Z0-9_:])${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-zA-Z0-9_:]|$)`).test(e)
        )
    );
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => levelOf(d, seen)));
    level.set(name, value);
    return value;
  };
  const max = Math.max(...[...records].map((r) => levelOf(r)));
  return Array.from({ length: max + 1 }, (_, l) =>
    groups
      .map((g) => ({
        name: g.name,
        interval: g.interval,
        rules: g.rules.filter((r) => r.record !== undefined && level.get(r.record) === l),
      }))
      .filter((g) => g.rules.length > 0)
  );
}

export interface BackfilledPrometheus {
  prom: RunningPrometheus;
  stop(): Promise<void>;
}

/**
 * A real Prometheus holding the raw history (an OpenMetrics file, or a loader filling the TSDB dir) plus every recording rule of
 * `ruleFiles`, evaluated over the history level by level. Level 0 (the 5-minute increases) is
 * evaluated from `start`, the levels built on it from `rulesFrom`.
 */
export async function prometheusWithRuleHistory(
  history: string | ((dataDir: string) => Promise<void>),
  ruleFiles: readonly GeneratedFile[],
  range: { start: number; rulesFrom: number; end: number }
): Promise<BackfilledPrometheus> {
  const work = mkdtempSync(join(tmpdir(), 'hl-slo-backfill-'));
  const dataDir = join(work, 'data');
  if (typeof history === 'string') {
    createBlocksFromOpenMetrics(history, dataDir);
  } else {
    await history(dataDir);
  }
  let prom = await startPrometheus({ dataDir });
  try {
    for (const [index, groups] of recordingLevels(ruleFiles).entries()) {
      // One path for every level: Prometheus offsets a group's evaluations by a hash of its name and file,
      // and every level must share the offset a live group would have, or a level reads its inputs a minute late.
      const ruleFile = join(work, 'rules.yml');
      writeFileSync(ruleFile, stringify({ groups }));
      const out = join(work, `blocks-${index}`);
      const t0 = Date.now();
      promtool([
        'tsdb',
        'create-blocks-from',
        'rules',
        `--start=${index === 0 ? range.start : range.rulesFrom}`,
        `--end=${range.end}`,
        `--url=${prom.url}`,
        `--output-dir=${out}`,
        '--quiet',
        ruleFile,
      ]);
      const t1 = Date.now();
      await prom.stop();
      const t2 = Date.now();
      if (process.env.HL_DEBUG) {
        console.error(`backfill level ${index}: create-blocks-from rules ${t1 - t0} ms, stop ${t2 - t1} ms`);
      }
      for (const block of readdirSync(out)) {
        renameSync(join(out, block), join(dataDir, block));
      }
      prom = await startPrometheus({ dataDir });
    }
  } catch (error) {
    await prom.stop();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const running = prom;
  return {
    prom: running,
    async stop() {
      await running.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
