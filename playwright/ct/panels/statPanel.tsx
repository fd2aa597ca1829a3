import React from 'react';
import { PanelPlugin, type PanelProps } from '@grafana/data';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  useTheme2,
} from '@grafana/ui';
import { type SingleStatOptions, cellSize, singleStatValues } from './displayValues';

interface StatOptions extends SingleStatOptions {
  colorMode?: BigValueColorMode;
  graphMode?: BigValueGraphMode;
  justifyMode?: BigValueJustifyMode;
  textMode?: BigValueTextMode;
  orientation?: string;
}

function StatStandIn(props: PanelProps<StatOptions>) {
  const theme = useTheme2();
  const { options, width, height } = props;
  const graphMode = options.graphMode ?? BigValueGraphMode.Area;
  const values = singleStatValues(props, theme, graphMode !== BigValueGraphMode.None);
  const cell = cellSize(values.length, width, height, options.orientation !== 'vertical' && width >= height);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', width, height }}>
      {values.map((v, i) => (
        <BigValue
          key={`${v.name}-${i}`}
          theme={theme}
          value={v.display}
          sparkline={v.sparkline}
          width={cell.width}
          height={cell.height}
          colorMode={options.colorMode ?? BigValueColorMode.Value}
          graphMode={graphMode}
          justifyMode={options.justifyMode ?? BigValueJustifyMode.Auto}
          textMode={options.textMode ?? BigValueTextMode.Auto}
        />
      ))}
    </div>
  );
}

export const statPanel = new PanelPlugin<StatOptions>(StatStandIn).useFieldConfig();
