/** A calibration source that cannot be read: names the source and the offending field. */
export class CalibrationInputError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'CalibrationInputError';
  }
}
