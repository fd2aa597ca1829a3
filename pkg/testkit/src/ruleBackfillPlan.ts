import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_STATE, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { alertsAsRecordingRules, listRuleFiles, readRules, recordingRuleLevels, ruleFileText } from './ruleFiles';
import { promtoolRuleStart } from './promtoolRuleWindow';

export interface RuleBackfillPlan {
  /** One rule file per dependency level, to be backfilled in this order, each after the previous is loaded. */
  levelFiles: string[];
  rules: number;
}

/** The window of a `hybridlens-sim backfill` run, from the JSON line it prints (`from` / `to`, RFC 3339). */
export function backfillWindow(summaryJson: string, source: string): { start: number; end: number } {
  let parsed: { from?: unknown; to?: unknown };
  try {
    parsed = JSON.parse(summaryJson) as { from?: unknown; to?: unknown };
  } catch {
    throw new Error(`${source}: not the JSON line hybridlens-sim backfill prints`);
  }
  const start = Date.parse(String(parsed.from)) / 1000;
  const end = Date.parse(String(parsed.to)) / 1000;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new Error(`${source}: fields "from" and "to" must be RFC 3339 times, "from" first`);
  }
  return { start, end };
}

/**
 * The plan of `promtool tsdb create-blocks-from rules` for a rules directory: the recording rules and the
 * alerts (as recordings of the ALERTS series), split into dependency levels, one rule file per level. A shell
 * script with promtool and Prometheus (compose's prometheus-init) runs them in order; nothing here needs them.
 * Written into a staging directory and renamed into place whole.
 */
export function writeRuleBackfillPlan(
  rulesDir: string,
  outDir: string,
  evalIntervalSeconds: number,
  window?: { start: number; end: number }
): RuleBackfillPlan {
  const rules = readRules(listRuleFiles(rulesDir));
  if (rules.length === 0) {
    throw new Error(`${rulesDir}: no rule files (generate them with hybridlens-slo generate)`);
  }
  const alerts = alertsAsRecordingRules(rules, evalIntervalSeconds, { ...PROMETHEUS_ALERTS, ...ALERT_STATE });
  const levels = recordingRuleLevels([...rules, ...alerts]);
  const staging = `${outDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const names = levels.map((level, i) => {
    const name = `level-${String(i).padStart(2, '0')}.rules.yml`;
    writeFileSync(join(staging, name), ruleFileText(`backfill-level-${i}`, level));
    return name;
  });
  if (window) {
    // Sourced by the shell script that runs the plan: epoch seconds of the history's window.
    writeFileSync(
      join(staging, 'window.env'),
      `START=${promtoolRuleStart(window.start, evalIntervalSeconds)}\nEND=${Math.floor(window.end)}\n`
    );
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  return { levelFiles: names.map((n) => join(outDir, n)), rules: levels.reduce((n, l) => n + l.length, 0) };
}
