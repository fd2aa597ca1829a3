import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftRuleGroups } from '@hybridlens/calibration';
import { CALIBRATION_DRIFT } from '@hybridlens/conventions';
import { evaluateRulesOverHistory, findBinary, promtoolRuleStart, startPrometheus } from '@hybridlens/testkit';
import { stringify } from 'yaml';

/** A time window over which the drift rules are recorded. */
export interface RuleWindow {
  /** Unix seconds. */
  start: number;
  end: number;
  intervalSeconds: number;
}

const PARALLEL = 2;
const DRIFT_WINDOW_SECONDS = CALIBRATION_DRIFT.windowDays * 24 * 3600;

/** The group that records the 2q error per coupler: the 7-day medians read its output, not raw exporter series. */
function recordsCouplers(group: ReturnType<typeof driftRuleGroups>[number]): boolean {
  return group.rules.some((r) => r.record === CALIBRATION_DRIFT.couplerTwoQubitError);
}

/** Each window grown to the week before it (what a 7-day median reads), overlapping ones merged. */
function withWeekBefore(windows: RuleWindow[]): RuleWindow[] {
  const grown = windows.map((w) => ({ ...w, start: w.start - DRIFT_WINDOW_SECONDS })).sort((a, b) => a.start - b.start);
  const merged: RuleWindow[] = [];
  for (const w of grown) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) {
      last.end = Math.max(last.end, w.end);
    } else {
      merged.push({ ...w });
    }
  }
  return merged;
}

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
    if (recordsCouplers(group)) {
      // The coupler series exists only as recorded: without the week before each window, every coupler's 7-day median
      // would be its last few hours and no coupler could drift. A week of 5-minute evaluations is one range query per
      // window here, where promtool would evaluate it step by step.
      const windows = withWeekBefore(options.windows);
      await evaluateRulesOverHistory({
        dataDir: options.dataDir,
        workDir: join(options.work, `drift-${g}`),
        rules: group.rules,
        start: windows[0]!.start,
        end: windows.at(-1)!.end,
        windows,
        stepSeconds: () => Math.min(...windows.map((w) => w.intervalSeconds)),
        alertStepSeconds: Math.min(...windows.map((w) => w.intervalSeconds)),
      });
      continue;
    }
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
