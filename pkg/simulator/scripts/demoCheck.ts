// The 30-day check of the default history (issue 9): `npx tsx pkg/simulator/scripts/demoCheck.ts [--days 30]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliSpec, runCli } from '@hybridlens/cli';
import { demoProblems, EXHAUSTED_SLO, measureDemoHistory } from './demoExpectations';

/** The benchmark's end of history: figures in the README are reproducible. */
const DEFAULT_END = Date.parse('2026-11-26T00:00:00Z');

const CLI = {
  name: 'demo-check',
  summary: 'Backfill the default history, evaluate the generated SLO rules over it, and check what a user would see.',
  commands: {
    run: {
      summary: 'budget left per SLO, alerts outside fault windows, faults not visible',
      flags: {
        days: { type: 'number', description: 'days of history', min: 1, max: 30, default: 30 },
        end: { type: 'time', description: 'end of the history (default 2026-11-26T00:00:00Z)' },
        keep: { type: 'boolean', description: 'keep the work directory (history, TSDB)' },
      },
    },
  },
} as const satisfies CliSpec;

const pct = (x: number | undefined) => (x === undefined ? 'no events' : `${(x * 100).toFixed(1)} %`);

void runCli(CLI, ['run', ...process.argv.slice(2)], {
  async run({ values }, io) {
    const workDir = mkdtempSync(join(tmpdir(), 'hl-demo-check-'));
    try {
      const report = await measureDemoHistory({
        days: values.days,
        end: values.end ?? DEFAULT_END,
        workDir,
        log: (m) => io.stdout(`  ${m}\n`),
      });
      io.stdout(`\n${values.days}-day default history, ${report.requests} requests\n\nbudget left per SLO\n`);
      for (const [slo, left] of [...report.budgets].sort((a, b) => a[0].localeCompare(b[0]))) {
        io.stdout(
          `  ${slo.padEnd(28)} ${pct(left).padStart(10)}${slo === EXHAUSTED_SLO ? `   <- ${report.incident.name}` : ''}\n`
        );
      }
      io.stdout(
        `\nincident: ${report.incident.badEvents.toFixed(0)} bad events of ${EXHAUSTED_SLO} inside it; the whole budget allows ${report.incident.budgetEvents.toFixed(1)}\n`
      );
      const byAlert = new Map<string, number>();
      for (const a of report.firing) {
        byAlert.set(a.alertname, (byAlert.get(a.alertname) ?? 0) + 1);
      }
      io.stdout(
        `\nalerts firing (stretches): ${[...byAlert].map(([n, c]) => `${n} ${c}`).join(', ')}; outside fault windows: ${report.unexplained.length}\n`
      );
      io.stdout(
        `faults visible where scheduled: ${report.faults.filter((f) => f.visible).length} of ${report.faults.length}\n`
      );
      io.stdout(
        `time: history ${report.seconds.history.toFixed(0)} s, import ${report.seconds.import.toFixed(0)} s, rules ${report.seconds.rules.toFixed(0)} s, checks ${report.seconds.checks.toFixed(0)} s\n`
      );
      const problems = demoProblems(report);
      io.stdout(
        problems.length === 0
          ? '\nall expectations hold\n'
          : `\n${problems.length} problems:\n${problems.map((p) => `  ${p}\n`).join('')}`
      );
      if (values.keep) {
        io.stdout(`work directory kept: ${workDir}\n`);
      }
      return problems.length === 0 ? 0 : 1;
    } finally {
      if (!values.keep) {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
  },
}).then((code) => {
  process.exitCode = code;
});
