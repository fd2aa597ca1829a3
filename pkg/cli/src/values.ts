import { formatDuration, parseDuration, parseDurationOrThrow } from '@hybridlens/conventions';
import { CliUsageError } from './errors';
import type { FlagSpec } from './spec';

const EARLIEST_TIME = Date.UTC(2000, 0, 1);
const LATEST_TIME = Date.UTC(2100, 0, 1);

function parseNumber(flag: string, text: string, integer: boolean): number {
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal text only.
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text.trim())) {
    throw new CliUsageError(`${flag}: "${text}" is not a number`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new CliUsageError(`${flag}: "${text}" is not a finite number`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new CliUsageError(`${flag}: "${text}" is not a whole number`);
  }
  return value;
}

function checkRange(flag: string, value: number, min: number, max: number): number {
  if (value < min || value > max) {
    throw new CliUsageError(`${flag}: ${value} is out of range (${min} to ${max})`);
  }
  return value;
}

/** The typed value of one flag from its text, or a CliUsageError that names the flag and says what is accepted. */
export function convertFlagValue(name: string, spec: FlagSpec, text: string): string | number {
  const flag = `--${name}`;
  switch (spec.type) {
    case 'string':
      if (spec.choices && !spec.choices.includes(text)) {
        throw new CliUsageError(`${flag}: "${text}" is not one of ${spec.choices.join(', ')}`);
      }
      return text;
    case 'integer':
    case 'number':
      return checkRange(flag, parseNumber(flag, text, spec.type === 'integer'), spec.min, spec.max);
    case 'port':
      return checkRange(flag, parseNumber(flag, text, true), 0, 65535);
    case 'duration':
      try {
        return parseDurationOrThrow(text, flag, { minMs: spec.minMs, maxMs: spec.maxMs });
      } catch (error) {
        // A value that is no duration at all (`--step 0`) still learns the accepted range.
        const message = (error as Error).message;
        throw new CliUsageError(
          parseDuration(text) === undefined ? `${message}; accepted: ${describeAccepted(spec)}` : message
        );
      }
    case 'url': {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new CliUsageError(`${flag}: "${text}" is not an absolute URL (e.g. http://localhost:3000)`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new CliUsageError(`${flag}: "${text}" must be an http:// or https:// URL`);
      }
      if (url.username || url.password) {
        throw new CliUsageError(
          `${flag}: credentials in the URL are not accepted (they would end up in generated files)`
        );
      }
      // The parser percent-encodes what needs it; links built on it stay valid wherever they are written.
      return url.href.replace(/\/+$/, '');
    }
    case 'time': {
      if (/^\d+$/.test(text.trim())) {
        throw new CliUsageError(
          `${flag}: "${text}" looks like an epoch number; give an RFC 3339 time such as 2026-11-26T00:00:00Z`
        );
      }
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) {
        throw new CliUsageError(`${flag}: "${text}" is not a time (use RFC 3339, e.g. 2026-11-26T00:00:00Z)`);
      }
      if (ms < EARLIEST_TIME || ms > LATEST_TIME) {
        throw new CliUsageError(`${flag}: ${text} is outside 2000-01-01 to 2100-01-01`);
      }
      return ms;
    }
    case 'boolean':
      throw new CliUsageError(`${flag} takes no value`);
  }
}

/** How a flag's accepted values read in `--help`. */
export function describeAccepted(spec: FlagSpec): string {
  switch (spec.type) {
    case 'string':
      return spec.choices ? `one of ${spec.choices.join(', ')}` : '';
    case 'integer':
    case 'number':
      return `${spec.min} to ${spec.max}`;
    case 'port':
      return '0 to 65535';
    case 'duration':
      return `${formatDuration(spec.minMs)} to ${formatDuration(spec.maxMs)}`;
    case 'url':
      return 'http(s) URL';
    case 'time':
      return 'RFC 3339 time';
    case 'boolean':
      return '';
  }
}

export function defaultPlaceholder(spec: FlagSpec): string {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return 'N';
    case 'port':
      return 'PORT';
    case 'duration':
      return 'DURATION';
    case 'url':
      return 'URL';
    case 'time':
      return 'TIME';
    default:
      return 'VALUE';
  }
}
