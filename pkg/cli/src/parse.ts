import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './errors';
import { formatCommandHelp, formatToolHelp } from './help';
import type { CliSpec, CommandSpec, FlagSpec, FlagValues } from './spec';
import { convertFlagValue } from './values';

export type ParsedCommandLine<Spec extends CliSpec> =
  | { kind: 'help'; text: string }
  | {
      [C in keyof Spec['commands'] & string]: {
        kind: 'run';
        command: C;
        values: FlagValues<NonNullable<Spec['commands'][C]['flags']>>;
        positionals: string[];
      };
    }[keyof Spec['commands'] & string];

const HELP_WORDS = new Set(['--help', '-h', 'help']);

function parseOptions(spec: CommandSpec): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, flag] of Object.entries(spec.flags ?? {})) {
    options[name] = {
      type: flag.type === 'boolean' ? 'boolean' : 'string',
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.type === 'string' && flag.multiple ? { multiple: true } : {}),
    };
  }
  return options;
}

/** node's parseArgs messages, as one line that names the flag (its hints about `--` are dropped). */
function nodeParseMessage(message: string): string {
  const missing = /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) {
    return `${missing[1]} needs a value`;
  }
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    return `${ambiguous[1]}: write a value that starts with "-" as ${ambiguous[1]}=VALUE`;
  }
  return message.split('\n')[0]!.split('. ')[0]!;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  return candidates.find((c) => c.startsWith(word.slice(0, 3)) || word.startsWith(c.slice(0, 3)));
}

function convert(name: string, flag: FlagSpec, raw: unknown): unknown {
  if (flag.type === 'boolean') {
    return raw === true;
  }
  if (Array.isArray(raw)) {
    return raw.map((text: string) => convertFlagValue(name, flag, text));
  }
  return convertFlagValue(name, flag, raw as string);
}

/**
 * Parses `argv` (without node and the script) against the spec. `--help` anywhere gives the help text;
 * anything the command cannot run with throws a CliUsageError naming the flag or argument.
 */
export function parseCommandLine<Spec extends CliSpec>(cli: Spec, argv: readonly string[]): ParsedCommandLine<Spec> {
  const [command, ...rest] = argv;
  const commandNames = Object.keys(cli.commands);
  if (command === undefined || HELP_WORDS.has(command)) {
    return { kind: 'help', text: formatToolHelp(cli) };
  }
  const spec = cli.commands[command];
  if (!spec) {
    const hint = closest(command, commandNames);
    throw new CliUsageError(
      `unknown command "${command}"${hint ? ` (did you mean "${hint}"?)` : ''}; commands: ${commandNames.join(', ')}`
    );
  }
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    return { kind: 'help', text: formatCommandHelp(cli, command) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: parseOptions(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(nodeParseMessage((error as Error).message), command);
  }
  const values: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec.flags ?? {})) {
    const raw = parsed.values[name];
    if (raw === undefined) {
      if (flag.required) {
        throw new CliUsageError(`--${name} is required (${flag.description})`, command);
      }
      if (flag.type === 'boolean') {
        values[name] = false;
      } else if (flag.type === 'string' && flag.multiple) {
        values[name] = [];
      } else if ('default' in flag && flag.default !== undefined) {
        values[name] = typeof flag.default === 'string' ? convert(name, flag, flag.default) : flag.default;
      }
      continue;
    }
    try {
      values[name] = convert(name, flag, raw);
    } catch (error) {
      if (error instanceof CliUsageError) {
        throw new CliUsageError(error.message, command);
      }
      throw error;
    }
  }
  const positionals = parsed.positionals;
  const p = spec.positionals;
  if (!p && positionals.length > 0) {
    throw new CliUsageError(`unexpected argument "${positionals[0]}"`, command);
  }
  if (p && positionals.length < (p.min ?? 0)) {
    throw new CliUsageError(`needs at least ${p.min} ${p.name} argument${p.min === 1 ? '' : 's'}`, command);
  }
  if (p?.max !== undefined && positionals.length > p.max) {
    throw new CliUsageError(`takes at most ${p.max} ${p.name} argument${p.max === 1 ? '' : 's'}`, command);
  }
  return { kind: 'run', command, values, positionals } as ParsedCommandLine<Spec>;
}
