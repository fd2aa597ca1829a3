import {
  type DataTransformerInfo,
  type TransformerRegistryItem,
  standardTransformers,
  standardTransformersRegistry,
} from '@grafana/data';

/** Transformation editors are never shown in the harness (no panel editor). */
const NoEditor = () => null;

/**
 * A registry entry's `transformation` for both runtimes: @grafana/data 12.4 reads it as the transformer itself
 * (`transformation.operator`), 13.2 calls it as a loader (`transformation()` → promise of the transformer).
 * One value serves both: the loader function carrying the transformer's own properties.
 */
function loaderAndTransformer(info: DataTransformerInfo): DataTransformerInfo {
  const load = () => Promise.resolve(info);
  // defineProperties, not assign: a function's own `name` is read-only to assignment.
  return Object.defineProperties(load, Object.getOwnPropertyDescriptors(info)) as unknown as DataTransformerInfo;
}

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
        transformation: loaderAndTransformer(transformation),
        // 13.2 reads these from the entry rather than from the resolved transformer.
        ...{ defaultOptions: transformation.defaultOptions, isApplicable: transformation.isApplicable },
        editor: NoEditor,
        imageDark: '',
        imageLight: '',
      })
    )
  );
}
