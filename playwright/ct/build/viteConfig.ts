import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineConfig, PluginOption } from 'vite';
import { type BootDataOptions, grafanaBootDataPlugin, HARNESS_BOOT_DATA } from './grafanaBootData';
import { grafanaPublicAssets } from './grafanaPublicAssets';
import { pluginPageStandIn } from './pluginPageStandIn';
import { preferInstall } from './preferInstall';
import { productionBundle } from './productionBundle';
import { type HarnessRuntime, runtimeNodeModules } from './runtimes';
import { shimmedExportsGuard } from './shimmedExportsGuard';
import { singleCopyCheck } from './singleCopyCheck';

/** The React plugin Playwright would add itself (it only does so when the config brings no plugins). */
async function reactPlugin(): Promise<PluginOption> {
  const ctRequire = createRequire(require.resolve('@playwright/experimental-ct-react'));
  const mod = (await import(pathToFileURL(ctRequire.resolve('@vitejs/plugin-react')).href)) as {
    default: () => PluginOption;
  };
  return mod.default();
}

/**
 * Vite settings for the page harness on one runtime: its packages, Grafana's public assets, the PluginPage
 * stand-in, the shim guard, the single-copy check and Grafana's boot data.
 */
export async function harnessViteConfig(
  repoRoot: string,
  runtime: HarnessRuntime,
  bootData: BootDataOptions = HARNESS_BOOT_DATA
): Promise<InlineConfig> {
  const guard = shimmedExportsGuard();
  return {
    // Nothing in the repo is a Vite public folder: Grafana's assets are served from node_modules instead.
    publicDir: false,
    logLevel: 'warn',
    // React's development build: its warnings (keys, effects, removed APIs) reach the console, where every
    // test fails on them. Grafana ships the production build; the rendered output is the same.
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    plugins: [
      ...(runtime.installDir ? [preferInstall(join(repoRoot, runtime.installDir))] : []),
      await reactPlugin(),
      grafanaPublicAssets(repoRoot, runtimeNodeModules(repoRoot, runtime)),
      grafanaBootDataPlugin(runtimeNodeModules(repoRoot, runtime), bootData),
      pluginPageStandIn(join(repoRoot, 'playwright/ct/runtime/PluginPageStandIn.tsx')),
      guard.plugin,
      singleCopyCheck(repoRoot),
      ...(process.env.HL_CT_PLAYWRIGHT_BUNDLE ? [] : [productionBundle()]),
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
