import { type CliSpec, runCli } from '@hybridlens/cli';
import { readFileSync } from 'node:fs';
import { backfillWindow, writeRuleBackfillPlan } from '../src/ruleBackfillPlan';

const CLI = {
  name: 'rule-backfill-plan',
  summary:
    'Split rule files into dependency levels for promtool tsdb create-blocks-from rules (docker compose history).',
  commands: {
    write: {
      summary: 'write one rule file per level into --out (replaced whole)',
      flags: {
        rules: {
          type: 'string',
          placeholder: 'DIR',
          required: true,
          description: 'directory of Prometheus rule files',
        },
        out: { type: 'string', placeholder: 'DIR', required: true, description: 'directory for the level files' },
        'history-summary': {
          type: 'string',
          placeholder: 'FILE',
          description: 'the JSON line of hybridlens-sim backfill: its window goes to window.env (START, END)',
        },
        'eval-interval': {
          type: 'duration',
          description: 'evaluation interval of the backfill (alert `for:` is counted in it)',
          minMs: 60_000,
          maxMs: 3_600_000,
          default: '4m',
        },
      },
    },
  },
} as const satisfies CliSpec;

void runCli(CLI, process.argv.slice(2), {
  write({ values }, io) {
    const summary = values['history-summary'];
    const window = summary ? backfillWindow(readFileSync(summary, 'utf8'), summary) : undefined;
    const plan = writeRuleBackfillPlan(values.rules, values.out, values['eval-interval'] / 1000, window);
    io.stdout(`${plan.rules} rules in ${plan.levelFiles.length} levels: ${plan.levelFiles.join(' ')}\n`);
    return 0;
  },
}).then((code) => {
  process.exitCode = code;
});
