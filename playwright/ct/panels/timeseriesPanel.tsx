import React, { useRef } from 'react';
import { type DataFrame, FieldType, PanelPlugin, type PanelProps, getFieldDisplayName } from '@grafana/data';
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
import { harnessTestIds } from '../runtime/harnessTestIds';
import { type AxisLabels, recordAxisLabels } from './axisLabels';
import { AnnotationMarkers } from './annotationMarkers';

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
/**
 * The name of each series as Grafana's panel shows it in its legend and tooltip (overrides such as `displayName`
 * applied), as JSON in `data-series` of `harnessTestIds.timeseries`: the bundled dashboards hide their legends
 * and uPlot draws on canvas, so a test reads the names there.
 */
function seriesNames(frames: DataFrame[]): string[] {
  return frames.flatMap((frame) =>
    frame.fields.filter((f) => f.type !== FieldType.time).map((f) => getFieldDisplayName(f, frame, frames))
  );
}

export function graphableFrames(series: DataFrame[]): DataFrame[] {
  return series.filter(
    (f) => f.fields.some((x) => x.type === FieldType.time) && f.fields.some((x) => x.type === FieldType.number)
  );
}

function TimeSeriesStandIn(props: PanelProps<TimeSeriesOptions>) {
  const { data, width, height, timeZone, timeRange, options, fieldConfig } = props;
  const axes = useRef<HTMLDivElement>(null);
  const frames = graphableFrames(data.series);
  if (frames.length === 0) {
    // Grafana's panel shows the field config's "No value" text when there is nothing to draw.
    return <div className="panel-empty">{fieldConfig.defaults.noValue ?? 'No data'}</div>;
  }
  const legend: VizLegendOptions = {
    showLegend: true,
    displayMode: LegendDisplayMode.List,
    placement: 'bottom',
    calcs: [],
    ...options.legend,
  };
  return (
    <div ref={axes} data-testid={harnessTestIds.timeseries} data-series={JSON.stringify(seriesNames(frames))}>
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
        {(config) => {
          recordAxisLabels(config, (labels: AxisLabels) => {
            if (axes.current) {
              axes.current.dataset.axes = JSON.stringify(labels);
            }
          });
          return <AnnotationMarkers config={config} annotations={data.annotations} timeRange={timeRange} />;
        }}
      </TimeSeries>
    </div>
  );
}

// Grafana's time series panel declares annotation support; without it Scenes drops `data.annotations` before the
// panel sees them.
export const timeseriesPanel = new PanelPlugin<TimeSeriesOptions>(TimeSeriesStandIn)
  .useFieldConfig({
    useCustomConfig: (builder) => declareCustomFieldConfig(builder, TIMESERIES_CUSTOM_DEFAULTS),
  })
  .setDataSupport({ annotations: true, alertStates: true });
