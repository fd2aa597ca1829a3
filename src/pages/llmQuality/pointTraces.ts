import { QUERY_PARAM, VARIABLE, buildAppUrl, templateValue, variableUrlParam } from '@hybridlens/conventions';
import { modelTracesExploreUrl } from './traceLinks';

/**
 * The link from one point of an LLM trend to that model's traces in that point's window, and the checks of its
 * URL. Grafana fills a data link's templates but does no arithmetic on them, so the link carries the point's
 * time and the query's step, and the LLM traces page turns them into Explore's range.
 */

/**
 * A model name as the SDK records it (`gpt-4.1-mini`, `anthropic.claude-3-5-sonnet-20240620-v1:0`,
 * `meta-llama/Llama-3.1-70B`): bounded, so an unfilled template (`${...}`), a regex or free text is refused.
 */
const MODEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/;

/** Epoch ms from 2000-01-01 to 2100-01-01: anything outside is a wrong unit (seconds) or a typo, not a point. */
const AT_RANGE_MS = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;

/** A step from one second to one day: the trends' steps on any range Grafana offers fall inside. */
const STEP_RANGE_MS = { min: 1_000, max: 86_400_000 } as const;

/** Used when a hand-made link gives no step: one minute, the trends' step on the default six hours. */
export const DEFAULT_POINT_STEP_MS = 60_000;

export type PointTracesParam = 'model' | 'at' | 'step';

export type PointTracesProblem =
  | { param: PointTracesParam; kind: 'missing' }
  | { param: PointTracesParam; kind: 'several'; values: string[] }
  | { param: PointTracesParam; kind: 'invalid'; value: string };

export interface PointTracesWindow {
  model: string;
  /** Epoch ms. */
  from: number;
  to: number;
}

export type PointTracesResolution =
  { ok: true; window: PointTracesWindow } | { ok: false; problem: PointTracesProblem };

/** The URL parameter that carries each value (shown in messages, so the user can find it in the address). */
export function pointTracesUrlParam(param: PointTracesParam): string {
  return param === 'model' ? variableUrlParam(VARIABLE.model) : QUERY_PARAM[param];
}

function single(
  search: URLSearchParams,
  param: PointTracesParam
): { value?: string; problem?: PointTracesProblem } | undefined {
  const values = search.getAll(pointTracesUrlParam(param));
  if (values.length === 0) {
    return undefined;
  }
  if (values.length > 1) {
    return { problem: { param, kind: 'several', values } };
  }
  return { value: values[0]! };
}

function integerIn(value: string, range: { min: number; max: number }): number | undefined {
  if (!/^\d+$/.test(value)) {
    return undefined;
  }
  const n = Number(value);
  return n >= range.min && n <= range.max ? n : undefined;
}

/**
 * The window whose traces a point stands for: the one step that ends at the point. A trend's value at `at` is
 * the rate over the samples before `at`, and consecutive points are one step apart, so the step ending at `at`
 * is the part of the axis this point alone covers (neighbouring points open windows that tile, not overlap).
 */
export function resolvePointTraces(search: URLSearchParams): PointTracesResolution {
  const model = single(search, 'model');
  if (!model) {
    return { ok: false, problem: { param: 'model', kind: 'missing' } };
  }
  if (model.problem) {
    return { ok: false, problem: model.problem };
  }
  if (!MODEL_PATTERN.test(model.value!)) {
    return { ok: false, problem: { param: 'model', kind: 'invalid', value: model.value! } };
  }
  const at = single(search, 'at');
  if (!at) {
    return { ok: false, problem: { param: 'at', kind: 'missing' } };
  }
  if (at.problem) {
    return { ok: false, problem: at.problem };
  }
  const atMs = integerIn(at.value!, AT_RANGE_MS);
  if (atMs === undefined) {
    return { ok: false, problem: { param: 'at', kind: 'invalid', value: at.value! } };
  }
  const step = single(search, 'step');
  if (step?.problem) {
    return { ok: false, problem: step.problem };
  }
  const stepMs = step ? integerIn(step.value!, STEP_RANGE_MS) : DEFAULT_POINT_STEP_MS;
  if (stepMs === undefined) {
    return { ok: false, problem: { param: 'step', kind: 'invalid', value: step!.value! } };
  }
  return { ok: true, window: { model: model.value!, from: atMs - stepMs, to: atMs } };
}

/** Explore on Tempo with the LLM spans of the window's model over the window. */
export function pointTracesExploreUrl(tempoUid: string, window: PointTracesWindow): string {
  return modelTracesExploreUrl({
    tempoUid,
    model: window.model,
    from: String(window.from),
    to: String(window.to),
  });
}

/**
 * The data link of a trend point: Grafana fills in the clicked series' model, the point's time, the panel query's
 * interval (`__interval_ms`, the spacing of the points: the Prometheus datasource steps by it unless its minimum
 * step, the scrape interval, is longer) and the Tempo datasource picked on the page.
 */
export function pointTracesDataLink(modelLabel: string): string {
  return buildAppUrl({
    page: 'llmTraces',
    variables: {
      [VARIABLE.tempo]: templateValue(`\${${VARIABLE.tempo}:percentencode}`),
      [VARIABLE.model]: templateValue(`\${__field.labels.${modelLabel}:percentencode}`),
    },
    query: {
      [QUERY_PARAM.at]: templateValue('${__value.time}'),
      [QUERY_PARAM.step]: templateValue('${__interval_ms}'),
    },
  });
}

/** The link of one point, with the values Grafana would fill in (tests and people building links by hand). */
export function pointTracesUrl(point: { model: string; at: number; step: number; tempoUid?: string }): string {
  return buildAppUrl({
    page: 'llmTraces',
    variables: {
      ...(point.tempoUid === undefined ? {} : { [VARIABLE.tempo]: point.tempoUid }),
      [VARIABLE.model]: point.model,
    },
    query: { [QUERY_PARAM.at]: point.at, [QUERY_PARAM.step]: point.step },
  });
}
