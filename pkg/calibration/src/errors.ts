import { CALIBRATION_INGEST_REASON, type CalibrationIngestReason } from '@hybridlens/conventions';

/** A calibration source that cannot be used: names the source and the offending field, and says why (bounded). */
export class CalibrationInputError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string,
    readonly reason: CalibrationIngestReason = CALIBRATION_INGEST_REASON.invalidField,
    /** Milliseconds the provider asked us to wait (HTTP Retry-After), for rate-limited live sources. */
    readonly retryAfterMs?: number
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'CalibrationInputError';
  }
}
