import { PanelBuilders, type VizPanel } from '@grafana/scenes';
import { FieldColorModeId, ThresholdsMode, type DataLink, type ThresholdsConfig } from '@grafana/data';
import { BigValueColorMode, BigValueGraphMode, BigValueTextMode, GraphThresholdsStyleMode } from '@grafana/schema';
import { sliceOf } from '../app/dataSlices';
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
  /** Per-value links (e.g. one SLO per value). */
  dataLinks?: DataLink[];
  thresholds?: ThresholdsConfig;
  decimals?: number;
  /** Lower end of the value axis / scale, e.g. 0 so a threshold line stays in view. */
  min?: number;
  noValue?: string;
}

export function thresholds(base: string, steps: Array<[number, string]>): ThresholdsConfig {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [{ value: -Infinity, color: base }, ...steps.map(([value, color]) => ({ value, color }))],
  };
}

export function statTile(o: TileOptions): VizPanel {
  const builder = PanelBuilders.stat()
    .setTitle(o.title)
    .setDescription(o.description)
    .setData(sliceOf(...o.refIds))
    .setUnit(o.unit)
    .setNoValue(o.noValue ?? 'No data')
    .setOption('colorMode', BigValueColorMode.Value)
    .setOption('graphMode', BigValueGraphMode.None)
    .setOption('textMode', BigValueTextMode.ValueAndName)
    .setHeaderActions(new TileLink(o.open));
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

export function trendTile(o: TileOptions): VizPanel {
  const builder = PanelBuilders.timeseries()
    .setTitle(o.title)
    .setDescription(o.description)
    .setData(sliceOf(...o.refIds))
    .setUnit(o.unit)
    .setNoValue(o.noValue ?? 'No data')
    .setHeaderActions(new TileLink(o.open));
  if (o.decimals !== undefined) {
    builder.setDecimals(o.decimals);
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
