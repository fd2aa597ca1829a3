import React from 'react';
import { PanelPlugin, type PanelProps, VizOrientation } from '@grafana/data';
import { BarGauge, BarGaugeDisplayMode, Gauge, useTheme2 } from '@grafana/ui';
import { type SingleStatOptions, cellSize, singleStatValues } from './displayValues';

interface GaugeOptions extends SingleStatOptions {
  showThresholdMarkers?: boolean;
  showThresholdLabels?: boolean;
  orientation?: VizOrientation;
}

function GaugeStandIn(props: PanelProps<GaugeOptions>) {
  const theme = useTheme2();
  const { options, width, height } = props;
  const values = singleStatValues(props, theme, false);
  const cell = cellSize(values.length, width, height, width >= height);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', width, height }}>
      {values.map((v, i) => (
        <Gauge
          key={`${v.name}-${i}`}
          theme={theme}
          value={v.display}
          field={v.field}
          width={cell.width}
          height={cell.height}
          showThresholdMarkers={options.showThresholdMarkers ?? true}
          showThresholdLabels={options.showThresholdLabels ?? false}
        />
      ))}
    </div>
  );
}

interface BarGaugeOptions extends SingleStatOptions {
  displayMode?: BarGaugeDisplayMode;
  orientation?: VizOrientation;
  showUnfilled?: boolean;
}

function BarGaugeStandIn(props: PanelProps<BarGaugeOptions>) {
  const theme = useTheme2();
  const { options, width, height } = props;
  const values = singleStatValues(props, theme, false);
  const orientation =
    options.orientation === VizOrientation.Vertical ? VizOrientation.Vertical : VizOrientation.Horizontal;
  const cell = cellSize(values.length, width, height, orientation === VizOrientation.Vertical);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: orientation === VizOrientation.Vertical ? 'row' : 'column',
        width,
        height,
      }}
    >
      {values.map((v, i) => (
        <BarGauge
          key={`${v.name}-${i}`}
          theme={theme}
          value={v.display}
          field={v.field}
          width={cell.width}
          height={cell.height}
          orientation={orientation}
          displayMode={options.displayMode ?? BarGaugeDisplayMode.Gradient}
          showUnfilled={options.showUnfilled ?? true}
          isOverflow={false}
        />
      ))}
    </div>
  );
}

export const gaugePanel = new PanelPlugin<GaugeOptions>(GaugeStandIn).useFieldConfig();
export const barGaugePanel = new PanelPlugin<BarGaugeOptions>(BarGaugeStandIn).useFieldConfig();
