// Quantum spend per provider at the default load: `npx tsx pkg/simulator/scripts/weeklySpend.ts [--days 7]`.
import { type CliSpec, runCli } from '@hybridlens/cli';
import { measureSpend } from './weeklySpendModel';

const CLI = {
  name: 'weekly-spend',
  summary: 'Simulate the default topology without faults and print jobs and list-price spend per provider.',
  commands: {
    run: {
      summary: 'jobs, success rate, spend and spend per job per provider',
      flags: {
        days: { type: 'number', description: 'days simulated', min: 1, max: 30, default: 7 },
        seed: { type: 'integer', description: 'simulation seed', min: 0, max: 4294967295, default: 1 },
        start: { type: 'time', description: 'first simulated instant (default 2026-11-16T00:00:00Z, a Monday)' },
      },
    },
  },
} as const satisfies CliSpec;

const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

void runCli(CLI, ['run', ...process.argv.slice(2)], {
  async run({ values }, io) {
    const run = await measureSpend({
      start: values.start ?? Date.parse('2026-11-16T00:00:00Z'),
      days: values.days,
      seed: values.seed,
    });
    const rows = [...run.providers].sort((a, b) => b[1].usd - a[1].usd);
    const total = rows.reduce((a, [, p]) => a + p.usd, 0);
    io.stdout(`${values.days} days, ${run.requests} requests, seed ${values.seed}\n\n`);
    io.stdout(
      `${'provider'.padEnd(10)}${'jobs'.padStart(8)}${'success'.padStart(10)}${'spend'.padStart(14)}${'per job'.padStart(10)}${'share'.padStart(8)}\n`
    );
    for (const [provider, p] of rows) {
      const rate = p.success / Math.max(1, p.success + p.error);
      io.stdout(
        `${provider.padEnd(10)}${String(p.jobs).padStart(8)}${`${(rate * 100).toFixed(1)} %`.padStart(10)}${usd(p.usd).padStart(14)}${`$${(p.usd / p.jobs).toFixed(2)}`.padStart(10)}${`${((p.usd / total) * 100).toFixed(0)} %`.padStart(8)}\n`
      );
    }
    io.stdout(`${'total'.padEnd(28)}${usd(total).padStart(14)}\n`);
    return 0;
  },
}).then((code) => {
  process.exitCode = code;
});
