import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { SloInputError } from '../errors';

export type AlertmanagerCheck = 'amtool' | 'skipped';

/** `amtool check-config` on a staged configuration; throws an SloInputError with its complaint. */
export function checkAlertmanagerConfig(path: string): AlertmanagerCheck {
  const run = spawnSync('amtool', ['check-config', path], { encoding: 'utf8' });
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 'skipped';
    }
    throw run.error;
  }
  if (run.status !== 0) {
    const complaint = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /FAILED|error/i.test(l));
    throw new SloInputError(
      `${basename(path)}: amtool check-config: ${complaint ?? 'rejected'}; nothing was written`.replaceAll(
        path,
        basename(path)
      )
    );
  }
  return 'amtool';
}
