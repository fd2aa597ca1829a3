import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDurationOrThrow } from '@hybridlens/conventions';
import { parse, stringify } from 'yaml';

/*
 * Prometheus rule files as data, for tests that evaluate them over backfilled history: the generated rules
 * of pkg/slo, recording rules ordered by what they read, alerts as ALERTS series. Shared by the page
 * harness (playwright/ct) and the simulator's demo expectations.
 */

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules?: Rule[];
}

interface RuleFile {
  groups?: RuleGroup[];
}

/** The generated rule files of pkg/slo (provisioning/prometheus/rules/*.yml), if there are any. */
export function listRuleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export function readRuleGroups(files: string[]): RuleGroup[] {
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8')) as RuleFile | null)?.groups ?? []);
}

export function readRules(files: string[]): Rule[] {
  return readRuleGroups(files).flatMap((g) => g.rules ?? []);
}

const NAME_CHAR = /[a-zA-Z0-9_:]/;

/** Whether `expr` uses the series `name` (a whole metric name, not part of a longer one). */
export function references(expr: string, name: string): boolean {
  for (let at = expr.indexOf(name); at >= 0; at = expr.indexOf(name, at + 1)) {
    const before = at > 0 ? expr[at - 1]! : ' ';
    const after = expr[at + name.length] ?? ' ';
    if (!NAME_CHAR.test(before) && !NAME_CHAR.test(after)) {
      return true;
    }
  }
  return false;
}

/**
 * Recording rules in evaluation order: level 0 reads only raw metrics, level n reads series of lower
 * levels. `promtool tsdb create-blocks-from rules` cannot see what it records in the same run, so each
 * level is backfilled after the previous one is loaded.
 */
export function recordingRuleLevels(rules: Rule[]): Rule[][] {
  const recording = rules.filter((r): r is Rule & { record: string } => typeof r.record === 'string');
  const names = [...new Set(recording.map((r) => r.record))];
  const level = new Map<string, number>();
  const ruleLevel = (r: Rule) =>
    Math.max(-1, ...names.filter((n) => references(r.expr, n)).map((n) => level.get(n) ?? Infinity)) + 1;
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > names.length + 1) {
      throw new Error('recording rules reference each other in a cycle');
    }
    changed = false;
    for (const name of names) {
      const l = Math.max(...recording.filter((r) => r.record === name).map(ruleLevel));
      if (Number.isFinite(l) && level.get(name) !== l) {
        level.set(name, l);
        changed = true;
      }
    }
  }
  const levels: Rule[][] = [];
  for (const r of recording) {
    const l = level.get(r.record);
    if (l === undefined) {
      throw new Error(`recording rule ${r.record} depends on a series no rule or metric provides`);
    }
    (levels[l] ??= []).push(r);
  }
  return levels;
}

/** One rule file with one group, for promtool or a Prometheus config. */
export function ruleFileText(groupName: string, rules: Rule[], interval?: string): string {
  return stringify({ groups: [{ name: groupName, ...(interval ? { interval } : {}), rules }] });
}

/** Seconds of a rule's duration (`for:`, a range): the contract's duration syntax, which is Prometheus'. */
export function durationSeconds(text: string): number {
  return parseDurationOrThrow(text, 'rule duration') / 1000;
}

/**
 * Alert rules as recording rules of the `ALERTS` series Prometheus writes while it evaluates them, so
 * alert history can be backfilled with the rest (live evaluation cannot write ALERTS samples older
 * than history that runs past "now"). `for:` is approximated on the evaluation grid: firing once the
 * condition held at every evaluation of the last `for`, pending while it holds for less.
 */
export function alertsAsRecordingRules(
  alerts: Rule[],
  evalSeconds: number,
  names: { series: string; alertName: string; alertState: string; firing: string; pending: string }
): Rule[] {
  return alerts.flatMap((alert) => {
    if (!alert.alert) {
      return [];
    }
    const labels = { ...alert.labels, [names.alertName]: alert.alert };
    const active = `((${alert.expr}) * 0 + 1)`;
    if (!alert.for || durationSeconds(alert.for) === 0) {
      return [{ record: names.series, expr: active, labels: { ...labels, [names.alertState]: names.firing } }];
    }
    const needed = Math.ceil(durationSeconds(alert.for) / evalSeconds);
    const firing = `((count_over_time(${active}[${alert.for}:${evalSeconds}s]) >= ${needed}) * 0 + 1)`;
    return [
      { record: names.series, expr: firing, labels: { ...labels, [names.alertState]: names.firing } },
      {
        record: names.series,
        expr: `${active} unless ${firing}`,
        labels: { ...labels, [names.alertState]: names.pending },
      },
    ];
  });
}
