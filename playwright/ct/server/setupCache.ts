import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TELEMETRY_DIR } from './harnessHistory';

/**
 * The prepared Prometheus data of one browser run, kept for the next run of the same `npm test` (the second
 * React runtime): the history, rules and calibration cost minutes and do not depend on the runtime.
 * Set by scripts/test-all.mjs to a folder inside test-results/, which every `npm test` starts empty.
 */
export const SETUP_CACHE_ENV = 'HL_CT_SETUP_CACHE';
/**
 * A cached setup is reused while its "now" is this recent: the history runs 45 minutes past its "now", and a
 * run must end well before the data does.
 */
const MAX_AGE_SECONDS = 20 * 60;

interface CachedSetup {
  now: number;
  /** The environment the setup gave the tests (history window, calibration scene). */
  env: Record<string, string>;
}

const DIRS = ['data', 'bare-data'] as const;
/** The history's sampled traces and log lines (served by the Tempo and Loki stand-ins). */
const TELEMETRY = TELEMETRY_DIR;

/** Restores a fresh cached setup into `work` and its environment; false when there is none to use. */
export function restoreSetup(work: string, nowSeconds: number): boolean {
  const cache = process.env[SETUP_CACHE_ENV];
  const manifest = cache ? join(cache, 'setup.json') : undefined;
  if (!cache || !manifest || !existsSync(manifest)) {
    return false;
  }
  const cached = JSON.parse(readFileSync(manifest, 'utf8')) as CachedSetup;
  if (nowSeconds - cached.now > MAX_AGE_SECONDS) {
    return false;
  }
  for (const dir of DIRS) {
    cpSync(join(cache, dir), join(work, dir), { recursive: true });
  }
  if (existsSync(join(cache, TELEMETRY))) {
    cpSync(join(cache, TELEMETRY), join(work, TELEMETRY), { recursive: true });
  }
  Object.assign(process.env, cached.env);
  return true;
}

/** Saves the prepared data (before any Prometheus opens it) and the environment the tests read. */
export function saveSetup(
  prepared: { dataDir: string; bareDataDir: string; workDir?: string },
  nowSeconds: number,
  envNames: readonly string[]
): void {
  const cache = process.env[SETUP_CACHE_ENV];
  if (!cache) {
    return;
  }
  const staging = `${cache}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  cpSync(prepared.dataDir, join(staging, 'data'), { recursive: true });
  cpSync(prepared.bareDataDir, join(staging, 'bare-data'), { recursive: true });
  if (prepared.workDir && existsSync(join(prepared.workDir, TELEMETRY))) {
    cpSync(join(prepared.workDir, TELEMETRY), join(staging, TELEMETRY), { recursive: true });
  }
  const env = Object.fromEntries(envNames.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  writeFileSync(join(staging, 'setup.json'), JSON.stringify({ now: nowSeconds, env } satisfies CachedSetup));
  rmSync(cache, { recursive: true, force: true });
  renameSync(staging, cache);
}
