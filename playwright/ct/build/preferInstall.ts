import { join, sep } from 'node:path';
import type { Plugin } from 'vite';

/** `react`, `@grafana/ui/unstable`: a package import, not a relative, absolute or virtual one. */
export function isBareImport(source: string): boolean {
  return /^(@[a-z0-9~-][\w.~-]*\/)?[a-z0-9~-]/i.test(source) && !source.includes(':');
}

/**
 * Resolves every package import made outside `installDir`'s node_modules (the app, the harness, Playwright's
 * mount code) from `installDir` first, as if the file lived there; packages the install lacks resolve as usual.
 * Packages inside the install resolve among themselves by Node's rules, so its lock file alone decides the
 * versions: no aliases to keep in step with @grafana/ui's dependency tree.
 */
export function preferInstall(installDir: string): Plugin {
  const installModules = join(installDir, 'node_modules') + sep;
  const anchor = join(installDir, 'package.json');
  return {
    name: 'hybridlens:prefer-install',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(installModules) || !isBareImport(source)) {
        return null;
      }
      const resolved = await this.resolve(source, anchor, { ...options, skipSelf: true });
      return resolved && !resolved.external && resolved.id.startsWith(installModules) ? resolved : null;
    },
  };
}
