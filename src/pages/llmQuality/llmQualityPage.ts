import {
  EmbeddedScene,
  SceneAppPage,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneReactObject,
  type SceneAppPageLike,
} from '@grafana/scenes';
import type { DataLink } from '@grafana/data';
import { LABEL, PAGE, PLAYBOOK, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { panelDataLink, seriesLabel } from '../../app/links';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pageRoutePath } from '../../app/routing';
import { t } from '../../i18n';
import { tileRow } from '../../panels/layout';
import { statTile, thresholds, trendTile } from '../../panels/tiles';
import { LLM_FILTERS } from '../../queries/llm';
import { LLM_SUMMARY, LLM_TRENDS, buildLlmSummaryRunner, buildLlmTrendsRunner } from './llmQualityQueries';
import { PointTracesRedirect } from './PointTracesRedirect';
import { VersionChangeList } from './VersionChangeList';
import { pointTracesDataLink } from './pointTraces';
import { modelTracesDataLink } from './traceLinks';
import { versionChangeAnnotationsTransform } from './versionChangeAnnotations';

export const LLM_QUALITY_VARIABLES = [VARIABLE.prometheus, VARIABLE.tempo, VARIABLE.loki, VARIABLE.model] as const;

const STAT = { height: 150, minWidth: 240 };
const TREND = { height: 280, minWidth: 320 };

/** Playbook C for the model of the clicked value. */
function playbookLink(): DataLink {
  return {
    title: t('llm-quality.links.playbook', 'Playbook C (LLM drift) for ${__field.labels.model}'),
    url: panelDataLink({
      page: 'playbook',
      params: { playbook: PLAYBOOK.llmDrift },
      variables: { [VARIABLE.model]: seriesLabel(LABEL.model) },
    }),
  };
}

/** Links of a number over the whole range: that model's LLM traces over the range, and playbook C for it. */
function rangeLinks(): DataLink[] {
  return [
    {
      title: t('llm-quality.links.traces', 'Traces of ${__field.labels.model} in this window'),
      url: modelTracesDataLink(VARIABLE.tempo, LABEL.model),
    },
    playbookLink(),
  ];
}

/** Links of a trend point: that model's LLM traces in the point's own step (a spike's traces), and playbook C. */
function pointLinks(): DataLink[] {
  return [
    {
      title: t('llm-quality.links.point-traces', 'Traces of ${__field.labels.model} at this point'),
      url: pointTracesDataLink(LABEL.model),
    },
    playbookLink(),
  ];
}

export function buildLlmQualityScene(ctx: AppContext): EmbeddedScene {
  const toPlaybook = {
    label: t('llm-quality.open-playbook', 'Playbook C: LLM drift or hallucination spike'),
    link: { page: 'playbook' as const, params: { playbook: PLAYBOOK.llmDrift } },
    carry: [VARIABLE.model],
  };
  const common = { filters: LLM_FILTERS, dataLinks: rangeLinks(), open: toPlaybook };
  const trendCommon = { ...common, dataLinks: pointLinks() };
  const ratio = { unit: 'percentunit', decimals: 2 };

  const summary = new SceneFlexLayout({
    direction: 'column',
    $data: buildLlmSummaryRunner(),
    children: [
      tileRow(
        [
          statTile({
            ...common,
            ...ratio,
            title: t('llm-quality.tiles.hallucination.title', 'Hallucination rate'),
            description: t(
              'llm-quality.tiles.hallucination.description',
              'Share of responses the hallucination detector failed, per model, over the time range.'
            ),
            refIds: [LLM_SUMMARY.hallucination],
            thresholds: thresholds('green', [
              [0.02, 'orange'],
              [0.05, 'red'],
            ]),
            noValue: t('llm-quality.no-validations', 'No validator verdicts in this time range'),
          }),
          statTile({
            ...common,
            ...ratio,
            title: t('llm-quality.tiles.schema.title', 'Schema compliance'),
            description: t(
              'llm-quality.tiles.schema.description',
              'Share of responses that passed the schema validator, per model, over the time range.'
            ),
            refIds: [LLM_SUMMARY.schema],
            thresholds: thresholds('red', [
              [0.98, 'orange'],
              [0.99, 'green'],
            ]),
            noValue: t('llm-quality.no-validations', 'No validator verdicts in this time range'),
          }),
          statTile({
            ...common,
            unit: 'percentunit',
            decimals: 1,
            title: t('llm-quality.tiles.consistency.title', 'Response consistency'),
            description: t(
              'llm-quality.tiles.consistency.description',
              'Mean similarity of repeated answers to the same request (sampled), per model.'
            ),
            refIds: [LLM_SUMMARY.consistency],
            noValue: t('llm-quality.no-consistency', 'No repeated answers were scored in this time range'),
          }),
          statTile({
            ...common,
            ...ratio,
            title: t('llm-quality.tiles.cold-starts.title', 'Cold starts'),
            description: t(
              'llm-quality.tiles.cold-starts.description',
              'Share of LLM calls that hit a cold model instance, per model.'
            ),
            refIds: [LLM_SUMMARY.coldStarts],
          }),
        ],
        STAT
      ),
      tileRow(
        [
          statTile({
            ...common,
            unit: 's',
            decimals: 2,
            title: t('llm-quality.tiles.latency.title', 'LLM latency P95'),
            description: t(
              'llm-quality.tiles.latency.description',
              'P95 latency of LLM calls, cold starts included, per model, over the time range.'
            ),
            refIds: [LLM_SUMMARY.latency],
          }),
          statTile({
            ...common,
            unit: 's',
            decimals: 2,
            title: t('llm-quality.tiles.ttft.title', 'Time to first token P95'),
            description: t(
              'llm-quality.tiles.ttft.description',
              'P95 time from the LLM call to its first streamed token, per model (streaming calls only).'
            ),
            refIds: [LLM_SUMMARY.ttft],
            noValue: t(
              'llm-quality.no-ttft',
              'No streaming calls: time to first token is measured on streamed calls only'
            ),
          }),
          statTile({
            ...common,
            unit: 'short',
            decimals: 0,
            title: t('llm-quality.tiles.input-tokens.title', 'Input tokens per call'),
            description: t('llm-quality.tiles.input-tokens.description', 'Mean prompt tokens per LLM call, per model.'),
            refIds: [LLM_SUMMARY.inputTokens],
          }),
          statTile({
            ...common,
            unit: 'short',
            decimals: 0,
            title: t('llm-quality.tiles.output-tokens.title', 'Output tokens per call'),
            description: t(
              'llm-quality.tiles.output-tokens.description',
              'Mean completion tokens per LLM call, per model; a jump often comes with drift.'
            ),
            refIds: [LLM_SUMMARY.outputTokens],
          }),
        ],
        STAT
      ),
    ],
  });

  const trends = new SceneFlexLayout({
    direction: 'column',
    // The trend panels draw each model / prompt-template version change as an annotation.
    $data: new SceneDataTransformer({
      $data: buildLlmTrendsRunner(),
      transformations: [versionChangeAnnotationsTransform],
    }),
    children: [
      tileRow(
        [
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.hallucination-trend.title', 'Hallucination rate over time'),
            description: t(
              'llm-quality.tiles.hallucination-trend.description',
              'Share of responses the hallucination detector failed, per model. Click a line for its traces in this window.'
            ),
            refIds: [LLM_TRENDS.hallucination],
            unit: 'percentunit',
            min: 0,
            softMax: 0.05,
            max: 1,
          }),
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.schema-trend.title', 'Schema compliance over time'),
            description: t(
              'llm-quality.tiles.schema-trend.description',
              'Share of responses that passed the schema validator, per model.'
            ),
            refIds: [LLM_TRENDS.schema],
            unit: 'percentunit',
            max: 1,
          }),
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.consistency-trend.title', 'Response consistency over time'),
            description: t(
              'llm-quality.tiles.consistency-trend.description',
              'Mean similarity of repeated answers, per model.'
            ),
            refIds: [LLM_TRENDS.consistency],
            unit: 'percentunit',
            max: 1,
          }),
        ],
        TREND
      ),
      tileRow(
        [
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.latency-trend.title', 'LLM latency P95 over time'),
            description: t('llm-quality.tiles.latency-trend.description', 'P95 latency of LLM calls, per model.'),
            refIds: [LLM_TRENDS.latency],
            unit: 's',
            min: 0,
          }),
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.ttft-trend.title', 'Time to first token P95 over time'),
            description: t(
              'llm-quality.tiles.ttft-trend.description',
              'P95 time to the first streamed token, per model.'
            ),
            refIds: [LLM_TRENDS.ttft],
            unit: 's',
            min: 0,
            noValue: t(
              'llm-quality.no-ttft',
              'No streaming calls: time to first token is measured on streamed calls only'
            ),
          }),
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.cold-starts-trend.title', 'Cold starts over time'),
            description: t(
              'llm-quality.tiles.cold-starts-trend.description',
              'Share of LLM calls that hit a cold instance, per model.'
            ),
            refIds: [LLM_TRENDS.coldStarts],
            unit: 'percentunit',
            min: 0,
            // Cold starts are rare: an axis from 0 to 5% keeps a healthy flat line readable (0–100 scale otherwise,
            // or 0–10000% when every value is 0), and a burst above it still stretches the axis.
            softMax: 0.05,
          }),
          trendTile({
            ...trendCommon,
            title: t('llm-quality.tiles.tokens-trend.title', 'Tokens per call over time'),
            description: t(
              'llm-quality.tiles.tokens-trend.description',
              'Mean tokens per LLM call, per model and direction (input, output).'
            ),
            refIds: [LLM_TRENDS.tokens],
            unit: 'short',
            min: 0,
          }),
        ],
        TREND
      ),
      new SceneFlexItem({ height: 'auto', body: new VersionChangeList({}) }),
    ],
  });

  return buildPageScene({
    ctx,
    variables: LLM_QUALITY_VARIABLES,
    children: [
      new SceneFlexItem({ height: 'auto', body: summary }),
      new SceneFlexItem({ height: 'auto', body: trends }),
    ],
  });
}

export function buildLlmQualityPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('llmQuality'),
    subTitle: t(
      'llm-quality.subtitle',
      'Validator verdicts, consistency, latency, time to first token, cold starts and tokens, per model'
    ),
    url: appPath('llmQuality'),
    routePath: pageRoutePath('llmQuality'),
    getScene: () => buildLlmQualityScene(ctx),
    drilldowns: [
      {
        routePath: drilldownRoutePath(PAGE.llmQuality.path, 'llmTraces'),
        getPage: (_match, parent) => buildLlmTracesPage(ctx, parent),
      },
    ],
  });
}

/** Where a trend point's traces link lands: on to Explore, or the reason the link is not valid. */
function buildLlmTracesPage(ctx: AppContext, parent: SceneAppPageLike): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('llmTraces'),
    url: appPath('llmTraces'),
    routePath: appPath('llmTraces'),
    getParentPage: () => parent,
    getScene: () =>
      new EmbeddedScene({
        body: new SceneReactObject({
          component: PointTracesRedirect,
          props: { defaultTempoUid: ctx.settings.tempoUid },
        }),
      }),
  });
}
