import type { CliSpec, CommandSpec, FlagSpec } from './spec';
import { defaultPlaceholder, describeAccepted } from './values';

function flagLabel(name: string, spec: FlagSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  const value = spec.type === 'boolean' ? '' : ` ${spec.placeholder ?? defaultPlaceholder(spec)}`;
  return `${short}--${name}${value}`;
}

function flagNote(spec: FlagSpec): string {
  const notes: string[] = [];
  const accepted = describeAccepted(spec);
  if (accepted) {
    notes.push(accepted);
  }
  if ('default' in spec && spec.default !== undefined) {
    notes.push(`default ${spec.default}`);
  }
  if (spec.required) {
    notes.push('required');
  }
  if (spec.type === 'string' && spec.multiple) {
    notes.push('repeatable');
  }
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function columns(rows: ReadonlyArray<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function usageLine(cli: CliSpec, command: string, spec: CommandSpec): string {
  const required = Object.entries(spec.flags ?? {})
    .filter(([, f]) => f.required)
    .map(([name, f]) => `--${name} ${f.placeholder ?? defaultPlaceholder(f)}`);
  const positional = spec.positionals
    ? (spec.positionals.min ?? 0) > 0
      ? ` ${spec.positionals.name}...`
      : ` [${spec.positionals.name}...]`
    : '';
  return `usage: ${cli.name} ${command}${required.map((r) => ` ${r}`).join('')} [options]${positional}`;
}

/** `--help` of the whole tool: its commands. */
export function formatToolHelp(cli: CliSpec): string {
  return [
    `usage: ${cli.name} <command> [options]`,
    '',
    cli.summary,
    '',
    'commands:',
    ...columns(Object.entries(cli.commands).map(([name, c]) => [name, c.summary])),
    '',
    `Run "${cli.name} <command> --help" for the options of a command.`,
    '',
  ].join('\n');
}

/** `--help` of one command: usage, summary, positionals, every flag with its accepted values and default. */
export function formatCommandHelp(cli: CliSpec, command: string): string {
  const spec = cli.commands[command]!;
  const rows: Array<[string, string]> = Object.entries(spec.flags ?? {}).map(([name, f]) => [
    flagLabel(name, f),
    `${f.description}${flagNote(f)}`,
  ]);
  rows.push(['-h, --help', 'show this help']);
  return [
    usageLine(cli, command, spec),
    '',
    spec.summary,
    '',
    ...(spec.positionals
      ? ['arguments:', ...columns([[spec.positionals.name, spec.positionals.description]]), '']
      : []),
    'options:',
    ...columns(rows),
    '',
    ...(spec.details ? [spec.details.trim(), ''] : []),
  ].join('\n');
}
