import { readFileSync, statSync } from 'node:fs';
import { fileSystemInputError } from '../errors';
import { type OpenSloInput } from '../openslo';

/** A spec file holds a few SLOs; anything this large is a wrong file, not a spec. */
export const MAX_SPEC_FILE_BYTES = 4 * 1024 * 1024;

export interface SpecFiles {
  inputs: OpenSloInput[];
  /** One line per file that could not be read, naming the file. */
  errors: string[];
}

/** Reads every `--specs` file, collecting every problem instead of stopping at the first. */
export function readSpecFiles(paths: readonly string[]): SpecFiles {
  const inputs: OpenSloInput[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) {
        errors.push(`--specs ${path}: is a directory, expected an OpenSLO YAML file`);
        continue;
      }
      if (stat.size > MAX_SPEC_FILE_BYTES) {
        errors.push(
          `--specs ${path}: ${(stat.size / 1024 / 1024).toFixed(1)} MB is over the ${MAX_SPEC_FILE_BYTES / 1024 / 1024} MB limit of a spec file`
        );
        continue;
      }
      inputs.push({ name: path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      const fileError = fileSystemInputError(error);
      if (!fileError) {
        throw error;
      }
      errors.push(`--specs ${fileError.message}`);
    }
  }
  return { inputs, errors };
}
