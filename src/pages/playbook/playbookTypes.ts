import type { CheckUnit } from './checkValueFormat';
import type { AppLink, MitigationAction, PlaybookId, VariableName } from '@hybridlens/conventions';

/** The variables a playbook page can be scoped by (from the URL: `var-provider`, `var-backend`, `var-model`). */
export type ScopeVariable = 'provider' | 'backend' | 'model';

/** When a check's symptom holds: some series' value compared with a threshold. */
export interface HoldsWhen {
  op: '>' | '<';
  threshold: number;
}

export interface LiveCheck {
  /** The query's refId. */
  id: string;
  label: string;
  /** Instant PromQL, scoped by the page's variables; one series per thing checked. */
  expr: string;
  /** What the values measure, which decides how they print. */
  unit: CheckUnit;
  /** Absent for checks that only show the current state (e.g. whether a mitigation took effect). */
  holds?: HoldsWhen;
  /** Label that names each series in the list (e.g. backend, model). */
  seriesLabels: readonly string[];
}

export type StepLink =
  | { kind: 'app'; label: string; link: AppLink; carry?: VariableName[] }
  | { kind: 'traces'; label: string; traceQl: (scope: ScopeValues) => string }
  | { kind: 'logs'; label: string; logQl: (scope: ScopeValues) => string };

/** The one value of each scope variable, when exactly one is selected (All or several: absent). */
export type ScopeValues = Partial<Record<ScopeVariable, string>>;

export interface PlaybookStep {
  key: string;
  title: string;
  text: string;
  checks: readonly LiveCheck[];
  links: readonly StepLink[];
  actions: readonly MitigationAction[];
}

export interface PlaybookDef {
  id: PlaybookId;
  /** The ops guide's letter (A, B, C) where it has one. */
  letter?: string;
  title: string;
  summary: string;
  scope: readonly ScopeVariable[];
  steps: readonly PlaybookStep[];
}
