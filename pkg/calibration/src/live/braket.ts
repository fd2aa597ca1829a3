import { BraketClient, GetDeviceCommand } from '@aws-sdk/client-braket';
import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { CalibrationInputError } from '../errors';
import { parseBraketGetDevice } from '../formats/braket';
import type { BackendCalibration } from '../model';
import { contentVersion } from '../summary';
import type { BraketLiveOptions } from './braketOptions';
import { parseRetryAfter } from './poller';

/** Amazon Braket GetDevice for each configured device ARN, through @aws-sdk/client-braket. */
export async function fetchBraket(
  options: BraketLiveOptions,
  client?: BraketClient
): Promise<{ backends: BackendCalibration[]; errors: CalibrationInputError[] }> {
  const braket =
    client ??
    new BraketClient({
      region: options.region,
      // One attempt per round: the exporter's own poller backs off (with jitter, honouring Retry-After).
      maxAttempts: 1,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
  const backends: BackendCalibration[] = [];
  const errors: CalibrationInputError[] = [];
  try {
    for (const arn of options.deviceArns) {
      const source = `braket:${arn}`;
      try {
        const out = await braket.send(new GetDeviceCommand({ deviceArn: arn }));
        // The SDK hands the capabilities back as a JSON string or a LazyJsonString wrapper: normalize to a string.
        const caps = out.deviceCapabilities as unknown;
        const capabilities =
          caps === undefined || caps === null
            ? null
            : typeof caps === 'object' && Object.getPrototypeOf(caps) === Object.prototype
              ? JSON.stringify(caps)
              : String(caps);
        const doc = {
          deviceArn: out.deviceArn ?? arn,
          deviceName: out.deviceName ?? null,
          providerName: out.providerName ?? null,
          deviceStatus: out.deviceStatus ?? null,
          deviceCapabilities: capabilities,
        };
        backends.push(parseBraketGetDevice(doc, source, contentVersion(capabilities ?? '')));
      } catch (e) {
        const error = e instanceof CalibrationInputError ? e : sdkError(source, e);
        errors.push(error);
        if (error.reason === CALIBRATION_INGEST_REASON.rateLimited) {
          break;
        }
      }
    }
  } finally {
    if (!client) {
      braket.destroy();
    }
  }
  return { backends, errors };
}

/** An SDK failure: throttling (HTTP 429 or a throttling error name) with the Retry-After the service sent. */
function sdkError(source: string, e: unknown): CalibrationInputError {
  const err = e as Error & {
    $metadata?: { httpStatusCode?: number };
    $response?: { headers?: Record<string, string> };
    $fault?: 'client' | 'server';
  };
  const status = err.$metadata?.httpStatusCode;
  const throttled = status === 429 || /Throttl|TooManyRequests/i.test(err.name);
  // Without a status the request never got an answer (network): worth retrying, like a server fault.
  const transient = throttled || status === undefined || status >= 500 || err.$fault === 'server';
  return new CalibrationInputError(
    source,
    'GetDevice',
    `${err.name}: ${err.message}`,
    throttled ? CALIBRATION_INGEST_REASON.rateLimited : CALIBRATION_INGEST_REASON.requestFailed,
    throttled ? parseRetryAfter(err.$response?.headers?.['retry-after']) : undefined,
    transient
  );
}
