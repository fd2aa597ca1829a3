import { PanelBuilders, SceneDataTransformer, SceneFlexItem, SceneFlexLayout, SceneQueryRunner } from '@grafana/scenes';
import { CALIBRATION_QUANTITY, type CalibrationQuantity } from '@hybridlens/conventions';
import { ERROR_AXIS_FLOOR } from '../../panels/tiles';
import { sliceOf } from '../../app/dataSlices';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { t } from '../../i18n';
import type { BackendRef } from '../../queries/calibration';
import { calibrationAnnotations } from './calibrationEvents';
import { type TrendSeries, medianTrendQueries, trendRefId } from './medianTrendQueries';
import { quantityInPhrase } from './quantityLabels';

const TIMES: readonly CalibrationQuantity[] = [CALIBRATION_QUANTITY.t1, CALIBRATION_QUANTITY.t2];

function legend(series: TrendSeries): string {
  return series === 'median'
    ? t('provider-detail.trend.median', 'Median')
    : t('provider-detail.trend.median-7d', 'Rolling 7-day median');
}

/** One range runner for the five charts: each line's refId names its quantity and series. */
export function buildMedianTrendRunner(b: BackendRef): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(medianTrendQueries(b)).map(([refId, expr]) => ({
      refId,
      expr,
      range: true,
      instant: false,
      legendFormat: legend(refId.endsWith(':median7d') ? 'median7d' : 'median'),
    })),
  });
}

function trendChart(quantity: CalibrationQuantity) {
  return (
    PanelBuilders.timeseries()
      .setTitle(t('provider-detail.trend.title', 'Median {{metric}} over time', { metric: quantityInPhrase(quantity) }))
      .setDescription(
        t(
          'provider-detail.trend.description',
          'The backend median in force at each moment of the range, beside its rolling 7-day median (recorded by the calibration drift rules). A median that leaves its 7-day line has drifted.'
        )
      )
      .setData(sliceOf(trendRefId(quantity, 'median'), trendRefId(quantity, 'median7d')))
      .setUnit(TIMES.includes(quantity) ? 's' : 'percentunit')
      // Only for a range of zeros (which auto-ranges to 0–10,000 %): below every real gate or readout error, so
      // it never flattens the drift the chart is for.
      .setCustomFieldConfig('axisSoftMax', TIMES.includes(quantity) ? undefined : ERROR_AXIS_FLOOR)
      .setNoValue(t('provider-detail.trend.no-value', 'No calibration of this quantity in the range'))
      .build()
  );
}

/** Drift of each backend median over the dashboard range (weeks when the range is weeks). */
export function buildMedianTrends(b: BackendRef): SceneFlexLayout {
  return new SceneFlexLayout({
    direction: 'row',
    wrap: 'wrap',
    $data: new SceneDataTransformer({ $data: buildMedianTrendRunner(b), transformations: [calibrationAnnotations] }),
    children: Object.values(CALIBRATION_QUANTITY).map(
      (q) => new SceneFlexItem({ body: trendChart(q), height: 240, minWidth: 360 })
    ),
  });
}
