/** The shapes of a Prometheus rule file, as written to YAML. */

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  name: string;
  interval: string;
  rules: Rule[];
}

export interface RuleFile {
  /** File name inside the output folder, e.g. `slo-end-to-end-latency.rules.yml`. */
  fileName: string;
  groups: RuleGroup[];
}

export interface GenerateOptions {
  /** Grafana root URL for runbook and drilldown links (checked and encoded: see grafanaRootUrl). */
  grafanaUrl: string;
}

export function isAlertingRule(rule: Rule): rule is AlertingRule {
  return 'alert' in rule;
}
