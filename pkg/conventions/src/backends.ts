/**
 * Canonical quantum backend ids. Every emitter (the SDK, the simulator, the calibration exporter) labels a
 * backend with the provider's own device id, exactly as the provider's API spells it, so that job metrics,
 * spans and calibration series join on `provider` + `backend`:
 *
 * - IBM: the backend name (`ibm_sherbrooke`);
 * - Amazon Braket: the last segment of the device ARN (`arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet` → `Garnet`);
 * - Azure Quantum: the target id (`ionq.qpu.aria-1`);
 * - Google Quantum AI: the processor id (`rainbow`);
 * - local simulators: the simulator's name (`aer_simulator`).
 *
 * Case is never changed: `Garnet` and `garnet` are different ids, and lower-casing one emitter breaks every join.
 */
const BRAKET_DEVICE_ARN = /^arn:aws:braket:[^:]*:[^:]*:device\/.+\/([^/]+)$/;
const GOOGLE_PROCESSOR_NAME = /^projects\/[^/]+\/processors\/([^/]+)$/;

/** The canonical `backend` label value for a device id, ARN or resource name a provider returns. */
export function canonicalBackendId(deviceId: string): string {
  const trimmed = deviceId.trim();
  const arn = BRAKET_DEVICE_ARN.exec(trimmed);
  if (arn) {
    return arn[1]!;
  }
  const google = GOOGLE_PROCESSOR_NAME.exec(trimmed);
  return google ? google[1]! : trimmed;
}
