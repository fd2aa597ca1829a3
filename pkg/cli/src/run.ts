import { CliUsageError, CliUserError, describeSystemError } from './errors';
import { parseCommandLine, type ParsedCommandLine } from './parse';
import type { CliSpec } from './spec';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const PROCESS_IO: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export type CliHandlers<Spec extends CliSpec> = {
  [C in keyof Spec['commands'] & string]: (
    parsed: Extract<ParsedCommandLine<Spec>, { command: C }>,
    io: CliIo
  ) => number | Promise<number>;
};

export interface RunOptions {
  io?: CliIo;
  /** Error classes of the tool that are expected failures (printed as one line, exit 1). */
  isUserError?: (error: unknown) => boolean;
}

/**
 * Runs one command line: help goes to stdout (exit 0); a usage error is one line plus where to get help
 * (exit 2); an expected failure is one line (exit 1); anything else is a bug and keeps its stack (exit 70).
 */
export async function runCli<Spec extends CliSpec>(
  cli: Spec,
  argv: readonly string[],
  handlers: CliHandlers<Spec>,
  options: RunOptions = {}
): Promise<number> {
  const io = options.io ?? PROCESS_IO;
  let parsed: ParsedCommandLine<Spec>;
  try {
    parsed = parseCommandLine(cli, argv);
  } catch (error) {
    if (error instanceof CliUsageError) {
      const where = error.command ? `${cli.name} ${error.command}` : cli.name;
      io.stderr(`${where}: ${error.message}\nRun "${where} --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  const where = `${cli.name} ${parsed.command}`;
  try {
    const handler = handlers[parsed.command as keyof CliHandlers<Spec>] as (
      p: typeof parsed,
      io: CliIo
    ) => number | Promise<number>;
    return await handler(parsed, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${where}: ${error.message}\nRun "${where} --help" for usage.\n`);
      return 2;
    }
    const system = describeSystemError(error);
    if (error instanceof CliUserError || options.isUserError?.(error) || system) {
      io.stderr(`${where}: ${system ?? (error as Error).message}\n`);
      return 1;
    }
    io.stderr(`${where}: internal error (please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}
