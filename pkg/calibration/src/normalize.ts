import { configurationOnly, mergeIbm, type IbmConfiguration } from './formats/ibm';
import { CalibrationInputError } from './errors';
import { parseDocument } from './detect';
import { readSnapshotFile } from './files';
import type { BackendCalibration, ValueIssue } from './model';
import { validateBackend } from './validate';

export interface NormalizeResult {
  backends: BackendCalibration[];
  /** Sources that could not be used at all. */
  errors: CalibrationInputError[];
  /** Values dropped and duplicates resolved in the sources that were used (one per value). */
  warnings: Array<ValueIssue & { source: string; provider: string; backend: string }>;
}

/** Normalize documents already in memory (source = the name used in error messages). */
export function normalizeTexts(inputs: Array<{ source: string; text: string }>): NormalizeResult {
  const parsed: BackendCalibration[] = [];
  const configurations: Array<{ conf: IbmConfiguration; source: string }> = [];
  const errors: CalibrationInputError[] = [];
  for (const { source, text } of inputs) {
    try {
      const doc = parseDocument(text, source);
      if (doc.kind === 'backends') {
        parsed.push(...doc.backends);
      } else {
        configurations.push({ conf: doc.configuration, source });
      }
    } catch (e) {
      errors.push(
        e instanceof CalibrationInputError ? e : new CalibrationInputError(source, '(document)', (e as Error).message)
      );
    }
  }
  // A BackendConfiguration enriches the properties of the same backend (coupling map, basis gates, family).
  for (const { conf, source } of configurations) {
    const matching = parsed.filter((b) => b.provider === 'ibm' && b.backend === conf.backend);
    if (matching.length === 0) {
      parsed.push(configurationOnly(conf, `${conf.backend}@configuration`, source));
    }
    for (const b of matching) {
      parsed.splice(parsed.indexOf(b), 1, mergeIbm(b, conf));
    }
  }
  const backends = parsed.map(validateBackend);
  const warnings = backends.flatMap((b) =>
    (b.issues ?? []).map((issue) => ({ ...issue, source: b.source, provider: b.provider, backend: b.backend }))
  );
  return { backends, errors, warnings };
}

/** Read and normalize files; unreadable or malformed files become errors, the others still normalize. */
export function normalizeFiles(files: string[]): NormalizeResult {
  const inputs: Array<{ source: string; text: string }> = [];
  const errors: CalibrationInputError[] = [];
  for (const file of files) {
    try {
      inputs.push({ source: file, text: readSnapshotFile(file, file) });
    } catch (e) {
      errors.push(e as CalibrationInputError);
    }
  }
  const result = normalizeTexts(inputs);
  return { ...result, errors: [...errors, ...result.errors] };
}
