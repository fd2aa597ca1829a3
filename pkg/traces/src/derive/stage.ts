import {
  ATTRIBUTE_NAMESPACE,
  LLM_ATTR,
  REQUEST_ATTR,
  SPAN_STAGE,
  STAGE,
  TRACE_STAGE,
  isContractAttribute,
  type Stage,
  type TraceStage,
} from '@hybridlens/conventions';
import type { TraceSpan } from '../model';
import type { SpanTree } from './tree';

/** Why a span got its stage: shown in the detail pane so a surprising lane can be explained. */
export type StageSource = 'span-name' | 'stage-attribute' | 'contract-attributes' | 'convention' | 'inherited' | 'none';

export interface StageOf {
  readonly stage: TraceStage;
  readonly source: StageSource;
}

// One shared object per combination: a trace of 100,000 spans allocates none.
const SHARED = new Map<StageSource, Map<TraceStage, StageOf>>();
function stageOf(stage: TraceStage, source: StageSource): StageOf {
  let bySource = SHARED.get(source);
  if (!bySource) {
    bySource = new Map();
    SHARED.set(source, bySource);
  }
  let found = bySource.get(stage);
  if (!found) {
    found = Object.freeze({ stage, source });
    bySource.set(stage, found);
  }
  return found;
}

// Read once: imported bindings compile to getters in CommonJS, too slow for per-span and per-key checks.
const LIFECYCLE_STAGES = new Set<string>(Object.values(STAGE));
const NS = { ...ATTRIBUTE_NAMESPACE };
const STAGE_KEY = REQUEST_ATTR.stage.key;
const T = { ...TRACE_STAGE };
const isContractKey = isContractAttribute;
const SPAN_STAGE_BY_NAME = SPAN_STAGE as Readonly<Record<string, Stage | undefined>>;
const LLM_KEYS = new Set<string>(Object.values(LLM_ATTR).map((a) => a.key));

/** Lifecycle stages a span's unclassified descendants belong to (ingress is the request itself: not these). */
const INHERITED_STAGES = new Set<TraceStage>([T.llm, T.orchestrator, T.quantum, T.postprocess]);

/** The span's own stage, from what it carries (contract first, then OTel conventions), ignoring its ancestors. */
export function ownStage(span: TraceSpan, isRoot: boolean): StageOf {
  const byName = SPAN_STAGE_BY_NAME[span.name];
  if (byName) {
    return stageOf(byName, 'span-name');
  }
  const declared = span.attributes[STAGE_KEY];
  if (typeof declared === 'string' && LIFECYCLE_STAGES.has(declared)) {
    return stageOf(declared as Stage, 'stage-attribute');
  }
  let quantum = false;
  let llm = false;
  let orchestrator = false;
  let http = false;
  let db = false;
  let messaging = false;
  for (const key in span.attributes) {
    if (key.startsWith(NS.quantum)) {
      quantum = true;
    } else if (key.startsWith(NS.genAi) || LLM_KEYS.has(key)) {
      llm = true;
    } else if (key.startsWith(NS.orchestrator)) {
      orchestrator = true;
    } else if (key.startsWith(NS.http)) {
      http = true;
    } else if (key.startsWith(NS.db)) {
      db = true;
    } else if (key.startsWith(NS.messaging)) {
      messaging = true;
    }
  }
  if (quantum) {
    return stageOf(T.quantum, 'contract-attributes');
  }
  if (llm) {
    return stageOf(T.llm, 'contract-attributes');
  }
  if (orchestrator) {
    return stageOf(T.orchestrator, 'contract-attributes');
  }
  if (http) {
    // The server span that starts the trace is the request coming in; other HTTP spans are calls it makes.
    return span.kind === 'server' && isRoot ? stageOf(T.ingress, 'convention') : stageOf(T.http, 'convention');
  }
  if (db) {
    return stageOf(T.db, 'convention');
  }
  if (messaging) {
    return stageOf(T.messaging, 'convention');
  }
  return stageOf(T.other, 'none');
}

/**
 * Stages of all spans in display order. A span classified only by OTel conventions (or not at all) inside an
 * LLM, orchestrator, quantum or post-processing span belongs to that stage: an HTTP call made by the LLM
 * client is LLM time.
 */
export function classifyStages(tree: SpanTree): StageOf[] {
  const out = new Array<StageOf>(tree.spans.length);
  for (let i = 0; i < tree.spans.length; i++) {
    const p = tree.parent[i]!;
    const own = ownStage(tree.spans[i]!, p === -1);
    if (p !== -1 && (own.source === 'convention' || own.source === 'none')) {
      const up = out[p]!;
      if (INHERITED_STAGES.has(up.stage)) {
        out[i] = stageOf(up.stage, 'inherited');
        continue;
      }
    }
    out[i] = own;
  }
  return out;
}

/** Whether a span carries anything of the contract: a lifecycle span name or a contract attribute key. */
export function hasContractData(span: TraceSpan): boolean {
  if (SPAN_STAGE_BY_NAME[span.name]) {
    return true;
  }
  for (const key in span.attributes) {
    if (isContractKey(key)) {
      return true;
    }
  }
  return false;
}
