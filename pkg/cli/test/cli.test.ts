import { CliUserError, parseCommandLine, runCli, type CliSpec } from '../src';

const TOOL = {
  name: 'hl-demo',
  summary: 'A demo tool for the command-line toolkit.',
  commands: {
    backfill: {
      summary: 'write history',
      flags: {
        out: { type: 'string', description: 'output directory', placeholder: 'DIR', required: true },
        days: { type: 'integer', description: 'days of history', min: 1, max: 90, default: 7 },
        load: { type: 'number', description: 'traffic multiplier', min: 0.01, max: 100 },
        step: { type: 'duration', description: 'sample step', minMs: 1000, maxMs: 3_600_000, default: '2m' },
        end: { type: 'time', description: 'end of the history' },
        replace: { type: 'boolean', description: 'replace a non-empty --out' },
        scenario: { type: 'string', description: 'fault schedule', multiple: true },
        mode: { type: 'string', description: 'how', choices: ['fast', 'exact'], default: 'fast' },
      },
    },
    serve: {
      summary: 'serve metrics',
      flags: {
        port: { type: 'port', description: 'listen port', default: 9464 },
        'grafana-url': { type: 'url', description: 'Grafana root' },
      },
      positionals: { name: 'FILE', description: 'snapshot files', min: 1, max: 3 },
    },
  },
} as const satisfies CliSpec;

function run(argv: string[], handler: () => number | Promise<number> = () => 0) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
  return runCli(TOOL, argv, { backfill: handler, serve: handler }, { io }).then((code) => ({
    code,
    out: out.join(''),
    err: err.join(''),
  }));
}

describe('parsing', () => {
  it('gives typed values with defaults', () => {
    const parsed = parseCommandLine(TOOL, [
      'backfill',
      '--out',
      '/tmp/x',
      '--days',
      '30',
      '--step',
      '90s',
      '--end',
      '2026-11-26T00:00:00Z',
      '--scenario',
      'a.yaml',
      '--scenario',
      'b.yaml',
    ]);
    expect(parsed.kind).toBe('run');
    if (parsed.kind === 'run' && parsed.command === 'backfill') {
      expect(parsed.values).toEqual({
        out: '/tmp/x',
        days: 30,
        step: 90_000,
        end: Date.UTC(2026, 10, 26),
        replace: false,
        scenario: ['a.yaml', 'b.yaml'],
        mode: 'fast',
      });
    }
  });

  it.each([
    [['backfill'], /--out is required/],
    [['backfill', '--out', 'd', '--days', '0'], /--days: 0 is out of range \(1 to 90\)/],
    [['backfill', '--out', 'd', '--days', '1e9'], /--days: 1000000000 is out of range/],
    [['backfill', '--out', 'd', '--days', '2.5'], /--days: "2.5" is not a whole number/],
    [['backfill', '--out', 'd', '--days', '0x10'], /--days: "0x10" is not a number/],
    [['backfill', '--out', 'd', '--days', ''], /--days: "" is not a number/],
    [['backfill', '--out', 'd', '--load', '1e6'], /--load: 1000000 is out of range \(0.01 to 100\)/],
    [['backfill', '--out', 'd', '--load', 'NaN'], /--load: "NaN" is not a number/],
    [['backfill', '--out', 'd', '--step', '0'], /--step: "0" is not a duration \(use e\.g\. .*\); accepted: 1s to 1h$/],
    [['backfill', '--out', 'd', '--step', '0s'], /--step: 0s is below the minimum of 1s/],
    [['backfill', '--out', 'd', '--step', '3650d'], /--step: 3650d is above the maximum of 1h/],
    [['backfill', '--out', 'd', '--end', '1764115200'], /--end: "1764115200" looks like an epoch number/],
    [['backfill', '--out', 'd', '--end', 'yesterday'], /--end: "yesterday" is not a time/],
    [['backfill', '--out', 'd', '--end', '1970-01-01T00:00:00Z'], /outside 2000-01-01 to 2100-01-01/],
    [['backfill', '--out', 'd', '--mode', 'slow'], /--mode: "slow" is not one of fast, exact/],
    [['backfill', '--out', 'd', '--dyas', '3'], /Unknown option '--dyas'/],
    [['backfill', '--out'], /^--out needs a value$/],
    [['backfill', '--out', 'd', 'stray'], /unexpected argument "stray"/],
    [['serve', '--port', '70000', 'f'], /--port: 70000 is out of range \(0 to 65535\)/],
    [['serve', '--port', '-1', 'f'], /--port: write a value that starts with "-" as --port=VALUE/],
    [['serve', '--port=-1', 'f'], /--port: -1 is out of range/],
    [['serve', 'f', '--grafana-url', 'ftp://x'], /must be an http:\/\/ or https:\/\/ URL/],
    [['serve', 'f', '--grafana-url', 'not a url'], /is not an absolute URL/],
    [['serve', 'f', '--grafana-url', 'http://u:p@x'], /credentials in the URL/],
    [['serve'], /needs at least 1 FILE argument/],
    [['serve', 'a', 'b', 'c', 'd'], /takes at most 3 FILE arguments/],
    [['backfil'], /unknown command "backfil" \(did you mean "backfill"\?\)/],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseCommandLine(TOOL, argv)).toThrow(message);
  });

  it('normalises and encodes URLs so links built on them stay valid', () => {
    const parsed = parseCommandLine(TOOL, ['serve', 'f', '--grafana-url', 'https://grafana.example.com/sub path/']);
    expect(parsed.kind === 'run' && parsed.values).toMatchObject({
      'grafana-url': 'https://grafana.example.com/sub%20path',
    });
  });
});

describe('running', () => {
  it('prints help of the tool and of each command to stdout, exit 0', async () => {
    for (const argv of [[], ['--help'], ['help'], ['-h']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('usage: hl-demo <command> [options]');
      expect(r.out).toContain('backfill  write history');
      expect(r.err).toBe('');
    }
    const r = await run(['backfill', '--days', 'garbage', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: hl-demo backfill --out DIR [options]');
    expect(r.out).toMatch(/--days N\s+days of history \(1 to 90; default 7\)/);
    expect(r.out).toMatch(/--step DURATION\s+sample step \(1s to 1h; default 2m\)/);
    expect(r.out).toMatch(/-h, --help\s+show this help/);
  });

  it('a usage error is one line on stderr naming the flag, exit 2', async () => {
    const r = await run(['backfill', '--out', 'd', '--days', '0']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'hl-demo backfill: --days: 0 is out of range (1 to 90)\nRun "hl-demo backfill --help" for usage.\n'
    );
  });

  it('expected failures are one line without a stack, exit 1; bugs keep their stack, exit 70', async () => {
    const user = await run(['backfill', '--out', 'd'], () => {
      throw new CliUserError('spec.yaml: objective: 1.5 is not in (0, 1)');
    });
    expect(user).toEqual({ code: 1, out: '', err: 'hl-demo backfill: spec.yaml: objective: 1.5 is not in (0, 1)\n' });
    const missing = await run(['backfill', '--out', 'd'], () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/nope/spec.yaml' });
    });
    expect(missing).toEqual({
      code: 1,
      out: '',
      err: 'hl-demo backfill: /nope/spec.yaml: no such file or directory\n',
    });
    const crossRealm = await run(['backfill', '--out', 'd'], () => {
      // An fs error from another realm (jest, vm) is no `instanceof Error` here; it is still a user's problem.
      throw { code: 'EACCES', path: '/etc/shadow', message: 'EACCES: permission denied' };
    });
    expect(crossRealm).toEqual({ code: 1, out: '', err: 'hl-demo backfill: /etc/shadow: permission denied\n' });
    const inUse = await run(['backfill', '--out', 'd'], () => {
      throw Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', address: '127.0.0.1', port: 9464 });
    });
    expect(inUse.err).toContain('127.0.0.1:9464: address already in use');
    const bug = await run(['backfill', '--out', 'd'], () => {
      throw new TypeError('x is undefined');
    });
    expect(bug.code).toBe(70);
    expect(bug.err).toContain('internal error');
    expect(bug.err).toContain('TypeError: x is undefined\n    at ');
  });

  it('passes the handler its exit code and typed values', async () => {
    let seen: unknown;
    const out: string[] = [];
    const code = await runCli(
      TOOL,
      ['serve', 'a.json', '--port', '0'],
      {
        backfill: () => 1,
        serve: (parsed) => {
          seen = [parsed.values.port, parsed.positionals];
          return 3;
        },
      },
      { io: { stdout: (t) => void out.push(t), stderr: (t) => void out.push(t) } }
    );
    expect(code).toBe(3);
    expect(seen).toEqual([0, ['a.json']]);
  });
});
