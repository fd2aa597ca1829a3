import { MITIGATION_ACTION, PLAYBOOK, type PlaybookId, QUANTUM_PHASE, STAGE, VARIABLE } from '@hybridlens/conventions';
import { t } from '../../i18n';
import * as q from '../../queries/playbookChecks';
import type { Thresholds } from '../../settings/settings';
import {
  failedJobTraces,
  llmTraces,
  mitigationLogs,
  slowEnqueueTraces,
  slowRequestTraces,
  stageLogs,
} from './exploreQueries';
import type { LiveCheck, PlaybookDef, StepLink } from './playbookTypes';

const PB = ['provider', 'backend'] as const;
const PROVIDER = ['provider'] as const;
const MODEL = ['model'] as const;

/** Playbook lists in the order the list page shows them: the ops guide's A, B, C, then the SLO playbooks. */
export const PLAYBOOK_ORDER: readonly PlaybookId[] = [
  PLAYBOOK.queueSaturation,
  PLAYBOOK.quantumErrors,
  PLAYBOOK.llmDrift,
  PLAYBOOK.latency,
  PLAYBOOK.providerOutage,
  PLAYBOOK.calibrationDrift,
  PLAYBOOK.simulatorDivergence,
];

function providerLink(label: string): StepLink {
  return { kind: 'app', label, link: { page: 'providers' }, carry: [VARIABLE.provider, VARIABLE.backend] };
}

/**
 * The ops guide's playbooks ("Incident playbooks") and the SLO playbooks the alerts name, step by step in the
 * guide's order. Which alert or SLO opens which playbook is the contract's (ALERT_PLAYBOOK, the `playbook`
 * label of hybridlens_slo_info); this is what each page shows and checks.
 */
export function playbookCatalog(th: Thresholds): Readonly<Record<PlaybookId, PlaybookDef>> {
  const queueLength: LiveCheck = {
    id: 'queueLength',
    label: t('playbook.check.queue-length', 'Queue length (critical above {{n}} jobs)', { n: th.queueLengthCritical }),
    expr: q.queueLength(),
    unit: 'count',
    holds: { op: '>', threshold: th.queueLengthCritical },
    seriesLabels: PB,
  };
  const enqueueP95: LiveCheck = {
    id: 'enqueueP95',
    label: t('playbook.check.enqueue-p95', 'Enqueue P95 (target {{s}} s)', { s: th.enqueueP95Seconds }),
    expr: q.phaseP95(QUANTUM_PHASE.enqueue),
    unit: 'seconds',
    holds: { op: '>', threshold: th.enqueueP95Seconds },
    seriesLabels: PB,
  };
  const rateLimited: LiveCheck = {
    id: 'rateLimited',
    label: t('playbook.check.rate-limited', 'Provider API calls answered 429 in the last {{w}}', {
      w: q.CHECK_WINDOW,
    }),
    expr: q.rateLimitedCalls(),
    unit: 'count',
    holds: { op: '>', threshold: 0 },
    seriesLabels: PROVIDER,
  };
  const rateLimitRemaining: LiveCheck = {
    id: 'rateLimitRemaining',
    label: t('playbook.check.rate-limit-remaining', 'Requests left in the rate-limit window'),
    expr: q.rateLimitRemaining(),
    unit: 'count',
    holds: { op: '<', threshold: 1 },
    seriesLabels: PROVIDER,
  };
  const providerDown: LiveCheck = {
    id: 'providerAvailable',
    label: t('playbook.check.provider-available', 'Provider status page (1 online, 0 down)'),
    expr: q.providerAvailable(),
    unit: 'count',
    holds: { op: '<', threshold: 1 },
    seriesLabels: PB,
  };
  const hardwareFailures: LiveCheck = {
    id: 'hardwareFailures',
    label: t('playbook.check.hardware-failures', 'Jobs failing with hardware errors (page above {{p}})', {
      p: '1%',
    }),
    expr: q.hardwareFailureShare(),
    unit: 'ratio',
    holds: { op: '>', threshold: 0.01 },
    seriesLabels: PB,
  };
  const jobErrors: LiveCheck = {
    id: 'jobErrors',
    label: t('playbook.check.job-errors', 'Jobs failing, any error'),
    expr: q.jobErrorShare(),
    unit: 'ratio',
    seriesLabels: PB,
  };
  const meanShots: LiveCheck = {
    id: 'meanShots',
    label: t('playbook.check.mean-shots', 'Shots per job (falls when shots are reduced)'),
    expr: q.meanShots(),
    unit: 'count',
    seriesLabels: PB,
  };
  const simulatorDecisions: LiveCheck = {
    id: 'simulatorDecisions',
    label: t('playbook.check.simulator-decisions', 'Requests routed to the simulator per second, by reason'),
    expr: q.simulatorDecisions(),
    unit: 'perSecond',
    seriesLabels: ['reason'],
  };
  const fallbacks: LiveCheck = {
    id: 'fallbacks',
    label: t('playbook.check.fallbacks', 'Fallbacks per second, by path and whether they served'),
    expr: q.fallbackRate(),
    unit: 'perSecond',
    seriesLabels: ['to_path', 'outcome'],
  };
  const degraded: LiveCheck = {
    id: 'degraded',
    label: t('playbook.check.degraded', 'Requests served degraded (by a fallback)'),
    expr: q.degradedShare(),
    unit: 'ratio',
    seriesLabels: [],
  };
  const hallucination: LiveCheck = {
    id: 'hallucination',
    label: t('playbook.check.hallucination', 'Hallucination rate (threshold {{p}})', {
      p: `${(th.hallucinationRate * 100).toFixed(1)}%`,
    }),
    expr: q.hallucinationShare(),
    unit: 'ratio',
    holds: { op: '>', threshold: th.hallucinationRate },
    seriesLabels: MODEL,
  };
  const schemaFailures: LiveCheck = {
    id: 'schemaFailures',
    label: t('playbook.check.schema-failures', 'Schema validator failures (SLO: under 1%)'),
    expr: q.schemaFailureShare(),
    unit: 'ratio',
    holds: { op: '>', threshold: 0.01 },
    seriesLabels: MODEL,
  };
  const tokenGrowth: LiveCheck = {
    id: 'tokenGrowth',
    label: t('playbook.check.token-growth', 'Output tokens per call against a day earlier (anomaly above 1.5×)'),
    expr: q.outputTokenGrowth(),
    unit: 'factor',
    holds: { op: '>', threshold: 1.5 },
    seriesLabels: MODEL,
  };
  const consistency: LiveCheck = {
    id: 'consistency',
    label: t('playbook.check.consistency', 'Response consistency (drops with drift)'),
    expr: q.consistency(),
    unit: 'ratio',
    seriesLabels: MODEL,
  };
  const modelVersions: LiveCheck = {
    id: 'modelVersions',
    label: t('playbook.check.model-versions', 'Model versions served in the last {{w}} (more than one: a change)', {
      w: q.CHANGE_WINDOW,
    }),
    expr: q.modelVersionsServed(),
    unit: 'count',
    holds: { op: '>', threshold: 1 },
    seriesLabels: MODEL,
  };
  const promptVersions: LiveCheck = {
    id: 'promptVersions',
    label: t(
      'playbook.check.prompt-versions',
      'Prompt-template versions in use in the last {{w}} (more than one: a deployment)',
      { w: q.CHANGE_WINDOW }
    ),
    expr: q.promptTemplateVersionsServed(),
    unit: 'count',
    holds: { op: '>', threshold: 1 },
    seriesLabels: MODEL,
  };
  const latencyP95: LiveCheck = {
    id: 'latencyP95',
    label: t('playbook.check.latency-p95', 'End-to-end P95 of the low-latency paths (SLO {{s}} s)', {
      s: th.latencySeconds,
    }),
    expr: q.lowLatencyP95(),
    unit: 'seconds',
    holds: { op: '>', threshold: th.latencySeconds },
    seriesLabels: ['path'],
  };
  const spanP95: LiveCheck = {
    id: 'spanP95',
    label: t('playbook.check.span-p95', 'P95 of each lifecycle stage'),
    expr: q.spanP95(),
    unit: 'seconds',
    seriesLabels: ['span'],
  };
  const errorShare: LiveCheck = {
    id: 'errorShare',
    label: t('playbook.check.error-share', 'Requests ending in error (page above 5%)'),
    expr: q.requestErrorShare(),
    unit: 'ratio',
    holds: { op: '>', threshold: 0.05 },
    seriesLabels: [],
  };
  const twoQubitDrift: LiveCheck = {
    id: 'twoQubitDrift',
    label: t('playbook.check.2q-drift', 'Median 2-qubit error against its 24 h average (drift above 1.5×)'),
    expr: q.twoQubitErrorDrift(),
    unit: 'factor',
    holds: { op: '>', threshold: 1.5 },
    seriesLabels: PB,
  };
  const t1Drift: LiveCheck = {
    id: 't1Drift',
    label: t('playbook.check.t1-drift', 'Median T1 against its 24 h average (drift below 0.7×)'),
    expr: q.t1Drift(),
    unit: 'factor',
    holds: { op: '<', threshold: 0.7 },
    seriesLabels: PB,
  };
  const fidelity: LiveCheck = {
    id: 'fidelity',
    label: t('playbook.check.fidelity', 'Mean estimated fidelity of finished jobs'),
    expr: q.meanFidelity(),
    unit: 'ratio',
    seriesLabels: PB,
  };

  const quantumLogs: StepLink = {
    kind: 'logs',
    label: t('playbook.link.quantum-logs', 'Quantum warnings and errors in Loki'),
    logQl: stageLogs(STAGE.quantum),
  };
  const auditLogs: StepLink = {
    kind: 'logs',
    label: t('playbook.link.audit-logs', 'Mitigation audit trail in Loki'),
    logQl: mitigationLogs(),
  };

  return {
    [PLAYBOOK.queueSaturation]: {
      id: PLAYBOOK.queueSaturation,
      letter: 'A',
      title: t('playbook.a.title', 'Quantum provider queue saturation / rate limit'),
      summary: t(
        'playbook.a.summary',
        'Jobs pile up in a provider queue or the provider throttles the API: shed load to fewer shots or the simulator.'
      ),
      scope: ['provider', 'backend'],
      steps: [
        {
          key: 'confirm',
          title: t('playbook.a.confirm.title', 'Confirm the symptom'),
          text: t(
            'playbook.a.confirm.text',
            "Check the queue length, the rate-limit budget and the provider's status page."
          ),
          checks: [queueLength, enqueueP95, rateLimitRemaining, rateLimited, providerDown],
          links: [providerLink(t('playbook.link.provider', 'Provider and backend pages'))],
          actions: [],
        },
        {
          key: 'trace',
          title: t('playbook.a.trace.title', 'Trace a few impacted requests'),
          text: t('playbook.a.trace.text', 'Look at enqueue span durations and provider API 429 responses.'),
          checks: [],
          links: [
            {
              kind: 'traces',
              label: t('playbook.link.slow-enqueue', 'Enqueue spans slower than {{s}} s in Tempo', {
                s: th.enqueueP95Seconds,
              }),
              traceQl: slowEnqueueTraces(th.enqueueP95Seconds),
            },
            quantumLogs,
          ],
          actions: [],
        },
        {
          key: 'mitigate',
          title: t('playbook.a.mitigate.title', 'Mitigate immediately'),
          text: t(
            'playbook.a.mitigate.text',
            'Add simulator capacity or reduce the shot count of queued jobs; the shots per job fall in the next scrape.'
          ),
          checks: [meanShots],
          links: [],
          actions: [MITIGATION_ACTION.reduceShots, MITIGATION_ACTION.restoreShots],
        },
        {
          key: 'failover',
          title: t('playbook.a.failover.title', 'Fail over'),
          text: t(
            'playbook.a.failover.text',
            'Reroute non-critical jobs to the simulator with the orchestrator flag (automated by the queue alert).'
          ),
          checks: [simulatorDecisions, fallbacks],
          links: [],
          actions: [MITIGATION_ACTION.forceSimulator, MITIGATION_ACTION.releaseSimulator],
        },
        {
          key: 'postmortem',
          title: t('playbook.a.postmortem.title', 'Postmortem data'),
          text: t('playbook.a.postmortem.text', 'Export job ids, timestamps and traces for the RCA.'),
          checks: [],
          links: [quantumLogs, auditLogs],
          actions: [],
        },
      ],
    },
    [PLAYBOOK.quantumErrors]: {
      id: PLAYBOOK.quantumErrors,
      letter: 'B',
      title: t('playbook.b.title', 'Elevated quantum error rate or hardware failures'),
      summary: t(
        'playbook.b.summary',
        'Jobs fail on the device: check calibration and maintenance, then reduce shots, switch provider or fall back.'
      ),
      scope: ['provider', 'backend'],
      steps: [
        {
          key: 'confirm',
          title: t('playbook.b.confirm.title', 'Confirm the elevated error rate'),
          text: t('playbook.b.confirm.text', 'Gather the provider job ids and calibration versions of failed jobs.'),
          checks: [hardwareFailures, jobErrors],
          links: [
            {
              kind: 'traces',
              label: t('playbook.link.failed-jobs', 'Failed quantum jobs in Tempo'),
              traceQl: failedJobTraces(),
            },
            quantumLogs,
          ],
          actions: [],
        },
        {
          key: 'calibration',
          title: t('playbook.b.calibration.title', 'Check maintenance and calibration'),
          text: t(
            'playbook.b.calibration.text',
            "The provider's maintenance page and calibration (T1/T2, gate fidelity)."
          ),
          checks: [providerDown, twoQubitDrift, t1Drift],
          links: [providerLink(t('playbook.link.calibration', 'Calibration of the backend'))],
          actions: [],
        },
        {
          key: 'mitigate',
          title: t('playbook.b.mitigate.title', 'Mitigate'),
          text: t(
            'playbook.b.mitigate.text',
            'Reduce circuit depth or shots; switch to another provider if multi-cloud is configured.'
          ),
          checks: [meanShots],
          links: [],
          actions: [MITIGATION_ACTION.reduceShots, MITIGATION_ACTION.disableProvider, MITIGATION_ACTION.enableProvider],
        },
        {
          key: 'fallback',
          title: t('playbook.b.fallback.title', 'If critical, fall back'),
          text: t(
            'playbook.b.fallback.text',
            'Switch to the classical or simulator fallback; requests are marked degraded for transparency.'
          ),
          checks: [degraded, fallbacks],
          links: [],
          actions: [MITIGATION_ACTION.forceSimulator, MITIGATION_ACTION.releaseSimulator],
        },
        {
          key: 'handover',
          title: t('playbook.b.handover.title', 'Hand over to the provider'),
          text: t(
            'playbook.b.handover.text',
            'Collect sample circuits and results for a joint RCA with provider support.'
          ),
          checks: [],
          links: [quantumLogs, auditLogs],
          actions: [],
        },
      ],
    },
    [PLAYBOOK.llmDrift]: {
      id: PLAYBOOK.llmDrift,
      letter: 'C',
      title: t('playbook.c.title', 'LLM model drift or hallucination spike'),
      summary: t(
        'playbook.c.summary',
        'Validator failures rise or answers change: find the model or prompt change, roll back, decode deterministically.'
      ),
      scope: ['model'],
      steps: [
        {
          key: 'metrics',
          title: t('playbook.c.metrics.title', 'Check the LLM metrics'),
          text: t('playbook.c.metrics.text', 'Hallucination rate, schema failures and token usage anomalies.'),
          checks: [hallucination, schemaFailures, tokenGrowth, consistency, promptVersions],
          links: [
            {
              kind: 'app',
              label: t('playbook.link.llm-quality', 'LLM quality page'),
              link: { page: 'llmQuality' },
              carry: [VARIABLE.model],
            },
          ],
          actions: [],
        },
        {
          key: 'trace',
          title: t('playbook.c.trace.title', 'Trace the LLM spans'),
          text: t(
            'playbook.c.trace.text',
            'Find recent model version changes (gen_ai.response.model) or prompt-template deployments.'
          ),
          checks: [modelVersions, promptVersions],
          links: [{ kind: 'traces', label: t('playbook.link.llm-traces', 'LLM spans in Tempo'), traceQl: llmTraces() }],
          actions: [],
        },
        {
          key: 'mitigate',
          title: t('playbook.c.mitigate.title', 'Mitigate'),
          text: t(
            'playbook.c.mitigate.text',
            'Roll back the prompt template or model version, decode deterministically (temperature 0), run conservative validators.'
          ),
          checks: [hallucination],
          links: [],
          actions: [MITIGATION_ACTION.deterministicDecoding, MITIGATION_ACTION.restoreDecoding],
        },
        {
          key: 'notify',
          title: t('playbook.c.notify.title', 'Notify and collect'),
          text: t(
            'playbook.c.notify.text',
            'Tell the product owners; start collecting data for retraining if the drift lasts several days.'
          ),
          checks: [],
          links: [auditLogs],
          actions: [],
        },
      ],
    },
    [PLAYBOOK.latency]: {
      id: PLAYBOOK.latency,
      title: t('playbook.latency.title', 'End-to-end latency over the SLO'),
      summary: t('playbook.latency.summary', 'Requests are slow end to end: find the stage, then shed quantum load.'),
      scope: [],
      steps: [
        {
          key: 'confirm',
          title: t('playbook.latency.confirm.title', 'Confirm the latency'),
          text: t('playbook.latency.confirm.text', 'P95 of the low-latency paths against the latency SLO.'),
          checks: [latencyP95],
          links: [
            {
              kind: 'traces',
              label: t('playbook.link.slow-requests', 'Requests slower than {{s}} s in Tempo', {
                s: th.latencySeconds,
              }),
              traceQl: slowRequestTraces(th.latencySeconds),
            },
          ],
          actions: [],
        },
        {
          key: 'stage',
          title: t('playbook.latency.stage.title', 'Find the slow stage'),
          text: t(
            'playbook.latency.stage.text',
            'Which lifecycle stage grew: LLM, queue, compile, execute or post-processing.'
          ),
          checks: [spanP95],
          links: [{ kind: 'app', label: t('playbook.link.lifecycle', 'Lifecycle page'), link: { page: 'lifecycle' } }],
          actions: [],
        },
        {
          key: 'mitigate',
          title: t('playbook.latency.mitigate.title', 'Shed load'),
          text: t(
            'playbook.latency.mitigate.text',
            'Reduce shots or route to the simulator while the slow stage recovers.'
          ),
          checks: [simulatorDecisions],
          links: [],
          actions: [
            MITIGATION_ACTION.reduceShots,
            MITIGATION_ACTION.forceSimulator,
            MITIGATION_ACTION.releaseSimulator,
          ],
        },
      ],
    },
    [PLAYBOOK.providerOutage]: {
      id: PLAYBOOK.providerOutage,
      title: t('playbook.outage.title', 'Provider outage'),
      summary: t(
        'playbook.outage.summary',
        'A provider is down or requests fail end to end: confirm, make sure the fallback serves, take the provider out.'
      ),
      scope: ['provider', 'backend'],
      steps: [
        {
          key: 'confirm',
          title: t('playbook.outage.confirm.title', 'Confirm the outage'),
          text: t('playbook.outage.confirm.text', "The provider's status and the end-to-end error rate."),
          checks: [providerDown, errorShare, jobErrors],
          links: [providerLink(t('playbook.link.provider', 'Provider and backend pages')), quantumLogs],
          actions: [],
        },
        {
          key: 'fallback',
          title: t('playbook.outage.fallback.title', 'Make sure the fallback serves'),
          text: t('playbook.outage.fallback.text', 'Fallbacks must succeed (fallback SLO: 100%).'),
          checks: [fallbacks, degraded],
          links: [],
          actions: [MITIGATION_ACTION.forceSimulator, MITIGATION_ACTION.releaseSimulator],
        },
        {
          key: 'disable',
          title: t('playbook.outage.disable.title', 'Take the provider out'),
          text: t('playbook.outage.disable.text', 'Disable the provider until its status page reports it online.'),
          checks: [],
          links: [auditLogs],
          actions: [MITIGATION_ACTION.disableProvider, MITIGATION_ACTION.enableProvider],
        },
      ],
    },
    [PLAYBOOK.calibrationDrift]: {
      id: PLAYBOOK.calibrationDrift,
      title: t('playbook.calibration.title', 'Calibration drift'),
      summary: t(
        'playbook.calibration.summary',
        "A backend's calibration drifted from its own recent average: expect lower fidelity, prefer another backend."
      ),
      scope: ['provider', 'backend'],
      steps: [
        {
          key: 'confirm',
          title: t('playbook.calibration.confirm.title', 'Confirm the drift'),
          text: t('playbook.calibration.confirm.text', 'Two-qubit error and T1 against their 24-hour averages.'),
          checks: [twoQubitDrift, t1Drift],
          links: [providerLink(t('playbook.link.calibration', 'Calibration of the backend'))],
          actions: [],
        },
        {
          key: 'impact',
          title: t('playbook.calibration.impact.title', 'Check the impact'),
          text: t('playbook.calibration.impact.text', 'Fidelity and errors of the jobs that ran on it.'),
          checks: [fidelity, jobErrors],
          links: [],
          actions: [MITIGATION_ACTION.disableProvider, MITIGATION_ACTION.enableProvider],
        },
      ],
    },
    [PLAYBOOK.simulatorDivergence]: {
      id: PLAYBOOK.simulatorDivergence,
      title: t('playbook.divergence.title', 'Simulator divergence'),
      summary: t(
        'playbook.divergence.summary',
        'Simulator and QPU results disagree more than the noise explains: compare fidelity, then check calibration.'
      ),
      scope: ['provider', 'backend'],
      steps: [
        {
          key: 'compare',
          title: t('playbook.divergence.compare.title', 'Compare the paths'),
          text: t('playbook.divergence.compare.text', 'Estimated fidelity per backend, simulators included.'),
          checks: [fidelity],
          links: [providerLink(t('playbook.link.provider', 'Provider and backend pages'))],
          actions: [],
        },
        {
          key: 'calibration',
          title: t('playbook.divergence.calibration.title', 'Check calibration'),
          text: t(
            'playbook.divergence.calibration.text',
            'A drifted device explains divergence better than a simulator bug.'
          ),
          checks: [twoQubitDrift, t1Drift],
          links: [],
          actions: [MITIGATION_ACTION.releaseSimulator],
        },
      ],
    },
  };
}
