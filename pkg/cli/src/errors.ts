/** A command line the tool cannot run: printed as one line naming the flag, exit code 2, never a stack trace. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly command?: string
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * An expected failure while running (a missing file, a port in use, a bad spec): printed as one line, exit
 * code 1, never a stack trace. Tools throw it themselves or mark their own error classes with `isUserError`.
 */
export class CliUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUserError';
  }
}

/** Node's file and network errors that a user causes and can fix, with the message that says how. */
export function describeSystemError(error: unknown): string | undefined {
  // By shape, not instanceof: errors from node's fs and net come from another realm under jest and vm.
  if (typeof error !== 'object' || error === null || typeof (error as { code?: unknown }).code !== 'string') {
    return undefined;
  }
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = e.path ?? (e.port !== undefined ? `${e.address ?? ''}:${e.port}` : '');
  switch (e.code) {
    case 'ENOENT':
      return `${where}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${where}: permission denied`;
    case 'EROFS':
      return `${where}: read-only file system`;
    case 'ENOTDIR':
      return `${where}: a part of the path is not a directory`;
    case 'EISDIR':
      return `${where}: is a directory, expected a file`;
    case 'ENOSPC':
      return `${where}: no space left on the device`;
    case 'EADDRINUSE':
      return `${where}: address already in use (choose another --port or stop the process using it)`;
    case 'EADDRNOTAVAIL':
      return `${where}: address not available on this machine (check --host)`;
    default:
      return undefined;
  }
}
