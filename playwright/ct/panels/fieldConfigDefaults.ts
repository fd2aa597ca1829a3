import { type FieldConfigEditorBuilder, identityOverrideProcessor } from '@grafana/data';

const NoEditor = () => null;

/**
 * Declare a panel's `custom.*` field-config keys with their defaults. Keys a plugin does not declare are
 * removed from every panel's field config before rendering, exactly as in Grafana.
 */
export function declareCustomFieldConfig(
  builder: FieldConfigEditorBuilder<Record<string, unknown>>,
  defaults: Record<string, unknown>
): void {
  for (const [path, defaultValue] of Object.entries(defaults)) {
    builder.addCustomEditor({
      // The registry prefixes custom ids with `custom.` itself; a prefixed id here would register
      // `custom.custom.<key>`, and Grafana would then drop `custom.<key>` from the panel as undeclared.
      id: path,
      path,
      name: path,
      editor: NoEditor,
      override: NoEditor,
      process: identityOverrideProcessor,
      shouldApply: () => true,
      defaultValue,
    });
  }
}
