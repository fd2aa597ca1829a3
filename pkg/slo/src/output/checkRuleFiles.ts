import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { SloInputError } from '../errors';

export type RuleCheck = 'promtool' | 'parsed';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `text` is not a Prometheus rule file, or undefined when its shape is right. */
function shapeProblem(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return `not YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  if (!isRecord(doc) || !Array.isArray(doc.groups) || doc.groups.length === 0) {
    return 'no rule groups';
  }
  for (const [i, group] of doc.groups.entries()) {
    if (!isRecord(group) || typeof group.name !== 'string' || !Array.isArray(group.rules) || group.rules.length === 0) {
      return `groups[${i}]: needs a name and rules`;
    }
    for (const [j, rule] of group.rules.entries()) {
      const named = isRecord(rule) && (typeof rule.record === 'string' || typeof rule.alert === 'string');
      if (!named || typeof rule.expr !== 'string' || rule.expr.trim() === '') {
        return `groups[${i}].rules[${j}]: needs record or alert, and expr`;
      }
    }
  }
  return undefined;
}

/** promtool's verdict, condensed to the first line that says what is wrong. */
function promtoolProblem(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Checking /.test(l) && !/^(FAILED|SUCCESS)/.test(l));
  return lines[0] ?? 'rejected';
}

/**
 * Checks a batch of rule files before they replace anything: each must parse as a Prometheus rule file, and
 * when promtool is on the PATH, `promtool check rules` must accept them all (it compiles every expression and
 * template). Throws an SloInputError naming the first bad file; returns how deep the check went.
 */
export function checkRuleFiles(paths: readonly string[]): RuleCheck {
  for (const path of paths) {
    const problem = shapeProblem(readFileSync(path, 'utf8'));
    if (problem) {
      throw new SloInputError(`${basename(path)}: ${problem}; nothing was written`);
    }
  }
  const all = spawnSync('promtool', ['check', 'rules', ...paths], { encoding: 'utf8' });
  if (all.error) {
    if ((all.error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 'parsed';
    }
    throw all.error;
  }
  if (all.status !== 0) {
    // One call for the batch; only when it fails, one per file to name the culprit.
    for (const path of paths) {
      const run = spawnSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });
      if (run.status !== 0) {
        const problem = promtoolProblem(`${run.stdout}\n${run.stderr}`.replaceAll(path, basename(path)));
        throw new SloInputError(`${basename(path)}: promtool check rules: ${problem}; nothing was written`);
      }
    }
    throw new SloInputError(`promtool check rules: ${promtoolProblem(all.stdout + all.stderr)}; nothing was written`);
  }
  return 'promtool';
}
