import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Plugin } from 'vite';
import { grafanaBootData, grafanaBootDataPlugin } from '../build/grafanaBootData';
import { isBareImport, preferInstall } from '../build/preferInstall';
import { HARNESS_RUNTIMES, selectedRuntime } from '../build/runtimes';
import { findDuplicatePackages, packageOf, singleCopyCheck } from '../build/singleCopyCheck';

/** Writes `files` (path → content) under a fresh temporary folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hl-ct-build-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function pkg(name: string, version: string, code: string): Record<string, string> {
  return {
    [`${name}/package.json`]: JSON.stringify({ name, version, main: 'index.js' }),
    [`${name}/index.js`]: code,
  };
}

function under(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [`${prefix}/${path}`, content]));
}

/** A real Vite (rolldown) build of `entry`, as the harness build runs it; returns the bundled code. */
async function bundle(root: string, entry: string, plugins: Plugin[]): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins,
    build: { write: false, minify: false, rollupOptions: { input: join(root, entry), treeshake: false } },
  });
  const results = Array.isArray(output) ? output : [output];
  return results
    .flatMap((r) => ('output' in r ? r.output : []))
    .map((o) => ('code' in o ? o.code : ''))
    .join('\n');
}

test.describe('harness build checks (Node only)', () => {
  let root = '';
  test.afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('package imports of the app resolve from the runtime install; what it lacks, from the repository', async () => {
    root = tree({
      'app/entry.js':
        "import { where } from 'shared-lib';\nimport { only } from 'repo-only';\nconsole.log(where, only);",
      ...under('node_modules', pkg('shared-lib', '1.0.0', "export const where = 'repository copy';")),
      ...under('node_modules', pkg('repo-only', '1.0.0', "export const only = 'repository only';")),
      'install/package.json': JSON.stringify({ name: 'install', private: true }),
      ...under('install/node_modules', pkg('shared-lib', '2.0.0', "export const where = 'install copy';")),
    });
    const withInstall = await bundle(root, 'app/entry.js', [preferInstall(join(root, 'install'))]);
    expect(withInstall).toContain('install copy');
    expect(withInstall).not.toContain('repository copy');
    expect(withInstall).toContain('repository only');
    const without = await bundle(root, 'app/entry.js', []);
    expect(without).toContain('repository copy');
  });

  test('a nested second react-router 6 (the trial layout) fails the build, naming both copies', async () => {
    const router = (v: string) => pkg('react-router', v, `export const version = '${v}';`);
    root = tree({
      'entry.js': "import 'react-router-dom';\nimport 'react-router-dom-v5-compat';",
      ...under('node_modules', router('6.30.6')),
      ...under('node_modules', pkg('react-router-dom', '6.30.6', "export * from 'react-router';")),
      ...under('node_modules', pkg('react-router-dom-v5-compat', '6.30.6', "export * from 'react-router';")),
      ...under('node_modules/react-router-dom-v5-compat/node_modules', router('6.30.1')),
    });
    const failure = await bundle(root, 'entry.js', [singleCopyCheck(root)]).then(
      () => 'built',
      (error: Error) => error.message
    );
    expect(failure).toContain('react-router: 6.30.6 in node_modules/react-router, ');
    expect(failure).toContain('6.30.1 in node_modules/react-router-dom-v5-compat/node_modules/react-router');
  });

  test('one copy per major of the router (v5 beside v6, as @grafana/ui has) builds', async () => {
    root = tree({
      'entry.js': "import * as a from 'react-router';\nimport * as b from 'react-router-dom';\nconsole.log(a, b);",
      ...under('node_modules', pkg('react-router', '6.30.6', 'export const v6 = 6;')),
      ...under('node_modules', pkg('react-router-dom', '5.3.4', "export * from 'react-router';")),
      ...under('node_modules/react-router-dom/node_modules', pkg('react-router', '5.3.4', 'export const v5 = 5;')),
    });
    const code = await bundle(root, 'entry.js', [singleCopyCheck(root)]);
    expect(code).toContain('v5: () => 5');
    expect(code).toContain('v6: () => 6');
  });

  test('two copies of React fail, whatever their versions', () => {
    const versions: Record<string, string> = { '/r/node_modules/react': '18.3.1', '/r/i/node_modules/react': '19.3.1' };
    const duplicates = findDuplicatePackages(
      ['/r/node_modules/react/index.js', '/r/i/node_modules/react/cjs/react.development.js', '\0virtual:react'],
      (dir) => versions[dir]!
    );
    expect(duplicates).toEqual([
      {
        name: 'react',
        copies: [
          { dir: '/r/i/node_modules/react', version: '19.3.1' },
          { dir: '/r/node_modules/react', version: '18.3.1' },
        ],
      },
    ]);
  });

  test("Grafana's boot data is in the page before any module runs, naming the runtime's Grafana version", async () => {
    root = tree({
      'index.html':
        '<!doctype html><html><head><title>t</title></head><body><script type="module" src="./main.js"></script></body></html>',
      'main.js': 'console.log(window.grafanaBootData.settings.buildInfo.version);',
      ...under('node_modules', pkg('@grafana/runtime', '12.9.1', 'export {};')),
    });
    const { build } = await import('vite');
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root,
      plugins: [grafanaBootDataPlugin(join(root, 'node_modules'), { label: 'check', timezone: 'browser' })],
      build: { write: false, minify: false, modulePreload: { polyfill: false } },
    });
    const results = Array.isArray(output) ? output : [output];
    const html = results
      .flatMap((r) => ('output' in r ? r.output : []))
      .map((o) => (o.type === 'asset' && o.fileName === 'index.html' ? String(o.source) : ''))
      .join('');
    const bootAt = html.indexOf('window.grafanaBootData = ');
    expect(bootAt).toBeGreaterThan(-1);
    expect(bootAt).toBeLessThan(html.indexOf('type="module"'));
    const script = html.slice(bootAt + 'window.grafanaBootData = '.length, html.indexOf('</script>', bootAt));
    const boot = JSON.parse(script.trim().replace(/;$/, '')) as ReturnType<typeof grafanaBootData>;
    expect(boot.settings.buildInfo.version).toBe('12.9.1');
    expect(boot.user.timezone).toBe('browser');
  });

  test('module ids name their package', () => {
    expect(packageOf('/r/node_modules/a/node_modules/@grafana/ui/dist/esm/index.mjs?commonjs-es-import')).toEqual({
      name: '@grafana/ui',
      dir: '/r/node_modules/a/node_modules/@grafana/ui',
    });
    expect(packageOf('/r/src/module.tsx')).toBeUndefined();
    expect(isBareImport('@grafana/runtime/unstable')).toBe(true);
    expect(isBareImport('./module')).toBe(false);
    expect(isBareImport('/abs/file.ts')).toBe(false);
    expect(isBareImport('node:path')).toBe(false);
  });

  test('the runtime comes from HL_CT_RUNTIME, and an unknown one is refused by name', () => {
    expect(selectedRuntime({})).toBe(HARNESS_RUNTIMES.react18);
    expect(selectedRuntime({ HL_CT_RUNTIME: 'react19' })).toBe(HARNESS_RUNTIMES.react19);
    expect(() => selectedRuntime({ HL_CT_RUNTIME: 'react17' })).toThrow(
      /HL_CT_RUNTIME=react17 is not a harness runtime/
    );
  });
});

test.describe('the newest Grafana is the same everywhere it is named', () => {
  const repo = resolve(__dirname, '../../..');
  const read = (path: string) => readFileSync(join(repo, path), 'utf8');

  test('the React 19 harness install, levitate and the GitHub e2e matrix name one Grafana version', () => {
    const install = JSON.parse(read(`${HARNESS_RUNTIMES.react19.installDir}/package.json`)) as {
      dependencies: Record<string, string>;
    };
    const grafana = ['@grafana/data', '@grafana/ui', '@grafana/runtime'].map((p) => install.dependencies[p]);
    expect(new Set(grafana).size).toBe(1);
    const levitate = /const NEWEST_SUPPORTED = '([^']+)'/.exec(read('scripts/levitate.mjs'))?.[1];
    const matrix = /grafana: \[([^\]]*)\]/.exec(read('.github/workflows/ci.yml'))?.[1];
    const newestE2e = matrix?.match(/[\d.]+/g)?.at(-1);
    expect({ levitate, newestE2e }).toEqual({ levitate: grafana[0], newestE2e: grafana[0] });
  });
});
