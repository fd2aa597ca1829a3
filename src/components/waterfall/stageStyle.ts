import type { GrafanaTheme2 } from '@grafana/data';
import { QUANTUM_PHASE, TRACE_STAGE, type TraceStage } from '@hybridlens/conventions';
import type { JobPhase } from '@hybridlens/traces';
import { t } from '../../i18n';

/** One colour per lifecycle stage, from Grafana's visualization palette (readable in dark and light themes). */
const STAGE_COLOR: Readonly<Record<TraceStage, string>> = {
  [TRACE_STAGE.ingress]: 'blue',
  [TRACE_STAGE.llm]: 'purple',
  [TRACE_STAGE.orchestrator]: 'yellow',
  [TRACE_STAGE.quantum]: 'green',
  [TRACE_STAGE.postprocess]: 'orange',
  [TRACE_STAGE.http]: 'super-light-blue',
  [TRACE_STAGE.db]: 'dark-blue',
  [TRACE_STAGE.messaging]: 'light-purple',
  [TRACE_STAGE.other]: 'text',
  [TRACE_STAGE.unattributed]: 'red',
};

export function stageColor(theme: GrafanaTheme2, stage: TraceStage): string {
  const name = STAGE_COLOR[stage] ?? 'text';
  return name === 'text' ? theme.colors.text.secondary : theme.visualization.getColorByName(name);
}

export function stageName(stage: TraceStage): string {
  switch (stage) {
    case TRACE_STAGE.ingress:
      return t('waterfall.stage.ingress', 'Ingress');
    case TRACE_STAGE.llm:
      return t('waterfall.stage.llm', 'LLM');
    case TRACE_STAGE.orchestrator:
      return t('waterfall.stage.orchestrator', 'Orchestrator');
    case TRACE_STAGE.quantum:
      return t('waterfall.stage.quantum', 'Quantum');
    case TRACE_STAGE.postprocess:
      return t('waterfall.stage.postprocess', 'Post-processing');
    case TRACE_STAGE.http:
      return t('waterfall.stage.http', 'HTTP');
    case TRACE_STAGE.db:
      return t('waterfall.stage.db', 'Database');
    case TRACE_STAGE.messaging:
      return t('waterfall.stage.messaging', 'Messaging');
    case TRACE_STAGE.unattributed:
      return t('waterfall.stage.unattributed', 'Unattributed');
    default:
      return t('waterfall.stage.other', 'Other');
  }
}

/** A quantum job's phase as the waterfall names it (the enqueue phase is the provider's queue wait). */
export function jobPhaseName(phase: JobPhase): string {
  switch (phase) {
    case QUANTUM_PHASE.enqueue:
      return t('waterfall.job-phase.enqueue', 'Queue');
    case QUANTUM_PHASE.compile:
      return t('waterfall.job-phase.compile', 'Compile');
    default:
      return t('waterfall.job-phase.execute', 'Execute');
  }
}
