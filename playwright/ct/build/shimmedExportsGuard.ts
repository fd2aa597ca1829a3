import type { Plugin, Rollup } from 'vite';

/**
 * Names @grafana/plugin-compat (via @grafana/runtime and @grafana/scenes) probes for in newer Grafana versions.
 * They do not exist in the pinned packages, so the bundler must shim them as `undefined`. Any other missing
 * export is a real broken import and fails the build.
 */
export const EXPECTED_SHIMMED_EXPORTS: readonly string[] = [
  'getDataSourceInstance',
  'getDataSourceInstanceList',
  'getDataSourceInstanceSettings',
  'getDefaultDataSourceInstanceListItem',
  'registerRuntimeDataSourceInstance',
  'useDataSourceInstance',
  'useDefaultDataSourceInstanceListItem',
  // @grafana/runtime 12.x has no logger registry: runtime/loggerRegistry.ts looks it up by name, which Vite 8's
  // bundler (the preview's build) still resolves as a named import and shims as undefined, as intended.
  'initializeLoggersRegistry',
  // @grafana/ui 13 has no Gauge: the harness' gauge panel (panels/gaugePanels.tsx) looks it up on the namespace and
  // falls back to a BarGauge; a tree-shaken build resolves that lookup as a named import and shims it as undefined.
  'Gauge',
];

const SHIMMED = /Missing export "([^"]+)" has been shimmed in module "([^"]+)"/;
// Vite's build warns on "use client" directives of React libraries; they mean nothing in a browser bundle.
const QUIET_CODES = new Set(['MODULE_LEVEL_DIRECTIVE']);

export interface ShimGuard {
  plugin: Plugin;
  onLog: (
    level: Rollup.LogLevel,
    log: Rollup.RollupLog,
    handler: (level: Rollup.LogLevel | 'error', log: Rollup.RollupLog) => void
  ) => void;
}

export function shimmedExportsGuard(): ShimGuard {
  const seen: Array<{ name: string; message: string }> = [];
  return {
    onLog(level, log, handler) {
      const shim = log.code === 'SHIMMED_EXPORT' ? SHIMMED.exec(log.message) : null;
      if (shim) {
        seen.push({ name: shim[1]!, message: `"${shim[1]}" imported from ${shim[2]}` });
        return;
      }
      if (log.code && QUIET_CODES.has(log.code)) {
        return;
      }
      handler(level, log);
    },
    plugin: {
      name: 'hybridlens:shimmed-exports-guard',
      // Rolldown reports shimmed exports while it writes the chunks: only closeBundle has seen them all.
      closeBundle() {
        const unexpected = seen.filter((s) => !EXPECTED_SHIMMED_EXPORTS.includes(s.name));
        if (unexpected.length > 0) {
          throw new Error(
            `Missing exports that the harness does not expect (a broken import?):\n${unexpected.map((u) => `  ${u.message}`).join('\n')}`
          );
        }
      },
    },
  };
}
