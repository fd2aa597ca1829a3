import type { DataTransformerConfig } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import {
  EmbeddedScene,
  SceneControlsSpacer,
  SceneDataTransformer,
  SceneGridItem,
  SceneGridLayout,
  SceneGridRow,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VariableValueSelectors,
  VizPanel,
} from '@grafana/scenes';
import { type DashboardJson, type PanelJson, type RowPanelJson, isRow } from './dashboardJson';
import { PanelLinks } from './PanelLinks';
import { checkPanelTypes } from './supportedPanels';
import { dashboardVariables } from './variables';

export interface LoadOptions {
  /**
   * Open collapsed rows, so every panel renders and queries (Grafana leaves a collapsed row's panels
   * unloaded until it is opened).
   */
  expandRows?: boolean;
  /** Time range to open at instead of the dashboard's default (as `?from=&to=` would). */
  time?: { from: string; to: string };
}

const DEFAULT_GRID = { x: 0, y: 0, w: 24, h: 8 };

function panelData(panel: PanelJson): SceneQueryRunner | SceneDataTransformer | undefined {
  // Grafana gives a target without a refId the next letter; the generated dashboards always set one.
  const targets: DataQuery[] = (panel.targets ?? []).map((t, i) => ({
    ...t,
    refId: typeof t.refId === 'string' ? t.refId : String.fromCharCode(65 + i),
  }));
  if (targets.length === 0) {
    return undefined;
  }
  const runner = new SceneQueryRunner({
    datasource: panel.datasource,
    queries: targets,
    maxDataPoints: panel.maxDataPoints ?? undefined,
    minInterval: panel.interval ?? undefined,
  });
  const transformations = (panel.transformations ?? []).map(
    ({ id, options, disabled, filter }): DataTransformerConfig => ({ id, options, disabled, filter })
  );
  return transformations.length > 0 ? new SceneDataTransformer({ $data: runner, transformations }) : runner;
}

function vizPanel(panel: PanelJson): VizPanel {
  const links = panel.links ?? [];
  return new VizPanel({
    key: `panel-${panel.id}`,
    pluginId: panel.type,
    title: panel.title ?? '',
    description: panel.description,
    options: (panel.options ?? {}) as Record<string, unknown>,
    fieldConfig: {
      defaults: panel.fieldConfig?.defaults ?? {},
      overrides: panel.fieldConfig?.overrides ?? [],
    } as VizPanel['state']['fieldConfig'],
    displayMode: panel.transparent ? 'transparent' : 'default',
    // A text panel without a title gets no empty header bar, as in Grafana.
    hoverHeader: !panel.title,
    $data: panelData(panel),
    titleItems: links.length > 0 ? [new PanelLinks({ links })] : undefined,
  });
}

function gridItem(panel: PanelJson): SceneGridItem {
  const { x, y, w, h } = { ...DEFAULT_GRID, ...panel.gridPos };
  return new SceneGridItem({
    key: `grid-item-${panel.id}`,
    x,
    y,
    width: w,
    height: h,
    isDraggable: false,
    isResizable: false,
    body: vizPanel(panel),
  });
}

function gridRow(row: RowPanelJson, following: PanelJson[], options: LoadOptions): SceneGridRow {
  // Grafana keeps a collapsed row's panels inside it and an open row's after it, up to the next row.
  const panels = row.collapsed ? row.panels : following;
  return new SceneGridRow({
    key: `row-${row.id}`,
    title: row.title ?? '',
    y: row.gridPos?.y ?? 0,
    isCollapsible: true,
    isCollapsed: options.expandRows ? false : (row.collapsed ?? false),
    isDraggable: false,
    children: panels.map(gridItem),
  });
}

/** Top-level panels before the first row stay on the grid; the others belong to the row above them. */
function gridChildren(
  panels: Array<PanelJson | RowPanelJson>,
  options: LoadOptions
): Array<SceneGridItem | SceneGridRow> {
  const children: Array<SceneGridItem | SceneGridRow> = [];
  panels.forEach((panel, i) => {
    if (isRow(panel)) {
      const next = panels.findIndex((p, j) => j > i && isRow(p));
      const following = panels.slice(i + 1, next === -1 ? undefined : next) as PanelJson[];
      children.push(gridRow(panel, panel.collapsed ? [] : following, options));
    } else if (!panels.slice(0, i).some(isRow)) {
      children.push(gridItem(panel));
    }
  });
  return children;
}

/**
 * A generated dashboard JSON as a Scenes scene: its variables, default time range, and a grid of VizPanels
 * from `gridPos`, each with its own query runner (targets, datasource, min interval) and transformations.
 * Throws, naming the panel, for a panel type the harness cannot draw. Annotations are not loaded.
 */
export function loadDashboard(dashboard: DashboardJson, options: LoadOptions = {}): EmbeddedScene {
  checkPanelTypes(dashboard);
  const time = options.time ?? dashboard.time ?? { from: 'now-6h', to: 'now' };
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: time.from, to: time.to, timeZone: dashboard.timezone || 'browser' }),
    $variables: dashboardVariables(dashboard),
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({ isOnCanvas: true }),
      new SceneRefreshPicker({ isOnCanvas: true }),
    ],
    body: new SceneGridLayout({
      isDraggable: false,
      isResizable: false,
      isLazy: false,
      children: gridChildren(dashboard.panels ?? [], options),
    }),
  });
}
