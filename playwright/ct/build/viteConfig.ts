import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineConfig, PluginOption } from 'vite';
import { grafanaPublicAssets } from './grafanaPublicAssets';
import { pluginPageStandIn } from './pluginPageStandIn';
import { shimmedExportsGuard } from './shimmedExportsGuard';

/** The React plugin Playwright would add itself (it only does so when the config brings no plugins). */
async function reactPlugin(): Promise<PluginOption> {
  const ctRequire = createRequire(require.resolve('@playwright/experimental-ct-react'));
  const mod = (await import(pathToFileURL(ctRequire.resolve('@vitejs/plugin-react')).href)) as {
    default: () => PluginOption;
  };
  return mod.default();
}

/** Vite settings for the page harness: Grafana's public assets, the PluginPage stand-in and the shim guard. */
export async function harnessViteConfig(repoRoot: string): Promise<InlineConfig> {
  const guard = shimmedExportsGuard();
  return {
    // Nothing in the repo is a Vite public folder: Grafana's assets are served from node_modules instead.
    publicDir: false,
    logLevel: 'warn',
    plugins: [
      await reactPlugin(),
      grafanaPublicAssets(repoRoot),
      pluginPageStandIn(join(repoRoot, 'playwright/ct/runtime/PluginPageStandIn.tsx')),
      guard.plugin,
    ],
    build: {
      chunkSizeWarningLimit: 100_000,
      rollupOptions: {
        shimMissingExports: true,
        onLog: guard.onLog,
      },
    },
  };
}
