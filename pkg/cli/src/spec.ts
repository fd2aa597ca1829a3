/** How a command line is described: one spec per CLI, one entry per subcommand, one entry per flag. */

interface FlagBase {
  /** One line for `--help`. */
  description: string;
  /** Name of the value in `--help` (`--out DIR`); default from the type. */
  placeholder?: string;
  /** A one-letter alias (`-o`). */
  short?: string;
  /** The command refuses to run without it. */
  required?: boolean;
}

export interface StringFlag extends FlagBase {
  type: 'string';
  default?: string;
  /** Accepted values (checked, listed in help). */
  choices?: readonly string[];
  /** May be given several times; the values come as an array. */
  multiple?: boolean;
}

export interface BooleanFlag extends FlagBase {
  type: 'boolean';
}

export interface NumberFlag extends FlagBase {
  /** `integer` refuses fractions (and `1e3` style text that is not a whole number). */
  type: 'integer' | 'number';
  default?: number;
  /** Inclusive bounds; every numeric flag has them, so no flag can run a process out of memory or forever. */
  min: number;
  max: number;
}

export interface PortFlag extends FlagBase {
  /** 0..65535 (0 = any free port). */
  type: 'port';
  default?: number;
}

export interface DurationFlag extends FlagBase {
  /** A Prometheus-style duration (`90s`, `1h30m`); the value is in milliseconds. */
  type: 'duration';
  default?: string;
  minMs: number;
  maxMs: number;
}

export interface UrlFlag extends FlagBase {
  /** An absolute http(s) URL; the value is normalised by the URL parser (encoded, no trailing slash). */
  type: 'url';
  default?: string;
}

export interface TimeFlag extends FlagBase {
  /** An RFC 3339 time (`2026-11-26T00:00:00Z`) or a date (`2026-11-26`, UTC midnight); the value is epoch ms. */
  type: 'time';
}

export type FlagSpec = StringFlag | BooleanFlag | NumberFlag | PortFlag | DurationFlag | UrlFlag | TimeFlag;

export interface PositionalSpec {
  /** Name in `--help` (`FILE`). */
  name: string;
  description: string;
  /** Fewest positionals accepted (default 0). */
  min?: number;
  /** Most positionals accepted (default: unlimited). */
  max?: number;
}

export interface CommandSpec {
  summary: string;
  flags?: Readonly<Record<string, FlagSpec>>;
  positionals?: PositionalSpec;
  /** Extra paragraphs for `--help` (examples, notes). */
  details?: string;
}

export interface CliSpec {
  /** The executable's name, e.g. `hybridlens-sim`. */
  name: string;
  summary: string;
  commands: Readonly<Record<string, CommandSpec>>;
}

type FlagValue<F extends FlagSpec> = F extends BooleanFlag
  ? boolean
  : F extends StringFlag
    ? F['multiple'] extends true
      ? string[]
      : string
    : F extends UrlFlag
      ? string
      : number;

type HasDefault<F extends FlagSpec> = F extends BooleanFlag
  ? true
  : F extends { required: true }
    ? true
    : F extends { multiple: true }
      ? true
      : F extends { default: string | number }
        ? true
        : false;

/** The parsed values of a command's flags, typed from its spec. */
export type FlagValues<Flags extends Readonly<Record<string, FlagSpec>>> = {
  -readonly [K in keyof Flags as HasDefault<Flags[K]> extends true ? K : never]: FlagValue<Flags[K]>;
} & {
  -readonly [K in keyof Flags as HasDefault<Flags[K]> extends true ? never : K]?: FlagValue<Flags[K]>;
};
