import { BraketClient, GetDeviceCommand } from '@aws-sdk/client-braket';
import { CalibrationInputError } from '../errors';
import { parseBraketGetDevice } from '../formats/braket';
import type { BackendCalibration } from '../model';
import { contentVersion } from '../summary';
import type { BraketLiveOptions } from './braketOptions';

/** Amazon Braket GetDevice for each configured device ARN, through @aws-sdk/client-braket. */
export async function fetchBraket(
  options: BraketLiveOptions,
  client?: BraketClient
): Promise<{ backends: BackendCalibration[]; errors: CalibrationInputError[] }> {
  const braket =
    client ?? new BraketClient({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
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
        errors.push(
          e instanceof CalibrationInputError
            ? e
            : new CalibrationInputError(source, 'GetDevice', (e as Error).name + ': ' + (e as Error).message)
        );
      }
    }
  } finally {
    if (!client) {
      braket.destroy();
    }
  }
  return { backends, errors };
}
