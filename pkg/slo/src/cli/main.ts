import { type CliIo, PROCESS_IO, runCli } from '@hybridlens/cli';
import { fileSystemInputError, isSloInputError } from '../errors';
import { runAlertmanager } from './alertmanagerCommand';
import { runGenerate } from './generateCommand';
import { SLO_CLI } from './spec';

function userFacing(run: () => number): number {
  try {
    return run();
  } catch (error) {
    throw fileSystemInputError(error) ?? error;
  }
}

/** Runs one hybridlens-slo command line; resolves to the exit code. */
export function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return runCli(
    SLO_CLI,
    argv,
    {
      generate: ({ values }, out) => userFacing(() => runGenerate(values, out, `${SLO_CLI.name} generate`)),
      alertmanager: ({ values }, out) => userFacing(() => runAlertmanager(values, out)),
    },
    { io, isUserError: isSloInputError }
  );
}
