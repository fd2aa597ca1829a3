import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulatorCli } from '../src/cli';
import { ADMIN_TOKEN_ENV } from '../src/cliSpec';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSimulatorCli(argv, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return { code, out: out.join(''), err: err.join('') };
}

const BIN = join(__dirname, '..', 'bin', 'hybridlens-sim.mjs');

function runExecutable(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

/** A refused command line: exit code 1 or 2, a one-line message (plus the --help hint for usage errors), no stack. */
function expectOneLineRefusal(r: { code: number; out: string; err: string }, message: RegExp): void {
  expect(r.out).toBe('');
  expect([1, 2]).toContain(r.code);
  const lines = r.err.trimEnd().split('\n');
  expect(lines.length).toBe(r.code === 2 ? 2 : 1);
  expect(lines[0]).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('hybridlens-sim command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-sim-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['--help']],
    [['help']],
    [[]],
    [['live', '--help']],
    [['backfill', '-h']],
    [['backfill', '--days', 'x', '--help']],
  ])('prints help on stdout for %j', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^usage: hybridlens-sim /);
  });

  it('documents every bound in --help', async () => {
    const live = (await run(['live', '--help'])).out;
    expect(live).toMatch(/--load N\s+.*\(0\.01 to 50; default 1\)/);
    expect(live).toMatch(/--host VALUE\s+.*default 127\.0\.0\.1/);
    expect(live).toContain('--admin-token-file FILE');
    const backfill = (await run(['backfill', '--help'])).out;
    expect(backfill).toMatch(/--days N\s+days of history \(0\.01 to 90; required\)/);
    expect(backfill).toMatch(/--step DURATION\s+.*\(5s to 1h; default 2m\)/);
  });

  describe('bad input', () => {
    it.each([
      [
        '--load 1e6',
        ['backfill', '--days', '1', '--out', 'x', '--load', '1e6'],
        /--load: 1000000 is out of range \(0.01 to 50\)/,
      ],
      [
        '--days 90 --load 50',
        ['backfill', '--days', '90', '--out', 'x', '--load', '50'],
        /days x load: 90 x 50 = 4500 is above 180/,
      ],
      ['--load -1', ['live', '--load=-1'], /--load: -1 is out of range/],
      ['--days 1e9', ['backfill', '--days', '1e9', '--out', 'x'], /--days: 1000000000 is out of range \(0.01 to 90\)/],
      ['--days 0', ['backfill', '--days', '0', '--out', 'x'], /--days: 0 is out of range/],
      ['--days NaN', ['backfill', '--days', 'NaN', '--out', 'x'], /--days: "NaN" is not a number/],
      ['--step 0', ['backfill', '--days', '1', '--out', 'x', '--step', '0'], /--step: "0" is not a duration/],
      ['--step 1s', ['backfill', '--days', '1', '--out', 'x', '--step', '1s'], /--step: 1s is below the minimum of 5s/],
      [
        '--step 3650d',
        ['backfill', '--days', '1', '--out', 'x', '--step', '3650d'],
        /--step: 3650d is above the maximum/,
      ],
      [
        '--traces-per-hour 1e5',
        ['backfill', '--days', '1', '--out', 'x', '--traces-per-hour', '100000'],
        /--traces-per-hour: 100000 is out of range/,
      ],
      ['--mitigation-hold 2d', ['live', '--mitigation-hold', '2d'], /--mitigation-hold: 2d is above the maximum of 1d/],
    ])('refuses out-of-range number: %s', async (_case, argv, message) => {
      expectOneLineRefusal(await run(argv), message);
    });

    it.each([
      ['epoch seconds', '1764115200', /looks like an epoch number; give an RFC 3339 time/],
      ['epoch milliseconds', '1764115200000', /looks like an epoch number/],
      ['1970', '1970-01-01T00:00:00Z', /outside 2000-01-01 to 2100-01-01/],
      ['not a time', 'tomorrow', /is not a time/],
    ])('refuses bad --end: %s', async (_case, end) => {
      expectOneLineRefusal(
        await run(['backfill', '--days', '1', '--out', 'x', '--end', end]),
        /^hybridlens-sim backfill: --end: /
      );
      expectOneLineRefusal(
        await run(['backfill', '--days', '1', '--out', 'x', '--end', end]),
        _case === '1970' ? /1970/ : /./
      );
    });

    it.each([
      ['a fraction', '1.5', /--seed: "1.5" is not a whole number/],
      ['text', 'abc', /--seed: "abc" is not a number/],
      ['negative', '-3', /--seed/],
      ['above 32 bits', '1e20', /--seed: 100000000000000000000 is out of range/],
    ])('refuses non-integer seed: %s', async (_case, seed, message) => {
      expectOneLineRefusal(await run(['backfill', '--days', '1', '--out', 'x', '--seed', seed]), message);
    });

    it.each([
      ['70000', ['--port', '70000'], /--port: 70000 is out of range \(0 to 65535\)/],
      ['not a number', ['--port', 'http'], /--port: "http" is not a number/],
      ['negative', ['--port=-1'], /--port: -1 is out of range/],
    ])('refuses bad port: %s', async (_case, flags, message) => {
      expectOneLineRefusal(await run(['live', ...flags]), message);
    });

    it('refuses bad port: one in use (the real executable)', async () => {
      const blocker: Server = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
      const port = (blocker.address() as { port: number }).port;
      try {
        // A child process: Jest's sandbox hides the class of Node's own errors from the error handling.
        const r = await runExecutable([
          'live',
          '--port',
          String(port),
          '--scenario',
          join(__dirname, 'fixtures', 'empty.yaml'),
        ]);
        expectOneLineRefusal(r, new RegExp(`127\\.0\\.0\\.1:${port}: address already in use`));
      } finally {
        blocker.close();
      }
    }, 30_000);

    it.each([
      ['missing', () => join(dir, 'nope.yaml'), /scenario .*nope\.yaml: cannot read it \(no such file\)/],
      ['a directory', () => dir, /cannot read it \(is a directory/],
      [
        'bad YAML',
        () => {
          writeFileSync(join(dir, 'bad.yaml'), 'faults: [\n');
          return join(dir, 'bad.yaml');
        },
        /bad\.yaml:\d+:\d+: \(syntax\)/,
      ],
      [
        'an unknown fault kind',
        () => {
          writeFileSync(join(dir, 'kind.yaml'), 'faults:\n  - {kind: meteor, start: +1h, duration: 1h}\n');
          return join(dir, 'kind.yaml');
        },
        /kind\.yaml:2:\d+: faults\[0\]\.kind: unknown fault kind "meteor"/,
      ],
      [
        'an end-relative time in a live run',
        () => {
          writeFileSync(join(dir, 'end.yaml'), 'faults:\n  - {kind: llm_cold_starts, start: -2h, duration: 1h}\n');
          return join(dir, 'end.yaml');
        },
        /end\.yaml:2:\d+: faults\[0\]\.start: "-2h" counts back from the end of a history; a live run has no end/,
      ],
    ])('refuses unusable scenario file: %s', async (_case, file, message) => {
      expectOneLineRefusal(await run(['live', '--port', '0', '--scenario', file()]), message);
    });

    it.each([
      [
        'a directory with an earlier run',
        () => {
          const out = join(dir, 'earlier');
          mkdirSync(join(out, 'metrics'), { recursive: true });
          writeFileSync(join(out, 'metrics', '20261120T00.om'), '# EOF\n');
          return out;
        },
        /--out .*earlier: not empty \(1 entries, e\.g\. metrics\); pass --replace/,
      ],
      [
        'a file',
        () => {
          writeFileSync(join(dir, 'file.txt'), 'x');
          return join(dir, 'file.txt');
        },
        /--out .*file\.txt: is a file, expected a directory/,
      ],
      [
        'the working directory, even with --replace',
        () => process.cwd(),
        /refusing to replace .*parent of the working directory/,
        ['--replace'],
      ],
    ])('refuses unusable --out: %s', async (_case, out, message, extra: string[] = []) => {
      expectOneLineRefusal(await run(['backfill', '--days', '0.01', '--out', out(), ...extra]), message);
    });

    it('refuses unusable --out: a path under a file (the real executable)', async () => {
      writeFileSync(join(dir, 'plain-file'), 'x');
      const r = await runExecutable(['backfill', '--days', '0.01', '--out', join(dir, 'plain-file', 'history')]);
      expectOneLineRefusal(r, /plain-file.*: a part of the path is not a directory/);
    }, 30_000);

    it.each([
      [
        'a missing token file',
        () => ['--admin-token-file', join(dir, 'no-token')],
        /--admin-token-file .*no-token: cannot read it \(no such file\)/,
      ],
      [
        'a token that is too short',
        () => {
          writeFileSync(join(dir, 'short'), 'secret\n');
          return ['--admin-token-file', join(dir, 'short')];
        },
        /the token must be at least 16 characters/,
      ],
      [
        'a short token in the environment',
        () => [],
        new RegExp(`${ADMIN_TOKEN_ENV}: the token must be at least 16`),
        'short',
      ],
    ])('refuses unusable admin token: %s', async (_case, flags, message, env: string | undefined = undefined) => {
      const before = process.env[ADMIN_TOKEN_ENV];
      if (env !== undefined) {
        process.env[ADMIN_TOKEN_ENV] = env;
      }
      try {
        expectOneLineRefusal(await run(['live', '--port', '0', ...flags()]), message);
      } finally {
        if (before === undefined) {
          delete process.env[ADMIN_TOKEN_ENV];
        } else {
          process.env[ADMIN_TOKEN_ENV] = before;
        }
      }
    });

    it.each([
      ['an unknown flag', ['backfill', '--dyas', '3'], /Unknown option '--dyas'/],
      ['a missing --out', ['backfill', '--days', '1'], /--out is required/],
      ['a token on the command line', ['live', '--admin-token', 'x'], /Unknown option '--admin-token'/],
      [
        'an unknown restore alert',
        ['live', '--restore-on-resolve', 'HybridNope'],
        /--restore-on-resolve: "HybridNope" is not one of/,
      ],
      ['an unknown command', ['serve'], /unknown command "serve"/],
    ])('refuses bad command line: %s', async (_case, argv, message) => {
      expectOneLineRefusal(await run(argv), message);
    });
  });
});
