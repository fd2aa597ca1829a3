import { basename, dirname } from 'node:path';
import { type CliIo } from '@hybridlens/cli';
import { type AlertmanagerCheck, checkAlertmanagerConfig } from '../alertmanager/checkConfig';
import { alertmanagerConfig } from '../alertmanager/config';
import { writeGeneratedFiles } from '../output/stagedWrite';

export interface AlertmanagerFlags {
  out: string;
  'webhook-url': string;
  'webhook-token-file'?: string;
}

/** `hybridlens-slo alertmanager`: the routing configuration, checked by amtool before it replaces the old one. */
export function runAlertmanager(flags: AlertmanagerFlags, io: CliIo): number {
  const content = alertmanagerConfig({ webhookRoot: flags['webhook-url'], tokenFile: flags['webhook-token-file'] });
  const checked: { by: AlertmanagerCheck } = { by: 'skipped' };
  const report = writeGeneratedFiles(dirname(flags.out), [{ fileName: basename(flags.out), content }], {
    prune: false,
    isEarlierOutput: () => false,
    validate: ([path]) => {
      checked.by = checkAlertmanagerConfig(path!);
    },
  });
  const say = (line: string) => io.stdout(`${line}\n`);
  report.written.forEach((p) => say(`wrote ${p}`));
  report.unchanged.forEach((p) => say(`${p} is already up to date`));
  say(checked.by === 'amtool' ? 'checked with amtool check-config' : 'amtool not on the PATH: not checked');
  return 0;
}
