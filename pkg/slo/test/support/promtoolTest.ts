import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promtool } from '@hybridlens/testkit';
import { parse, stringify } from 'yaml';
import { type GeneratedFile } from '../../src';

export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

export interface PromtoolTestGroup {
  name: string;
  interval: string;
  input_series: Array<{ series: string; values: string }>;
  alert_rule_test?: Array<{ eval_time: string; alertname: string; exp_alerts: ExpectedAlert[] }>;
  promql_expr_test?: Array<{ expr: string; eval_time: string; exp_samples: Array<{ labels?: string; value: number }> }>;
}

/**
 * Rule groups in file order. Without `group_eval_order` promtool evaluates groups in map order, so a
 * long-window group could read the 5-minute series before or after they are recorded at the same tick.
 */
function groupOrder(ruleFiles: readonly GeneratedFile[]): string[] {
  return ruleFiles.flatMap((f) =>
    ((parse(f.content) as { groups?: Array<{ name: string }> }).groups ?? []).map((g) => g.name)
  );
}

/** Writes the rule files and a promtool unit-test file, runs `promtool test rules`; throws with its output on failure. */
export function runPromtoolTests(ruleFiles: readonly GeneratedFile[], groups: readonly PromtoolTestGroup[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hl-slo-promtool-'));
  try {
    for (const f of ruleFiles) {
      writeFileSync(join(dir, f.fileName), f.content);
    }
    const testFile = join(dir, 'tests.yml');
    writeFileSync(
      testFile,
      stringify(
        {
          rule_files: ruleFiles.map((f) => f.fileName),
          evaluation_interval: '1m',
          group_eval_order: groupOrder(ruleFiles),
          tests: groups,
        },
        { lineWidth: 0, aliasDuplicateObjects: false }
      )
    );
    return promtool(['test', 'rules', testFile]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `90m` for a minute count (promtool eval_time). */
export function minutes(m: number): string {
  return `${m}m`;
}
