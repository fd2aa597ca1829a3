import { LABEL, QUANTUM_PROVIDER_NAME } from '@hybridlens/conventions';
import {
  type DynamicConfigValue,
  type MatcherConfig,
  MappingType,
  type Panel,
  type ValueMapping,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { ClassicDashboard } from '../classicDashboard';

/**
 * Dashboards show providers by the names the app shows (the contract's `QUANTUM_PROVIDER_NAME`), never by their
 * `provider` label values: a value mapping where a provider is a table cell, a display-name override where it is
 * part of a series name (legends, tooltips, bar gauge labels). Both are generated from the contract's list, so a
 * provider added to the contract is named on every dashboard without a name typed here.
 */
export function providerNameMapping(): ValueMapping {
  return {
    type: MappingType.ValueToText,
    options: Object.fromEntries(
      Object.entries(QUANTUM_PROVIDER_NAME).map(([id, name], index) => [id, { text: name, index }])
    ),
  };
}

/** The table column override that shows a column of provider ids by name. */
export function providerNameColumn(): DynamicConfigValue[] {
  return [{ id: 'mappings', value: [providerNameMapping()] }];
}

export interface FieldOverride {
  matcher: MatcherConfig;
  properties: DynamicConfigValue[];
}

const PROVIDER_PLACEHOLDER = `{{${LABEL.provider}}}`;
const LEGEND_LABEL = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Display-name overrides for the series of a query whose legend names the provider (`{{provider}} / {{backend}}`):
 * for each provider, the series whose legend reads with that id are renamed to the same legend with the provider's
 * name, the other labels kept (`${__field.labels.backend}`). Grafana matches `byRegexp` against the legend's text
 * before the override applies, so the pattern is the legend with the id in place and any text for other labels.
 */
export function providerDisplayNameOverrides(legend: string): FieldOverride[] {
  if (!legend.includes(PROVIDER_PLACEHOLDER)) {
    return [];
  }
  return Object.entries(QUANTUM_PROVIDER_NAME).map(([id, name]) => {
    const pattern = legend
      .split(LEGEND_LABEL)
      .map((part, i) => {
        if (i % 2 === 0) {
          return escapeRegExp(part);
        }
        return part === LABEL.provider ? escapeRegExp(id) : '.*';
      })
      .join('');
    const displayName = legend.replace(LEGEND_LABEL, (_match, label: string) =>
      label === LABEL.provider ? name : `\${__field.labels.${label}}`
    );
    return {
      matcher: { id: 'byRegexp', options: `/^${pattern}$/` },
      properties: [{ id: 'displayName', value: displayName }],
    };
  });
}

const legendsOf = (panel: Panel): string[] =>
  (panel.targets ?? []).flatMap((target) => {
    const legend = (target as { legendFormat?: unknown }).legendFormat;
    return typeof legend === 'string' ? [legend] : [];
  });

/** The column a table shows the `provider` label in: its organize rename, or the label itself. */
function providerColumnOf(panel: Panel): string | undefined {
  if (panel.type !== 'table') {
    return undefined;
  }
  const renames = panel.transformations
    ?.filter((transformation) => transformation.id === 'organize')
    .map((organize) => (organize.options as { renameByName?: Record<string, string> }).renameByName ?? {});
  const excluded = panel.transformations?.some(
    (transformation) =>
      transformation.id === 'organize' &&
      (transformation.options as { excludeByName?: Record<string, boolean> }).excludeByName?.[LABEL.provider]
  );
  if (excluded) {
    return undefined;
  }
  return renames?.map((rename) => rename[LABEL.provider]).find(Boolean) ?? LABEL.provider;
}

function withProviderNamesOnPanel(panel: Panel): Panel {
  const overrides: FieldOverride[] = legendsOf(panel).flatMap(providerDisplayNameOverrides);
  const column = providerColumnOf(panel);
  if (column) {
    overrides.push({ matcher: { id: 'byName', options: column }, properties: providerNameColumn() });
  }
  if (overrides.length === 0) {
    return panel;
  }
  const fieldConfig = panel.fieldConfig ?? { defaults: {}, overrides: [] };
  return { ...panel, fieldConfig: { ...fieldConfig, overrides: [...fieldConfig.overrides, ...overrides] } };
}

/**
 * Every panel of a dashboard with providers by name: applied to the whole dashboard when it is built, so no panel
 * that shows a provider can be left out (a legend with `{{provider}}`, a table column of the `provider` label).
 */
export function withProviderNames(dashboard: ClassicDashboard): ClassicDashboard {
  const panels = (dashboard.panels ?? []).map((panel) =>
    panel.type === 'row' && 'panels' in panel
      ? { ...panel, panels: panel.panels.map(withProviderNamesOnPanel) }
      : withProviderNamesOnPanel(panel as Panel)
  );
  return { ...dashboard, panels };
}
