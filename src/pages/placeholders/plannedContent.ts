import { type PageId, VARIABLE, type VariableName } from '@hybridlens/conventions';

export interface PlannedPage {
  /** What the page will show once its issue is built. */
  plan: string[];
  /** Variables the page keeps in its URL already, so links into it keep working. */
  variables: readonly VariableName[];
}

const METRICS_AND_REQUESTS = [
  VARIABLE.prometheus,
  VARIABLE.tempo,
  VARIABLE.loki,
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
] as const;

/** Pages later issues fill: routing, URL state and navigation work today; content is described honestly. */
export const PLANNED: Readonly<Partial<Record<PageId, PlannedPage>>> = {
  lifecycle: {
    plan: [
      'Request lifecycle waterfall: ingress → LLM → orchestrator → quantum enqueue / compile / execute → post-processing, per stage latency.',
      'Traces from Tempo for the selected route, model and region, with their logs from Loki.',
      'Orchestrator decisions (QPU, simulator, classical) and why they were taken.',
    ],
    variables: METRICS_AND_REQUESTS,
  },
  providers: {
    plan: [
      'Quantum providers and backends: job success, queue length and backlog, rate-limit budget, spend.',
      'Calibration of each backend (T1 / T2, gate and readout errors) from the calibration exporter.',
    ],
    variables: [VARIABLE.prometheus, VARIABLE.provider, VARIABLE.backend],
  },
  providerDetail: {
    plan: [
      'One backend: jobs by outcome and error type, phase latencies, queue and coherence margin.',
      'Calibration over time and "what did the device look like when this job ran?".',
    ],
    variables: [VARIABLE.prometheus, VARIABLE.tempo],
  },
  llmQuality: {
    plan: [
      'LLM validators: schema compliance and hallucination rate per model, response consistency, token use, cold starts.',
      'Validator verdicts from llm.request span events, linked to their traces.',
    ],
    variables: [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki, VARIABLE.model],
  },
  playbooks: {
    plan: ['The ops-guide playbooks, each with its live checks and the mitigations it can trigger.'],
    variables: [VARIABLE.prometheus],
  },
  playbook: {
    plan: [
      'The playbook steps with live checks (queries that confirm the symptom), linked traces and the mitigation actions.',
    ],
    variables: [
      VARIABLE.prometheus,
      VARIABLE.tempo,
      VARIABLE.loki,
      VARIABLE.provider,
      VARIABLE.backend,
      VARIABLE.model,
    ],
  },
  trace: {
    plan: ['One request as a waterfall of its lifecycle spans with their attributes, and the log lines of each span.'],
    variables: [VARIABLE.tempo, VARIABLE.loki],
  },
  quantumJob: {
    plan: ['One quantum job: phases, shots, transpilation, fidelity, and the calibration of the backend when it ran.'],
    variables: [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki],
  },
};

/** Prompt shown on a section root whose pages need an id (`/traces`, `/jobs`). */
export const SECTION_HINT: Readonly<Partial<Record<PageId, string>>> = {
  trace: 'Open a trace from the Lifecycle page or from an alert; its id goes in the URL.',
  quantumJob: 'Open a quantum job from a trace or a provider page; its provider job id goes in the URL.',
};
