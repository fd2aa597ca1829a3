import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { CalibrationInputError } from './errors';
import { isAzureProviderStatus, parseAzureProviderStatus } from './formats/azure';
import {
  isBraketCapabilities,
  isBraketGetDevice,
  parseBraketCapabilities,
  parseBraketGetDevice,
} from './formats/braket';
import { isCirqCalibration, parseCirqCalibration } from './formats/google';
import {
  isIbmConfiguration,
  isIbmProperties,
  parseIbmConfiguration,
  parseIbmProperties,
  type IbmConfiguration,
} from './formats/ibm';
import { isIqmQualityMetrics, parseIqmQualityMetrics } from './formats/iqm';
import { isObject, type Json } from './json';
import type { BackendCalibration } from './model';
import { nameHintFromFile } from './names';
import { contentVersion } from './summary';

export type ParsedDocument =
  { kind: 'backends'; backends: BackendCalibration[] } | { kind: 'ibm-configuration'; configuration: IbmConfiguration };

const KNOWN =
  'IBM BackendProperties/BackendConfiguration, Braket device capabilities or GetDevice response, Cirq calibration, IQM quality-metric set, Azure Quantum providerStatus';

/** Parse one calibration document, recognising its format by shape (never by file name). */
export function parseDocument(text: string, source: string): ParsedDocument {
  let doc: Json;
  try {
    // A UTF-8 byte-order mark (Windows editors, some exports) is not part of the JSON.
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch (e) {
    throw new CalibrationInputError(
      source,
      '(document)',
      `not valid JSON: ${(e as Error).message}`,
      CALIBRATION_INGEST_REASON.invalidJson
    );
  }
  if (!isObject(doc)) {
    throw new CalibrationInputError(
      source,
      '(document)',
      `expected a JSON object at the top level (${KNOWN})`,
      CALIBRATION_INGEST_REASON.unknownFormat
    );
  }
  const version = contentVersion(text);
  const hint = nameHintFromFile(source);
  if (isIbmProperties(doc)) {
    return { kind: 'backends', backends: [parseIbmProperties(doc, source)] };
  }
  if (isIbmConfiguration(doc)) {
    return { kind: 'ibm-configuration', configuration: parseIbmConfiguration(doc, source) };
  }
  if (isBraketGetDevice(doc)) {
    return { kind: 'backends', backends: [parseBraketGetDevice(doc, source, version)] };
  }
  if (isBraketCapabilities(doc)) {
    return { kind: 'backends', backends: [parseBraketCapabilities(doc, source, { nameHint: hint }, version)] };
  }
  if (isCirqCalibration(doc)) {
    return { kind: 'backends', backends: [parseCirqCalibration(doc, source, hint, version)] };
  }
  if (isIqmQualityMetrics(doc)) {
    return { kind: 'backends', backends: [parseIqmQualityMetrics(doc, source, hint, version)] };
  }
  if (isAzureProviderStatus(doc)) {
    return { kind: 'backends', backends: parseAzureProviderStatus(doc, source, version) };
  }
  const field = nearestField(doc);
  throw new CalibrationInputError(
    source,
    field,
    `unknown calibration format (expected one of: ${KNOWN})`,
    CALIBRATION_INGEST_REASON.unknownFormat
  );
}

/** For an unrecognised document, name the field that came closest to a known shape. */
function nearestField(doc: Record<string, Json>): string {
  if ('backend_name' in doc) {
    return Array.isArray(doc.qubits) ? 'gates' : 'qubits';
  }
  if ('braketSchemaHeader' in doc) {
    return 'braketSchemaHeader.name';
  }
  if ('cirq_type' in doc) {
    return 'metrics';
  }
  if ('quality_metric_set_id' in doc || 'calibration_set_id' in doc) {
    return 'metrics';
  }
  if ('value' in doc) {
    return 'value[].targets';
  }
  return '(top-level keys: ' + Object.keys(doc).slice(0, 6).join(', ') + ')';
}
