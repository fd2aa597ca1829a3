import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus } from './prometheus';
import { promtoolRuleStart } from './promtoolRuleWindow';
import { findBinary } from './tools';
import { type Rule, recordingRuleLevels, ruleFileText } from './ruleFiles';

export interface RuleBackfillOptions {
  rules: Rule[];
  /** TSDB directory already holding the raw history; recorded series are added to it. */
  dataDir: string;
  /** Scratch directory. */
  workDir: string;
  /** Unix seconds. */
  start: number;
  end: number;
  evalIntervalSeconds: number;
}

export interface RuleBackfillResult {
  levels: number;
  rules: number;
}

/** Both cores: the rules of one level are split over two promtool processes. */
const PARALLEL = 2;

function runPromtool(args: string[]): Promise<void> {
  const bin = findBinary('promtool');
  if (!bin) {
    throw new Error('promtool is not installed (apt-get install prometheus)');
  }
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`));
      } else {
        resolve();
      }
    });
  });
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * Record the SLO series over the loaded history with `promtool tsdb create-blocks-from rules`, one
 * dependency level at a time (each level needs the previous level's blocks loaded into Prometheus).
 * A level that records nothing at all is an error: promtool exits 0 when it records nothing, and every page
 * built on these series would then show "No data" with no hint why.
 */
export async function backfillRecordingRules(options: RuleBackfillOptions): Promise<RuleBackfillResult> {
  const levels = recordingRuleLevels(options.rules);
  const start = promtoolRuleStart(options.start, options.evalIntervalSeconds);
  for (const [i, rules] of levels.entries()) {
    const t0 = Date.now();
    const prometheus = await startPrometheus({ dataDir: options.dataDir });
    const t1 = Date.now();
    const parts = Array.from({ length: PARALLEL }, (_, p) => rules.filter((_r, k) => k % PARALLEL === p)).filter(
      (part) => part.length > 0
    );
    const outDirs = parts.map((_, p) => join(options.workDir, `level-${i}-${p}-blocks`));
    try {
      await Promise.all(
        parts.map((part, p) => {
          const ruleFile = join(options.workDir, `level-${i}-${p}.rules.yml`);
          writeFileSync(ruleFile, ruleFileText(`harness-backfill-level-${i}-${p}`, part));
          mkdirSync(outDirs[p]!, { recursive: true });
          return runPromtool([
            'tsdb',
            'create-blocks-from',
            'rules',
            '--quiet',
            `--url=${prometheus.url}`,
            `--start=${start}`,
            `--end=${options.end}`,
            `--eval-interval=${options.evalIntervalSeconds}s`,
            `--output-dir=${outDirs[p]}`,
            ruleFile,
          ]);
        })
      );
    } finally {
      await prometheus.stop();
    }
    if (process.env.HL_CT_DEBUG) {
      console.log(`level ${i}: ${rules.length} rules, start ${t1 - t0} ms, promtool ${Date.now() - t1} ms`);
    }
    const blocks = outDirs.reduce((n, outDir) => n + readdirSync(outDir).length, 0);
    if (blocks === 0) {
      const names = [...new Set(rules.map((r) => r.record ?? ''))].slice(0, 5).join(', ');
      throw new Error(
        `promtool tsdb create-blocks-from rules recorded nothing for level ${i} (${rules.length} rules: ${names}, …) ` +
          `from ${isoSeconds(start)} to ${isoSeconds(options.end)}: check that the history covers that window`
      );
    }
    for (const outDir of outDirs) {
      for (const block of readdirSync(outDir)) {
        renameSync(join(outDir, block), join(options.dataDir, block));
      }
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  return { levels: levels.length, rules: levels.reduce((n, l) => n + l.length, 0) };
}

/**
 * `promtool tsdb create-blocks-from openmetrics` for each file, two at a time (both cores). Files longer than
 * one 2-hour block (the simulator's `fileHours`) need `maxBlockHours` as long, or promtool reads the file once
 * per 2-hour block.
 */
export async function loadOpenMetricsFiles(
  files: readonly string[],
  dataDir: string,
  options: { maxBlockHours?: number } = {}
): Promise<void> {
  const queue = [...files];
  const blockArgs = options.maxBlockHours ? [`--max-block-duration=${options.maxBlockHours}h`] : [];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await runPromtool(['tsdb', 'create-blocks-from', 'openmetrics', ...blockArgs, file, dataDir]);
    }
  };
  await Promise.all([worker(), worker()]);
}
