import { SceneQueryRunner } from '@grafana/scenes';
import { LABEL } from '@hybridlens/conventions';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import * as promql from '../../queries/promql';
import { keySloBudgetRemaining, keySloCurrentSli } from '../../queries/slo';

/** refIds of the Overview's two shared runners; tiles pick their slice by refId. */
export const SUMMARY = {
  keyBudget: 'keyBudget',
  keySli: 'keySli',
  rps: 'rps',
  errorRatio: 'errorRatio',
  p95: 'p95',
  spend: 'spend',
  fallbacks: 'fallbacks',
  alerts: 'alerts',
} as const;

export const TRENDS = {
  byOutcome: 'byOutcome',
  errorRatio: 'errorRatioTrend',
  p95: 'p95Trend',
  quantumSuccess: 'quantumSuccess',
  fallbackRate: 'fallbackRate',
} as const;

const legend = (label: string) => `{{${label}}}`;

/** One request for every number the Overview shows as a single value (instant queries over the range). */
export function buildSummaryRunner(): SceneQueryRunner {
  const instant = { instant: true, range: false };
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: SUMMARY.keyBudget, expr: keySloBudgetRemaining(), legendFormat: legend(LABEL.slo), ...instant },
      { refId: SUMMARY.keySli, expr: keySloCurrentSli(), legendFormat: legend(LABEL.slo), ...instant },
      { refId: SUMMARY.rps, expr: promql.requestRateOverRange(), legendFormat: 'requests/s', ...instant },
      { refId: SUMMARY.errorRatio, expr: promql.errorRatioOverRange(), legendFormat: 'error rate', ...instant },
      { refId: SUMMARY.p95, expr: promql.p95LatencyOverRange(), legendFormat: 'P95', ...instant },
      { refId: SUMMARY.spend, expr: promql.quantumSpendOverRange(), legendFormat: legend(LABEL.provider), ...instant },
      { refId: SUMMARY.fallbacks, expr: promql.fallbacksOverRange(), legendFormat: 'fallbacks', ...instant },
      { refId: SUMMARY.alerts, expr: promql.firingAlerts(), ...instant },
    ],
  });
}

/** One request for every trend line of the Overview. */
export function buildTrendsRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: TRENDS.byOutcome, expr: promql.requestRateByOutcome(), legendFormat: legend(LABEL.outcome) },
      { refId: TRENDS.errorRatio, expr: promql.errorRatio(), legendFormat: 'error rate' },
      { refId: TRENDS.p95, expr: promql.p95Latency(), legendFormat: 'P95' },
      { refId: TRENDS.quantumSuccess, expr: promql.quantumSuccessByProvider(), legendFormat: legend(LABEL.provider) },
      {
        refId: TRENDS.fallbackRate,
        expr: promql.fallbackRate(),
        legendFormat: `${legend(LABEL.toPath)} ${legend(LABEL.outcome)}`,
      },
    ],
  });
}
