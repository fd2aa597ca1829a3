import type { Plugin } from 'vite';

/**
 * Playwright's component testing builds the harness without tree shaking (and with source maps), so every page
 * load parsed and ran the entry modules of all of @grafana/ui, Scenes and Monaco. This puts tree shaking back,
 * after Playwright's own settings are applied. Not minified: React's messages name components (the error
 * boundaries the failure specs read), and minified names would not be the source's.
 */
export function productionBundle(): Plugin {
  return {
    name: 'hybridlens:tree-shaken-bundle',
    enforce: 'post',
    config() {
      return { build: { sourcemap: false, rollupOptions: { treeshake: true } } };
    },
  };
}
