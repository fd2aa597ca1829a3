import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Packages that hold module-level state a page shares (React's dispatcher, Grafana's runtime singletons, the
 * theme and emotion caches, rxjs' Observable class for instanceof checks): one copy in the bundle, whatever
 * the version. Stateless packages (@grafana/schema, @grafana/e2e-selectors) may come twice: that costs bytes only.
 */
export const ONE_COPY: readonly string[] = [
  'react',
  'react-dom',
  'scheduler',
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/scenes',
  '@grafana/i18n',
  '@emotion/react',
  '@emotion/cache',
  'rxjs',
];

/**
 * Packages where two majors legitimately live side by side (@grafana/ui needs react-router-dom 5 and the v6
 * compat layer), but two copies of one major split its React context: a `Link` rendered under the other copy's
 * Router finds no router ("Cannot destructure property 'basename'").
 */
export const ONE_COPY_PER_MAJOR: readonly string[] = ['react-router', 'react-router-dom', 'i18next', 'history'];

export interface PackageCopy {
  dir: string;
  version: string;
}

export interface DuplicatePackage {
  name: string;
  copies: PackageCopy[];
}

/** `/x/node_modules/@grafana/ui/dist/esm/index.mjs` → name `@grafana/ui`, dir `/x/node_modules/@grafana/ui`. */
export function packageOf(moduleId: string): { name: string; dir: string } | undefined {
  const file = moduleId.split('?')[0]!.replace(/\\/g, '/');
  const at = file.lastIndexOf('/node_modules/');
  if (file.startsWith('\0') || at < 0) {
    return undefined;
  }
  const rest = file.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  return { name, dir: `${file.slice(0, at)}/node_modules/${name}` };
}

function readVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The watched packages that more than one folder of the bundle's modules came from. */
export function findDuplicatePackages(
  moduleIds: Iterable<string>,
  versionOf: (dir: string) => string = readVersion
): DuplicatePackage[] {
  const watched = new Set([...ONE_COPY, ...ONE_COPY_PER_MAJOR]);
  const dirs = new Map<string, Set<string>>();
  for (const id of moduleIds) {
    const pkg = packageOf(id);
    if (pkg && watched.has(pkg.name)) {
      dirs.set(pkg.name, (dirs.get(pkg.name) ?? new Set()).add(pkg.dir));
    }
  }
  const duplicates: DuplicatePackage[] = [];
  for (const [name, found] of dirs) {
    const copies = [...found].sort().map((dir) => ({ dir, version: versionOf(dir) }));
    const groups = new Map<string, PackageCopy[]>();
    for (const copy of copies) {
      const key = ONE_COPY.includes(name) ? 'any' : copy.version.split('.')[0]!;
      groups.set(key, [...(groups.get(key) ?? []), copy]);
    }
    duplicates.push(...[...groups.values()].filter((g) => g.length > 1).map((g) => ({ name, copies: g })));
  }
  return duplicates;
}

export function describeDuplicates(duplicates: DuplicatePackage[], repoRoot: string): string {
  const rel = (dir: string) => (dir.startsWith(`${repoRoot}/`) ? dir.slice(repoRoot.length + 1) : dir);
  return duplicates
    .map((d) => `  ${d.name}: ${d.copies.map((c) => `${c.version} in ${rel(c.dir)}`).join(', ')}`)
    .join('\n');
}

/** Fails the harness build when the bundle holds two copies of a package that must be shared. */
export function singleCopyCheck(repoRoot: string): Plugin {
  return {
    name: 'hybridlens:single-copy-check',
    buildEnd(error) {
      if (error) {
        return;
      }
      const duplicates = findDuplicatePackages(this.getModuleIds());
      if (duplicates.length > 0) {
        throw new Error(
          `The page bundle holds more than one copy of packages that must be shared (fix the install layout, e.g. ` +
            `npm dedupe or an override):\n${describeDuplicates(duplicates, repoRoot.replace(/\\/g, '/'))}`
        );
      }
    },
  };
}
