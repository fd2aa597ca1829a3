import type { Attributes } from '../model';

/** Typed reads of attribute values; a value of the wrong type reads as absent. */

export function str(a: Attributes, key: string): string | undefined {
  const v = a[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(a: Attributes, key: string): number | undefined {
  const v = a[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function int(a: Attributes, key: string): number | undefined {
  const v = num(a, key);
  return v !== undefined && Number.isInteger(v) ? v : undefined;
}

export function bool(a: Attributes, key: string): boolean | undefined {
  const v = a[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function strList(a: Attributes, key: string): string[] | undefined {
  const v = a[key];
  if (Array.isArray(v)) {
    return v.filter((x): x is string => typeof x === 'string');
  }
  return typeof v === 'string' ? [v] : undefined;
}

export function intList(a: Attributes, key: string): number[] | undefined {
  const v = a[key];
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isInteger(x)) : undefined;
}

/** Drops keys whose value is undefined, so JSON and equality checks see only what the trace said. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
