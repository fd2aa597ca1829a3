import React from 'react';
import { PanelPlugin, type PanelProps, cacheFieldDisplayNames } from '@grafana/data';
// Grafana's table panel draws TableNG; the legacy Table's scrollbar package does not load in the harness build.
import { TableNG } from '@grafana/ui/unstable';
import { declareCustomFieldConfig } from './fieldConfigDefaults';

/** The custom field config of Grafana's table panel, with its defaults. */
export const TABLE_CUSTOM_DEFAULTS: Record<string, unknown> = {
  align: 'auto',
  cellOptions: { type: 'auto' },
  inspect: false,
  filterable: false,
  width: undefined,
  minWidth: undefined,
  hidden: false,
  hideFrom: { viz: false },
};

interface TableOptions {
  showHeader?: boolean;
  frameIndex?: number;
}

function TableStandIn({ data, width, height, options, timeRange }: PanelProps<TableOptions>) {
  // Field overrides reset each field's cached display name; Grafana's table panel computes them again before
  // drawing, or TableNG's headers fall back to raw field names ("Value #A") and ignore the organize renames.
  cacheFieldDisplayNames(data.series);
  const frame = data.series[options.frameIndex ?? 0] ?? data.series[0];
  if (!frame || frame.length === 0) {
    return <div className="panel-empty">No data</div>;
  }
  return (
    <TableNG data={frame} width={width} height={height} noHeader={options.showHeader === false} timeRange={timeRange} />
  );
}

export const tablePanel = new PanelPlugin<TableOptions>(TableStandIn).useFieldConfig({
  useCustomConfig: (builder) => declareCustomFieldConfig(builder, TABLE_CUSTOM_DEFAULTS),
});
