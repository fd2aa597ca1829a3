/**
 * An expected failure caused by the user's input (a bad scenario file, an unreadable token file, an output
 * directory that would be overwritten): the CLI prints its message as one line, without a stack trace.
 */
export class SimulatorUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorUserError';
  }
}

export function isSimulatorUserError(error: unknown): error is SimulatorUserError {
  return error instanceof SimulatorUserError;
}
