import { CALIBRATION_INGEST_REASON, type CalibrationIngestReason } from '@hybridlens/conventions';

/** A calibration source that cannot be used: names the source and the offending field, and says why (bounded). */
export class CalibrationInputError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string,
    readonly reason: CalibrationIngestReason = CALIBRATION_INGEST_REASON.invalidField,
    /** Milliseconds the provider asked us to wait (HTTP Retry-After), for rate-limited live sources. */
    readonly retryAfterMs?: number,
    /**
     * A live request that may succeed later (network error, HTTP 5xx, 429): polling backs off. A 4xx such as an
     * unknown backend is a configuration problem that waiting does not fix: counted, without slowing the others.
     */
    readonly transient = false
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'CalibrationInputError';
  }
}
