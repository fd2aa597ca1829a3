import { DATASOURCE_TYPE, GEN_AI_ATTR, SPAN, promString } from '@hybridlens/conventions';
import { exploreUrl } from '../../app/exploreLinks';

/** What an Explore link to Tempo needs; each value is either concrete or a Grafana data-link template. */
export interface ModelTracesTarget {
  tempoUid: string;
  model: string;
  from: string;
  to: string;
}

/** TraceQL for the LLM spans of one model. */
export function modelTracesTraceQl(model: string): string {
  return `{ name = ${promString(SPAN.llm)} && span.${GEN_AI_ATTR.requestModel.key} = ${promString(model)} }`;
}

/** Grafana Explore on Tempo with the TraceQL search for one model's LLM spans in a window. */
export function modelTracesExploreUrl(target: ModelTracesTarget): string {
  return exploreUrl({
    datasource: { type: DATASOURCE_TYPE.tempo, uid: target.tempoUid },
    query: modelTracesTraceQl(target.model),
    from: target.from,
    to: target.to,
  });
}

/** Placeholders swapped for Grafana's data-link templates after encoding (templates must stay literal). */
const TEMPLATE_SLOT = {
  tempoUid: 'HLSLOTTEMPO',
  model: 'HLSLOTMODEL',
  from: 'HLSLOTFROM',
  to: 'HLSLOTTO',
} as const;

/**
 * The same link for a panel's data links: Grafana fills in the clicked series' label, the panel's time range
 * and the Tempo variable, each percent-encoded (`:percentencode`) so the URL stays valid.
 */
export function modelTracesDataLink(tempoVariable: string, modelLabel: string): string {
  const url = modelTracesExploreUrl({
    tempoUid: TEMPLATE_SLOT.tempoUid,
    model: TEMPLATE_SLOT.model,
    from: TEMPLATE_SLOT.from,
    to: TEMPLATE_SLOT.to,
  });
  return url
    .replaceAll(TEMPLATE_SLOT.tempoUid, `\${${tempoVariable}:percentencode}`)
    .replaceAll(TEMPLATE_SLOT.model, `\${__field.labels.${modelLabel}:percentencode}`)
    .replaceAll(TEMPLATE_SLOT.from, '${__from}')
    .replaceAll(TEMPLATE_SLOT.to, '${__to}');
}
