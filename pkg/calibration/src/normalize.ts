import { readFileSync } from 'node:fs';
import { configurationOnly, mergeIbm, type IbmConfiguration } from './formats/ibm';
import { CalibrationInputError } from './errors';
import { parseDocument } from './detect';
import type { BackendCalibration } from './model';

export interface NormalizeResult {
  backends: BackendCalibration[];
  errors: CalibrationInputError[];
}

/** Normalize documents already in memory (source = the name used in error messages). */
export function normalizeTexts(inputs: Array<{ source: string; text: string }>): NormalizeResult {
  const backends: BackendCalibration[] = [];
  const configurations: Array<{ conf: IbmConfiguration; source: string }> = [];
  const errors: CalibrationInputError[] = [];
  for (const { source, text } of inputs) {
    try {
      const parsed = parseDocument(text, source);
      if (parsed.kind === 'backends') {
        backends.push(...parsed.backends);
      } else {
        configurations.push({ conf: parsed.configuration, source });
      }
    } catch (e) {
      errors.push(
        e instanceof CalibrationInputError ? e : new CalibrationInputError(source, '(document)', (e as Error).message)
      );
    }
  }
  // A BackendConfiguration enriches the properties of the same backend (coupling map, basis gates, family).
  for (const { conf, source } of configurations) {
    const matching = backends.filter((b) => b.provider === 'ibm' && b.backend === conf.backend);
    if (matching.length === 0) {
      backends.push(configurationOnly(conf, `${conf.backend}@configuration`, source));
    }
    for (const b of matching) {
      backends.splice(backends.indexOf(b), 1, mergeIbm(b, conf));
    }
  }
  return { backends, errors };
}

/** Read and normalize files; unreadable or malformed files become errors, the others still normalize. */
export function normalizeFiles(files: string[]): NormalizeResult {
  const inputs: Array<{ source: string; text: string }> = [];
  const errors: CalibrationInputError[] = [];
  for (const file of files) {
    try {
      inputs.push({ source: file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      errors.push(new CalibrationInputError(file, '(file)', (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
  }
  const result = normalizeTexts(inputs);
  return { backends: result.backends, errors: [...errors, ...result.errors] };
}
