import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** What differs between the pages built on the harness' Vite settings (page harness, preview, render benches). */
export interface BootDataOptions {
  /** Names the build in the boot data's user uid and commit. */
  label: string;
  /** `utc` keeps screenshots independent of the machine; the preview follows the reader's browser. */
  timezone: 'utc' | 'browser';
}

export const HARNESS_BOOT_DATA: BootDataOptions = { label: 'harness', timezone: 'utc' };

/** The subset of Grafana's boot data that @grafana/runtime's config reads at import time. */
export function grafanaBootData(grafanaVersion: string, { label, timezone }: BootDataOptions) {
  return {
    assets: { dark: '', light: '' },
    navTree: [],
    user: {
      id: 1,
      uid: `${label}-admin`,
      login: 'admin',
      name: 'admin',
      isSignedIn: true,
      orgId: 1,
      orgRole: 'Admin',
      orgName: 'Main Org.',
      theme: 'dark',
      timezone,
      weekStart: 'monday',
      language: 'en-US',
      locale: 'en-US',
      permissions: {},
    },
    settings: {
      appSubUrl: '',
      appUrl: 'http://localhost:3000/',
      buildInfo: { version: grafanaVersion, commit: label, env: 'production', edition: 'Open Source' },
      featureToggles: {},
      datasources: {},
      panels: {},
      apps: {},
      minRefreshInterval: '5s',
      liveEnabled: false,
    },
  };
}

/**
 * Writes Grafana's boot data into the page's head before any module runs, as Grafana's index does: every page
 * built on the harness' Vite settings gets the same data, naming the @grafana/runtime version it runs.
 */
export function grafanaBootDataPlugin(nodeModules: string, options: BootDataOptions): Plugin {
  const { version } = JSON.parse(readFileSync(join(nodeModules, '@grafana/runtime/package.json'), 'utf8')) as {
    version: string;
  };
  const script = [
    `window.__grafana_public_path__ = '/public/';`,
    `window.grafanaBootData = ${JSON.stringify(grafanaBootData(version, options))};`,
  ].join('\n');
  return {
    name: 'hybridlens:grafana-boot-data',
    transformIndexHtml: () => [{ tag: 'script', children: script, injectTo: 'head-prepend' }],
  };
}
