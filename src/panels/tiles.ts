import { PanelBuilders, type VizPanel } from '@grafana/scenes';
import { FieldColorModeId, ThresholdsMode, type DataLink, type ThresholdsConfig } from '@grafana/data';
import { BigValueColorMode, BigValueGraphMode, BigValueTextMode, GraphThresholdsStyleMode } from '@grafana/schema';
import { sliceOf } from '../app/dataSlices';
import type { FilterVariable } from '../queries/filters';
import { FilterScope, filterScopeDescription } from './FilterScope';
import { TileLink, type TileLinkState } from './TileLink';

/** Panel builders: one function per tile kind, so every page's tiles look and link alike. */

export interface TileOptions {
  title: string;
  description: string;
  /** Which queries of the shared runner this tile shows. */
  refIds: string[];
  unit: string;
  /** The tile's drilldown, shown in its header. */
  open: Omit<TileLinkState, 'key'>;
  /**
   * On pages with filters: the filters this tile's queries apply. The description says which, and the header
   * says when an active filter does not apply.
   */
  filters?: readonly FilterVariable[];
  /** Per-value links (e.g. one SLO per value). */
  dataLinks?: DataLink[];
  thresholds?: ThresholdsConfig;
  decimals?: number;
  /** Fixed lower end of the value axis, e.g. 0 so a threshold line stays in view. */
  min?: number;
  /** Upper limit of the value axis: it never goes past it (the axis still fits the data below it). */
  max?: number;
  /** The value axis shows at least up to this, more only when the data needs it. */
  softMax?: number;
  noValue?: string;
}

export function thresholds(base: string, steps: Array<[number, string]>): ThresholdsConfig {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [{ value: -Infinity, color: base }, ...steps.map(([value, color]) => ({ value, color }))],
  };
}

function description(o: TileOptions): string {
  return o.filters ? `${o.description} ${filterScopeDescription(o.filters)}` : o.description;
}

function headerActions(o: TileOptions) {
  const link = new TileLink(o.open);
  return o.filters ? [new FilterScope({ answersTo: o.filters }), link] : [link];
}

export function statTile(o: TileOptions): VizPanel {
  const builder = PanelBuilders.stat()
    .setTitle(o.title)
    .setDescription(description(o))
    .setData(sliceOf(...o.refIds))
    .setUnit(o.unit)
    .setOption('colorMode', BigValueColorMode.Value)
    .setOption('graphMode', BigValueGraphMode.None)
    .setOption('textMode', BigValueTextMode.ValueAndName)
    .setHeaderActions(headerActions(o));
  if (o.noValue !== undefined) {
    builder.setNoValue(o.noValue);
  }
  if (o.decimals !== undefined) {
    builder.setDecimals(o.decimals);
  }
  // Colour means status only where a tile has thresholds; elsewhere a rainbow would suggest one.
  if (o.thresholds) {
    builder.setThresholds(o.thresholds).setColor({ mode: FieldColorModeId.Thresholds });
  } else {
    builder.setColor({ mode: FieldColorModeId.Fixed, fixedColor: 'text' });
  }
  if (o.dataLinks) {
    builder.setLinks(o.dataLinks);
  }
  return builder.build();
}

/**
 * Soft max for charts of gate and readout errors: 0.01 %, under the best 1q errors published (about 0.02 %). It only
 * matters for a range of zeros (auto-ranged to 0–10,000 %) and never flattens the drift such a chart is for.
 */
export const ERROR_AXIS_FLOOR = 1e-4;

export function trendTile(o: TileOptions): VizPanel {
  const builder = PanelBuilders.timeseries()
    .setTitle(o.title)
    .setDescription(description(o))
    .setData(sliceOf(...o.refIds))
    .setUnit(o.unit)
    .setHeaderActions(headerActions(o));
  if (o.noValue !== undefined) {
    builder.setNoValue(o.noValue);
  }
  if (o.decimals !== undefined) {
    builder.setDecimals(o.decimals);
  }
  if (o.min !== undefined) {
    builder.setMin(o.min);
  }
  if (o.max !== undefined) {
    builder.setMax(o.max);
  }
  if (o.softMax !== undefined) {
    builder.setCustomFieldConfig('axisSoftMax', o.softMax);
  }
  if (o.thresholds) {
    builder
      .setThresholds(o.thresholds)
      .setCustomFieldConfig('thresholdsStyle', { mode: GraphThresholdsStyleMode.Line });
  }
  if (o.dataLinks) {
    builder.setLinks(o.dataLinks);
  }
  return builder.build();
}
