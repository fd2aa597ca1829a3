import { type PanelPlugin, PluginType } from '@grafana/data';
import { barGaugePanel, gaugePanel } from './gaugePanels';
import { statPanel } from './statPanel';
import { tablePanel } from './tablePanel';
import { textPanel } from './textPanel';
import { timeseriesPanel } from './timeseriesPanel';
import { tracesPanel } from './tracesPanel';

/** Grafana's core panel ids → stand-ins that render @grafana/ui's own visual components. */
const STAND_INS: Record<string, PanelPlugin> = {
  timeseries: timeseriesPanel,
  stat: statPanel,
  gauge: gaugePanel,
  bargauge: barGaugePanel,
  table: tablePanel,
  text: textPanel,
  traces: tracesPanel,
};

for (const [id, plugin] of Object.entries(STAND_INS)) {
  // VizPanel reads the id and name from meta; Grafana sets them from plugin.json when it loads a panel.
  plugin.meta = {
    ...plugin.meta,
    id,
    name: `${id} (harness stand-in)`,
    type: PluginType.panel,
    module: '',
    baseUrl: '',
    sort: 0,
    info: {
      author: { name: 'harness' },
      description: '',
      links: [],
      logos: { small: '', large: '' },
      screenshots: [],
      updated: '',
      version: '12.4.2',
    },
  };
}

export const STAND_IN_PANEL_IDS: readonly string[] = Object.keys(STAND_INS);

export function getPanelPluginFromCache(id: string): PanelPlugin | undefined {
  return STAND_INS[id];
}

/** A panel id without a stand-in is a harness gap, reported by name instead of rendering nothing. */
export async function importPanelPlugin(id: string): Promise<PanelPlugin> {
  const plugin = STAND_INS[id];
  if (!plugin) {
    throw new Error(
      `Panel plugin "${id}" has no stand-in in the page harness (have: ${STAND_IN_PANEL_IDS.join(', ')}); add one in playwright/ct/panels/`
    );
  }
  return plugin;
}
