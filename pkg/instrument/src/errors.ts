/** A wrong argument to the SDK: names the call and the field. */
export class InstrumentInputError extends TypeError {
  constructor(call: string, field: string, problem: string) {
    super(`@hybridlens/instrument ${call}: ${field} ${problem}`);
    this.name = 'InstrumentInputError';
  }
}

export function requireString(call: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstrumentInputError(call, field, `must be a non-empty string (got ${describe(value)})`);
  }
  return value;
}

export function requireNumber(call: string, field: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = min === -Infinity && max === Infinity ? 'a finite number' : `a number in [${min}, ${max}]`;
    throw new InstrumentInputError(call, field, `must be ${range} (got ${describe(value)})`);
  }
  return value;
}

export function requireBoolean(call: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InstrumentInputError(call, field, `must be true or false (got ${describe(value)})`);
  }
  return value;
}

export function optionalNumber(
  call: string,
  field: string,
  value: unknown,
  min = -Infinity,
  max = Infinity
): number | undefined {
  return value === undefined ? undefined : requireNumber(call, field, value, min, max);
}

/** The value sets of the contract's enums, built once per enum object (constants, never changed at run time). */
const ALLOWED_VALUES = new WeakMap<object, ReadonlySet<string>>();

function valuesOf(allowed: Readonly<Record<string, string>>): ReadonlySet<string> {
  let values = ALLOWED_VALUES.get(allowed);
  if (!values) {
    values = new Set(Object.values(allowed));
    ALLOWED_VALUES.set(allowed, values);
  }
  return values;
}

export function requireOneOf<T extends string>(
  call: string,
  field: string,
  value: unknown,
  allowed: Readonly<Record<string, T>>
): T {
  if (typeof value !== 'string' || !valuesOf(allowed).has(value)) {
    throw new InstrumentInputError(
      call,
      field,
      `must be one of ${Object.values(allowed).join(', ')} (got ${describe(value)})`
    );
  }
  return value as T;
}

/** An http(s) URL (an OTLP endpoint), or undefined. */
export function optionalHttpUrl(call: string, field: string, value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  let protocol: string | undefined;
  try {
    protocol = typeof value === 'string' ? new URL(value).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InstrumentInputError(call, field, `must be an http:// or https:// URL (got ${describe(value)})`);
  }
  return value as string;
}

/** The largest time a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

/** Explicit epoch-ms time, or the clock's now. */
export function timeOr(call: string, field: string, value: unknown, now: () => number): number {
  return value === undefined ? now() : requireNumber(call, field, value, 0, MAX_EPOCH_MS);
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  return value === undefined ? 'undefined' : typeof value === 'number' ? String(value) : typeof value;
}
