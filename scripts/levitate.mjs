#!/usr/bin/env node
// Checks the plugin's use of @grafana/data, ui and runtime against the newest Grafana major we support
// (grafanaDependency in src/plugin.json). We build against 12.4.x, so 12.4 compatibility is given by the
// build itself; levitate compares our imports with the newer packages' public API.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const NEWEST_SUPPORTED = '13.2.3';
const PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime'];

const plugin = JSON.parse(readFileSync(new URL('../src/plugin.json', import.meta.url), 'utf8'));
console.log(`grafanaDependency ${plugin.dependencies.grafanaDependency}; checking against ${NEWEST_SUPPORTED}`);
const target = PACKAGES.map((p) => `${p}@${NEWEST_SUPPORTED}`).join(',');
const result = spawnSync('npx', ['levitate', 'is-compatible', '--path', 'scripts/levitate-entry.ts', '--target', target], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
process.stdout.write(result.stdout ?? '');
// levitate prints incompatibilities but may still exit 0: decide from its verdict line too.
const compatible = result.status === 0 && /appears to be compatible/.test(result.stdout ?? '');
if (!compatible) {
  console.error('levitate: incompatibilities found (see above)');
  process.exit(1);
}
