import type { Plugin } from 'vite';

/**
 * @grafana/runtime's PluginPage is a bare <div> until Grafana calls its (unexported) setPluginPage with the
 * real page chrome. Swap the module for a stand-in that renders the title, subtitle, tabs and actions.
 */
export function pluginPageStandIn(standInFile: string): Plugin {
  return {
    name: 'hybridlens:plugin-page-stand-in',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        importer &&
        /[\\/]@grafana[\\/]runtime[\\/]/.test(importer) &&
        /(^|\/)components\/PluginPage(\.mjs)?$/.test(source)
      ) {
        return standInFile;
      }
      return null;
    },
  };
}
