import { describeSystemError } from '@hybridlens/cli';

/**
 * Bad input the user can fix (a spec with a typo, an output directory that is a file, a rule file that does
 * not check): the CLI prints its message as one line, without a stack trace, and exits 1.
 */
export class SloInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SloInputError';
  }
}

export function isSloInputError(error: unknown): error is SloInputError {
  return error instanceof SloInputError;
}

/**
 * A file-system error the user caused (missing file, not a directory, permission denied, read-only) as an
 * SloInputError with @hybridlens/cli's wording; undefined for anything else. Checked by shape, not with
 * `instanceof Error`: node's own errors fail that check inside jest's module sandbox, where the CLI also runs.
 */
export function fileSystemInputError(error: unknown): SloInputError | undefined {
  const e = error as Partial<NodeJS.ErrnoException> | null;
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string') {
    return undefined;
  }
  const described = describeSystemError(Object.assign(new Error(String(e.message)), { code: e.code, path: e.path }));
  return described ? new SloInputError(described) : undefined;
}
