import {
  FieldColorModeId,
  FieldConfigProperty,
  type FieldConfigPropertyItem,
  type StandardEditorsRegistryItem,
  ThresholdsMode,
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

/** Option editors are never shown in the harness (no panel editor), but builders look them up by id. */
const NoEditor = () => null;

const EDITOR_IDS = [
  'boolean',
  'color',
  'dashboard-uid',
  'field-name',
  'multi-select',
  'number',
  'radio',
  'select',
  'slider',
  'strings',
  'text',
  'timezone',
  'unit',
];

type Processor = FieldConfigPropertyItem['process'];

function item(
  id: FieldConfigProperty,
  process: Processor,
  extra: Partial<FieldConfigPropertyItem> = {}
): FieldConfigPropertyItem {
  return { id, path: id, name: id, editor: NoEditor, override: NoEditor, process, shouldApply: () => true, ...extra };
}

/**
 * Grafana fills these registries at start-up from its core code, which is not on npm. Without them field
 * config keys such as unit, colour, thresholds and overrides are silently dropped from every panel.
 * Call once: a registry can be initialised only once (installStaticRuntime guards that).
 */
export function registerStandardFieldConfig(): void {
  standardEditorsRegistry.setInit(() =>
    EDITOR_IDS.map((id): StandardEditorsRegistryItem => ({ id, name: id, editor: NoEditor }))
  );
  standardFieldConfigEditorRegistry.setInit(() => [
    item(FieldConfigProperty.Unit, unitOverrideProcessor),
    item(FieldConfigProperty.Min, numberOverrideProcessor),
    item(FieldConfigProperty.Max, numberOverrideProcessor),
    item(FieldConfigProperty.FieldMinMax, booleanOverrideProcessor),
    item(FieldConfigProperty.Decimals, numberOverrideProcessor),
    item(FieldConfigProperty.DisplayName, displayNameOverrideProcessor),
    item(FieldConfigProperty.NoValue, stringOverrideProcessor),
    item(FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, {
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    }),
    item(FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, { defaultValue: [] }),
    item(FieldConfigProperty.Links, dataLinksOverrideProcessor),
    item(FieldConfigProperty.Actions, identityOverrideProcessor),
    item(FieldConfigProperty.Color, identityOverrideProcessor, {
      defaultValue: { mode: FieldColorModeId.PaletteClassic },
      settings: { byValueSupport: true, bySeriesSupport: true, preferThresholdsMode: false },
    }),
    item(FieldConfigProperty.Filterable, booleanOverrideProcessor),
  ]);
}
