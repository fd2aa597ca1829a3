import { stringify } from 'yaml';
import { grafanaRootUrl } from './grafanaUrl';
import { opsAlertFile } from './opsAlerts';
import { generatedHeader } from './output/generatedMark';
import { type GenerateOptions, isAlertingRule, type RuleFile } from './ruleTypes';
import { sloRules } from './rules/sloRuleFile';
import { assertValidSpecs, type SloSpec } from './spec';

export const GENERATED_HEADER = generatedHeader('generate');

/** Grafana of the docker-compose stack. */
export const DEFAULT_GRAFANA_URL = 'http://localhost:3000';

export interface GeneratedFile {
  fileName: string;
  content: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  ruleFiles: RuleFile[];
  warnings: string[];
}

/** One rule file as YAML, rule keys in Prometheus's documented order. */
export function ruleFileYaml(file: RuleFile): string {
  const doc = {
    groups: file.groups.map((g) => ({
      name: g.name,
      interval: g.interval,
      rules: g.rules.map((r) =>
        isAlertingRule(r)
          ? {
              alert: r.alert,
              expr: r.expr,
              ...(r.for ? { for: r.for } : {}),
              labels: r.labels,
              annotations: r.annotations,
            }
          : { record: r.record, expr: r.expr, ...(r.labels ? { labels: r.labels } : {}) }
      ),
    })),
  };
  return `${GENERATED_HEADER}\n${stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** Every rule file for these SLO specs plus the ops alerts. Throws an SloInputError on invalid specs or URL. */
export function generateRuleFiles(specs: readonly SloSpec[], options: Partial<GenerateOptions> = {}): GenerateResult {
  assertValidSpecs(specs);
  const opts: GenerateOptions = { grafanaUrl: grafanaRootUrl(options.grafanaUrl ?? DEFAULT_GRAFANA_URL) };
  const warnings: string[] = [];
  const ruleFiles: RuleFile[] = [];
  for (const spec of specs) {
    const result = sloRules(spec, opts);
    warnings.push(...result.warnings);
    ruleFiles.push(result.file);
  }
  ruleFiles.push(opsAlertFile(opts));
  return { ruleFiles, files: ruleFiles.map((f) => ({ fileName: f.fileName, content: ruleFileYaml(f) })), warnings };
}
