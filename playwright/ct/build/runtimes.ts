import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The React runtimes the page harness runs on. Grafana shares one React with every plugin: 12.4–13.1 ship
 * React 18, 13.2 and later React 19, and `grafanaDependency` covers both.
 */
export interface HarnessRuntime {
  name: 'react18' | 'react19';
  /** What the run is, for people reading its output. */
  label: string;
  /**
   * The folder with its own package.json/lock whose packages replace the repository's for this run (see
   * `preferInstall`), or undefined for the repository's own install.
   */
  installDir?: string;
}

export const HARNESS_RUNTIMES: Readonly<Record<HarnessRuntime['name'], HarnessRuntime>> = {
  react18: { name: 'react18', label: 'the repository install: @grafana 12.4, React 18' },
  react19: {
    name: 'react19',
    label: 'playwright/ct/react19: @grafana 13.2, React 19',
    installDir: 'playwright/ct/react19',
  },
};

/** Environment variable that picks the runtime of a harness run (`react18` when unset). */
export const RUNTIME_ENV = 'HL_CT_RUNTIME';

export function selectedRuntime(env: NodeJS.ProcessEnv = process.env): HarnessRuntime {
  const name = env[RUNTIME_ENV] || 'react18';
  const runtime = (HARNESS_RUNTIMES as Record<string, HarnessRuntime>)[name];
  if (!runtime) {
    throw new Error(
      `${RUNTIME_ENV}=${name} is not a harness runtime (one of: ${Object.keys(HARNESS_RUNTIMES).join(', ')})`
    );
  }
  return runtime;
}

/** The node_modules folder the runtime's React and Grafana packages come from. */
export function runtimeNodeModules(repoRoot: string, runtime: HarnessRuntime): string {
  return join(repoRoot, runtime.installDir ?? '', 'node_modules');
}

/** How a runtime's own install is made (`.ci/run` runs it; `npm ci` at the root does not). */
export function installCommand(runtime: HarnessRuntime): string | undefined {
  return runtime.installDir && `npm ci --prefix ${runtime.installDir} --no-audit --no-fund`;
}

/** Refuses to run on a runtime whose install is missing, rather than quietly falling back to the repository's. */
export function assertInstalled(repoRoot: string, runtime: HarnessRuntime): void {
  if (runtime.installDir && !existsSync(join(runtimeNodeModules(repoRoot, runtime), 'react', 'package.json'))) {
    throw new Error(`${RUNTIME_ENV}=${runtime.name} needs its own install; run: ${installCommand(runtime)}`);
  }
}
