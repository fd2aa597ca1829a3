import React from 'react';
import { type DataFrame, FieldType, PanelPlugin, type PanelProps } from '@grafana/data';
import {
  AxisPlacement,
  BarAlignment,
  DrawStyle,
  GraphGradientMode,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LineInterpolation,
  PointVisibility,
  ScaleDistribution,
  StackingMode,
  TimeSeries,
  type VizLegendOptions,
} from '@grafana/ui';
import { declareCustomFieldConfig } from './fieldConfigDefaults';

/** The custom field config of Grafana's time series panel, with its defaults. */
export const TIMESERIES_CUSTOM_DEFAULTS: Record<string, unknown> = {
  drawStyle: DrawStyle.Line,
  lineInterpolation: LineInterpolation.Linear,
  lineWidth: 1,
  lineStyle: { fill: 'solid' },
  fillOpacity: 0,
  gradientMode: GraphGradientMode.None,
  fillBelowTo: undefined,
  spanNulls: false,
  insertNulls: false,
  showPoints: PointVisibility.Auto,
  pointSize: 5,
  stacking: { mode: StackingMode.None, group: 'A' },
  axisPlacement: AxisPlacement.Auto,
  axisLabel: '',
  axisWidth: undefined,
  axisSoftMin: undefined,
  axisSoftMax: undefined,
  axisGridShow: undefined,
  axisCenteredZero: false,
  axisColorMode: 'text',
  axisBorderShow: false,
  scaleDistribution: { type: ScaleDistribution.Linear },
  barAlignment: BarAlignment.Center,
  barWidthFactor: 0.6,
  thresholdsStyle: { mode: GraphThresholdsStyleMode.Off },
  hideFrom: { legend: false, tooltip: false, viz: false },
  transform: undefined,
  showValues: false,
};

interface TimeSeriesOptions {
  legend?: Partial<VizLegendOptions>;
}

/** Frames the graph can draw: a time field and at least one number field (what Grafana's panel checks too). */
export function graphableFrames(series: DataFrame[]): DataFrame[] {
  return series.filter(
    (f) => f.fields.some((x) => x.type === FieldType.time) && f.fields.some((x) => x.type === FieldType.number)
  );
}

function TimeSeriesStandIn({ data, width, height, timeZone, timeRange, options }: PanelProps<TimeSeriesOptions>) {
  const frames = graphableFrames(data.series);
  if (frames.length === 0) {
    return <div className="panel-empty">No data</div>;
  }
  const legend: VizLegendOptions = {
    showLegend: true,
    displayMode: LegendDisplayMode.List,
    placement: 'bottom',
    calcs: [],
    ...options.legend,
  };
  return (
    <TimeSeries
      frames={frames}
      structureRev={data.structureRev}
      width={width}
      height={height}
      timeRange={timeRange}
      timeZone={timeZone}
      legend={legend}
      options={options}
    >
      {() => null}
    </TimeSeries>
  );
}

export const timeseriesPanel = new PanelPlugin<TimeSeriesOptions>(TimeSeriesStandIn).useFieldConfig({
  useCustomConfig: (builder) => declareCustomFieldConfig(builder, TIMESERIES_CUSTOM_DEFAULTS),
});
