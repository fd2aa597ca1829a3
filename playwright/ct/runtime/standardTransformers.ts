import { type TransformerRegistryItem, standardTransformers, standardTransformersRegistry } from '@grafana/data';

/** Transformation editors are never shown in the harness (no panel editor). */
const NoEditor = () => null;

/**
 * Grafana fills the transformer registry at start-up from its core code (with editors that are not on npm);
 * without it a panel's transformations (merge, organize, sortBy...) fail as "not found". The operators
 * themselves are @grafana/data's. Call once: a registry can be initialised only once.
 */
export function registerStandardTransformers(): void {
  standardTransformersRegistry.setInit(() =>
    // Some operators are listed under two names (seriesToColumns is joinByField): one entry per id.
    [...new Map(Object.values(standardTransformers).map((t) => [t.id, t])).values()].map(
      (transformation): TransformerRegistryItem => ({
        id: transformation.id,
        name: transformation.name,
        description: transformation.description,
        transformation,
        editor: NoEditor,
        imageDark: '',
        imageLight: '',
      })
    )
  );
}
