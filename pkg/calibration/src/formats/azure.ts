import { canonicalBackendId } from '@hybridlens/conventions';
import type { BackendCalibration } from '../model';
import { isObject, Reader, type JsonObject } from '../json';
import { summarize } from '../summary';

/**
 * Azure Quantum workspace providerStatus (GET .../workspaces/{ws}/providerStatus):
 * `{value: [{id, currentAvailability, targets: [{id, currentAvailability, averageQueueTime, statusPage}]}], nextLink}`.
 * averageQueueTime is in seconds. Every target becomes one backend with availability and no calibration.
 */
export function isAzureProviderStatus(doc: JsonObject): boolean {
  return (
    Array.isArray(doc.value) && doc.value.length > 0 && doc.value.every((p) => isObject(p) && Array.isArray(p.targets))
  );
}

const AVAILABLE = 'available';

export function parseAzureProviderStatus(doc: JsonObject, source: string, version: string): BackendCalibration[] {
  const r = new Reader(source);
  const out: BackendCalibration[] = [];
  r.array(doc.value, 'value').forEach((p, i) => {
    const po = r.object(p, `value[${i}]`);
    const vendor = r.string(po.id, `value[${i}].id`);
    r.array(po.targets, `value[${i}].targets`).forEach((t, j) => {
      const f = `value[${i}].targets[${j}]`;
      const to = r.object(t, f);
      const status = r.string(to.currentAvailability, `${f}.currentAvailability`);
      const queue = r.optionalNumber(to.averageQueueTime, `${f}.averageQueueTime`);
      out.push({
        provider: 'azure',
        backend: canonicalBackendId(r.string(to.id, `${f}.id`)),
        calibratedAt: null,
        calibrationVersion: version,
        processorFamily: null,
        vendor,
        format: 'azure.provider_status',
        source,
        qubits: [],
        gates: [],
        summary: summarize([], []),
        availability: { status, available: status.toLowerCase() === AVAILABLE, averageQueueSeconds: queue },
        configuration: null,
      });
    });
  });
  return out;
}
