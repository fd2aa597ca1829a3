import { type CliIo } from '@hybridlens/cli';
import { defaultSpecs } from '../defaults';
import { generateRuleFiles } from '../generate';
import { parseOpenSlo } from '../openslo';
import { checkRuleFiles, type RuleCheck } from '../output/checkRuleFiles';
import { writeGeneratedFiles } from '../output/stagedWrite';
import { readSpecFiles } from './readSpecFiles';

export interface GenerateFlags {
  out: string;
  'grafana-url': string;
  specs: string[];
  'no-defaults': boolean;
  prune: boolean;
}

const RULE_FILE = /\.rules\.ya?ml$/;

/** `hybridlens-slo generate`: every spec is read and checked before anything in --out changes. */
export function runGenerate(flags: GenerateFlags, io: CliIo, tool: string): number {
  const say = (line: string) => io.stdout(`${line}\n`);
  const complain = (line: string) => io.stderr(`${tool}: ${line}\n`);

  const read = readSpecFiles(flags.specs);
  const parsed = parseOpenSlo(read.inputs);
  const problems = [...read.errors, ...parsed.errors];
  if (problems.length > 0) {
    problems.forEach((p) => complain(`error: ${p}`));
    complain(`nothing was written to ${flags.out} (${problems.length} error${problems.length === 1 ? '' : 's'})`);
    return 1;
  }
  const specs = [...(flags['no-defaults'] ? [] : defaultSpecs()), ...parsed.specs];
  const result = generateRuleFiles(specs, { grafanaUrl: flags['grafana-url'] });
  result.warnings.forEach((w) => complain(`warning: ${w}`));

  const checked: { by: RuleCheck } = { by: 'parsed' };
  const report = writeGeneratedFiles(flags.out, result.files, {
    prune: flags.prune,
    isEarlierOutput: (name) => RULE_FILE.test(name),
    validate: (paths) => {
      checked.by = checkRuleFiles(paths);
    },
  });
  if (report.createdDir) {
    say(`created ${report.dir}`);
  }
  report.written.forEach((p) => say(`wrote ${p}`));
  if (report.unchanged.length > 0) {
    say(
      `${report.unchanged.length} file${report.unchanged.length === 1 ? '' : 's'} already up to date in ${report.dir}`
    );
  }
  report.removed.forEach((p) => say(`removed ${p} (generated earlier, not generated now; --prune)`));
  report.kept.forEach((p) =>
    complain(`note: kept ${p}: generated earlier for an SLO not generated now (--prune removes it)`)
  );
  say(
    checked.by === 'promtool'
      ? 'checked with promtool check rules'
      : 'promtool not on the PATH: checked that every file parses as a rule file'
  );
  return 0;
}
