import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftRuleGroups } from '@hybridlens/calibration';
import { findBinary, promtoolRuleStart, startPrometheus } from '@hybridlens/testkit';
import { stringify } from 'yaml';

/** A time window over which the drift rules are recorded. */
export interface RuleWindow {
  /** Unix seconds. */
  start: number;
  end: number;
  intervalSeconds: number;
}

const PARALLEL = 2;

function promtool(args: string[]): Promise<void> {
  const bin = findBinary('promtool');
  if (!bin) {
    return Promise.reject(new Error('promtool is not installed (apt-get install prometheus)'));
  }
  return new Promise((resolve, reject) =>
    execFile(bin, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`)) : resolve()
    )
  );
}

/**
 * Records the calibration drift rules (`hybridlens-calibration rules`, the same expressions Prometheus evaluates
 * live) over past windows of backfilled history with `promtool tsdb create-blocks-from rules`. Each rule group
 * reads what the group before it records (2q error per coupler → 7-day medians → ratios), so the groups run one
 * after another, each against a Prometheus that has the previous group's blocks.
 */
export async function recordDriftRules(options: { dataDir: string; work: string; windows: RuleWindow[] }): Promise<{
  groups: number;
  windows: number;
}> {
  const groups = driftRuleGroups();
  for (const [g, group] of groups.entries()) {
    const ruleFile = join(options.work, `drift-${g}.rules.yml`);
    writeFileSync(ruleFile, stringify({ groups: [{ name: group.name, rules: group.rules }] }));
    const prometheus = await startPrometheus({ dataDir: options.dataDir });
    const outDirs: string[] = [];
    try {
      const queue = options.windows.map((w, i) => ({ w, out: join(options.work, `drift-${g}-${i}`) }));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          mkdirSync(next.out, { recursive: true });
          outDirs.push(next.out);
          await promtool([
            'tsdb',
            'create-blocks-from',
            'rules',
            '--quiet',
            `--url=${prometheus.url}`,
            `--start=${promtoolRuleStart(next.w.start, next.w.intervalSeconds)}`,
            `--end=${next.w.end}`,
            `--eval-interval=${next.w.intervalSeconds}s`,
            `--output-dir=${next.out}`,
            ruleFile,
          ]);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } finally {
      await prometheus.stop();
    }
    for (const out of outDirs) {
      for (const block of readdirSync(out)) {
        renameSync(join(out, block), join(options.dataDir, block));
      }
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { groups: groups.length, windows: options.windows.length };
}
