#!/usr/bin/env node
// Checks the plugin's use of @grafana/data, ui and runtime against the newest Grafana we support
// (grafanaDependency in src/plugin.json). We build against 12.4.x, so 12.4 compatibility is given by the
// build itself; levitate compares the APIs we import with the newer packages' public API.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const NEWEST_SUPPORTED = '13.2.3';
const PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime'];

/**
 * Changes levitate reports that were read and found harmless for how we call the API. Any change not
 * listed here fails the check; re-review an entry whenever NEWEST_SUPPORTED moves.
 */
const REVIEWED = {
  'AppPlugin.addLink':
    'PluginExtensionAddedLinkConfig in 13.x only adds an optional `group` and deprecates `category`; we set neither.',
};

const plugin = JSON.parse(readFileSync(new URL('../src/plugin.json', import.meta.url), 'utf8'));
console.log(`grafanaDependency ${plugin.dependencies.grafanaDependency}; checking against ${NEWEST_SUPPORTED}`);
const target = PACKAGES.map((p) => `${p}@${NEWEST_SUPPORTED}`).join(',');
const result = spawnSync(
  'npx',
  ['levitate', 'is-compatible', '--path', 'scripts/levitate-entry.ts', '--target', target],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }
);
const out = result.stdout ?? '';
process.stdout.write(out);

const reported = [...out.matchAll(/^\d+\) (?:Changed|Removed) `([^`]+)` used in/gm)].map((m) => m[1]);
const unreviewed = reported.filter((api) => !(api in REVIEWED));
for (const api of reported.filter((a) => a in REVIEWED)) {
  console.log(`levitate: reviewed change to ${api}: ${REVIEWED[api]}`);
}
const clean = /appears to be compatible/.test(out);
if (result.status !== 0 && reported.length === 0) {
  console.error(`levitate exited with ${result.status} without a report`);
  process.exit(1);
}
if (!clean && (reported.length === 0 || unreviewed.length > 0)) {
  console.error(`levitate: unreviewed incompatibilities: ${unreviewed.join(', ') || '(see report above)'}`);
  process.exit(1);
}
console.log(`levitate: compatible with Grafana ${NEWEST_SUPPORTED} (${reported.length} reviewed change(s))`);
