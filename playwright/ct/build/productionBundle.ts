import type { Plugin } from 'vite';

/**
 * Playwright's component testing builds the harness without tree shaking or minification (and with source
 * maps), so every page load parses and runs all of @grafana/ui, Scenes and Monaco's entry modules. This puts
 * back what a production build does, after Playwright's own settings are applied.
 */
export function productionBundle(): Plugin {
  return {
    name: 'hybridlens:production-bundle',
    enforce: 'post',
    config() {
      return {
        build: {
          minify: process.env.HL_CT_MINIFY === '0' ? false : true,
          sourcemap: false,
          rollupOptions: { treeshake: process.env.HL_CT_TREESHAKE === '0' ? false : true },
        },
      };
    },
  };
}
