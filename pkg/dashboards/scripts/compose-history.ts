/**
 * Compose's `history` service: `tsx pkg/dashboards/scripts/compose-history.ts build --days 14 --rules DIR --out DIR`
 * (promtool and prometheus on the PATH). Prints one JSON line: the window, the blocks and the seconds per phase.
 */
import { runCli } from '@hybridlens/cli';
import { buildComposeHistory } from './composeHistory';
import { COMPOSE_HISTORY_CLI } from './composeHistoryCli';

void runCli(COMPOSE_HISTORY_CLI, process.argv.slice(2), {
  async build({ values }, io) {
    const history = await buildComposeHistory({
      days: values.days,
      fullDays: values['full-days'],
      rulesDir: values.rules,
      out: values.out,
      stepSeconds: values.step / 1000,
      log: (message) => io.stderr(`${message}\n`),
    });
    io.stdout(`${JSON.stringify(history)}\n`);
    return 0;
  },
}).then((code) => {
  process.exitCode = code;
});
