import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Absolute path of an executable on PATH, or undefined. */
export function findBinary(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * `describe` when the tool is installed; otherwise a skipped `describe` whose title says why.
 * In CI a missing tool is an error, never a silent skip: .ci/run must install it.
 */
export function describeWithBinary(binary: string, installHint: string, title: string, body: () => void): void {
  if (findBinary(binary)) {
    describe(title, body);
    return;
  }
  if (inCI) {
    describe(title, () => {
      it(`needs ${binary}`, () => {
        throw new Error(`${binary} is not installed; .ci/run must install it (${installHint})`);
      });
    });
    return;
  }
  describe.skip(`${title} (SKIPPED: ${binary} not installed — ${installHint})`, body);
}

/** The repository root (where package.json with workspaces lives). */
export const repoRoot = resolve(__dirname, '../../..');

/**
 * ../shared/fixtures beside the checkout, if present; `HL_SHARED_FIXTURES` names it for a checkout that has no
 * such neighbour (a git worktree elsewhere).
 */
export function sharedFixturesDir(): string | undefined {
  const dir = process.env.HL_SHARED_FIXTURES || resolve(repoRoot, '../shared/fixtures');
  return existsSync(dir) ? dir : undefined;
}

/** `describe` when ../shared/fixtures exists, otherwise a skipped one that says why. */
export function describeWithFixtures(title: string, body: (fixturesDir: string) => void): void {
  const dir = sharedFixturesDir();
  if (dir) {
    describe(title, () => body(dir));
    return;
  }
  describe.skip(`${title} (SKIPPED: ../shared/fixtures is not beside this checkout)`, () => body(''));
}
