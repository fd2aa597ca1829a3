import React from 'react';
import { PanelPlugin, type PanelProps, VizOrientation } from '@grafana/data';
import * as grafanaUi from '@grafana/ui';
import { BarGauge, BarGaugeDisplayMode, useTheme2 } from '@grafana/ui';
import { type SingleStatOptions, cellSize, singleStatValues } from './displayValues';

/**
 * @grafana/ui 13 no longer exports Gauge (Grafana 13's gauge panel draws a radial gauge of its own). There the
 * stand-in draws a BarGauge, which shows the same value, unit and threshold colour. Looked up through a plain
 * object: a named import, or a literal member of the namespace, would be a missing export on 13.
 */
const uiExports: Record<string, unknown> = grafanaUi;
const LegacyGauge = uiExports['Gauge'] as typeof grafanaUi.Gauge | undefined;

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
      {values.map((v, i) =>
        LegacyGauge ? (
          <LegacyGauge
            key={`${v.name}-${i}`}
            theme={theme}
            value={v.display}
            field={v.field}
            width={cell.width}
            height={cell.height}
            showThresholdMarkers={options.showThresholdMarkers ?? true}
            showThresholdLabels={options.showThresholdLabels ?? false}
          />
        ) : (
          <BarGauge
            key={`${v.name}-${i}`}
            theme={theme}
            value={v.display}
            field={v.field}
            width={cell.width}
            height={cell.height}
            orientation={VizOrientation.Horizontal}
            displayMode={BarGaugeDisplayMode.Basic}
            isOverflow={false}
          />
        )
      )}
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
