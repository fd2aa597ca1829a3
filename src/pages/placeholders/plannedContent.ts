import { type PageId, VARIABLE, type VariableName } from '@hybridlens/conventions';
import { t } from '../../i18n';

const METRICS_AND_REQUESTS = [
  VARIABLE.prometheus,
  VARIABLE.tempo,
  VARIABLE.loki,
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.path,
] as const;

/** Variables each planned page keeps in its URL already, so links into it keep working. */
export const PLANNED_VARIABLES: Readonly<Partial<Record<PageId, readonly VariableName[]>>> = {
  lifecycle: METRICS_AND_REQUESTS,
  providers: [VARIABLE.prometheus, VARIABLE.provider, VARIABLE.backend],
  providerDetail: [VARIABLE.prometheus, VARIABLE.tempo],
  llmQuality: [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki, VARIABLE.model],
  playbooks: [VARIABLE.prometheus],
  playbook: [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki, VARIABLE.provider, VARIABLE.backend, VARIABLE.model],
  trace: [VARIABLE.tempo, VARIABLE.loki],
  quantumJob: [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki],
};

/** What a page later work builds will show: routing, URL state and navigation work today. */
export function plannedContent(page: PageId): string[] {
  switch (page) {
    case 'lifecycle':
      return [
        t(
          'planned.lifecycle.waterfall',
          'Request lifecycle waterfall: ingress → LLM → orchestrator → quantum enqueue / compile / execute → post-processing, per stage latency.'
        ),
        t(
          'planned.lifecycle.traces',
          'Traces from Tempo for the selected route, model and region, with their logs from Loki.'
        ),
        t('planned.lifecycle.decisions', 'Orchestrator decisions (QPU, simulator, classical) and why they were taken.'),
      ];
    case 'providers':
      return [
        t(
          'planned.providers.backends',
          'Quantum providers and backends: job success, queue length and backlog, rate-limit budget, spend.'
        ),
        t(
          'planned.providers.calibration',
          'Calibration of each backend (T1 / T2, gate and readout errors) from the calibration exporter.'
        ),
      ];
    case 'providerDetail':
      return [
        t(
          'planned.provider-detail.jobs',
          'One backend: jobs by outcome and error type, phase latencies, queue and coherence margin.'
        ),
        t(
          'planned.provider-detail.calibration',
          'Calibration over time and "what did the device look like when this job ran?".'
        ),
      ];
    case 'llmQuality':
      return [
        t(
          'planned.llm-quality.validators',
          'LLM validators: schema compliance and hallucination rate per model, response consistency, token use, cold starts.'
        ),
        t('planned.llm-quality.verdicts', 'Validator verdicts from llm.request span events, linked to their traces.'),
      ];
    case 'playbooks':
      return [
        t(
          'planned.playbooks.list',
          'The ops-guide playbooks, each with its live checks and the mitigations it can trigger.'
        ),
      ];
    case 'playbook':
      return [
        t(
          'planned.playbook.steps',
          'The playbook steps with live checks (queries that confirm the symptom), linked traces and the mitigation actions.'
        ),
      ];
    case 'trace':
      return [
        t(
          'planned.trace.waterfall',
          'One request as a waterfall of its lifecycle spans with their attributes, and the log lines of each span.'
        ),
      ];
    case 'quantumJob':
      return [
        t(
          'planned.quantum-job.phases',
          'One quantum job: phases, shots, transpilation, fidelity, and the calibration of the backend when it ran.'
        ),
      ];
    default:
      return [];
  }
}

/** Prompt shown on a section root whose pages need an id (`/traces`, `/jobs`). */
export function sectionHint(page: PageId): string | undefined {
  switch (page) {
    case 'trace':
      return t('planned.trace.hint', 'Open a trace from the Lifecycle page or from an alert; its id goes in the URL.');
    case 'quantumJob':
      return t(
        'planned.quantum-job.hint',
        'Open a quantum job from a trace or a provider page; its provider job id goes in the URL.'
      );
    default:
      return undefined;
  }
}
