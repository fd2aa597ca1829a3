import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT } from '@hybridlens/conventions';
import { findBinary } from '@hybridlens/testkit';
import { GENERATED_HEADER, OPS_RULE_FILE, defaultSpecs, sloRuleFileName, writeGeneratedFiles } from '../src';
import { type CliRun, runSlo, snapshot, tempDir } from './support/cliRun';
import { GOOD } from './support/openSloExamples';

const hasPromtool = findBinary('promtool') !== undefined;
const isRoot = process.getuid?.() === 0;
const SHIPPED = defaultSpecs().map(sloRuleFileName);

/** A clear refusal: the exit code, one line per problem naming the input, no stack trace. */
function expectRefusal(run: CliRun, code: number, message: RegExp) {
  expect(run.err).toMatch(message);
  expect(run.err).not.toMatch(/\n\s+at /);
  expect(run.err).not.toMatch(/internal error/);
  expect(run.code).toBe(code);
}

let work: string;
/** A directory holding a good generation (defaults + GOOD), which no refused run may change. */
let good: string;

beforeAll(async () => {
  work = tempDir();
  good = join(work, 'good');
  writeFileSync(join(work, 'good.yaml'), GOOD);
  const run = await runSlo(['generate', '--out', good, '--specs', join(work, 'good.yaml')]);
  expect(run.code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function specFile(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('hybridlens-slo generate', () => {
  it('writes every rule file, checks it, and a second run changes nothing', async () => {
    const out = join(tempDir(), 'rules');
    const first = await runSlo(['generate', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`created ${out}`);
    expect(snapshot(out).map(([n]) => n)).toEqual([...SHIPPED, OPS_RULE_FILE].sort());
    expect(snapshot(out).every(([, content]) => content.startsWith(GENERATED_HEADER))).toBe(true);
    expect(first.out).toMatch(
      hasPromtool ? /checked with promtool check rules/ : /promtool not on the PATH: checked that every file parses/
    );
    const before = snapshot(out);
    const second = await runSlo(['generate', '--out', out]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`${SHIPPED.length + 1} files already up to date`);
    expect(second.out).not.toContain('wrote');
    expect(snapshot(out)).toEqual(before);
  });

  it('writes user SLOs with the Grafana URL, and says which tiers a loose target cannot reach', async () => {
    const out = join(tempDir(), 'rules');
    const run = await runSlo([
      'generate',
      '--out',
      out,
      '--grafana-url',
      'https://grafana.example.com/g/',
      '--specs',
      join(work, 'good.yaml'),
      '--no-defaults',
    ]);
    expect(run.code).toBe(0);
    expect(snapshot(out).map(([n]) => n)).toEqual([
      OPS_RULE_FILE,
      'slo-checkout-errors.rules.yml',
      'slo-solve-success.rules.yml',
    ]);
    // 90% allows at most a 10x burn: the 14.4x page-fast tier can never fire, the others remain.
    expect(run.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /warning: .*SLO "solve-success".*page-fast \(burn rate 14\.4\) is unreachable with objective 0\.9 \(max burn rate 10\); using page-slow, ticket-fast, ticket-slow/
      ),
    ]);
    const solve = readFileSync(join(out, 'slo-solve-success.rules.yml'), 'utf8');
    expect(solve.match(new RegExp(`alert: ${ALERT.sloBurnRate}`, 'g'))).toHaveLength(3);
    expect(solve).not.toMatch(/tier: page-fast/);
    const checkout = readFileSync(join(out, 'slo-checkout-errors.rules.yml'), 'utf8');
    expect(checkout).toMatch(
      /runbook_url: https:\/\/grafana\.example\.com\/g\/a\/hybridlens-observability-app\/playbooks\//
    );
    expect(checkout).toMatch(/var-provider=ibm/);
    // The 28d period gets its own budget window.
    expect(checkout).toMatch(/slo:sli_bad:increase5m\{slo="checkout-errors"\}\[27d23h59m59s:5m\]/);
  });

  it('keeps every existing file byte for byte when one spec has a typo, and says nothing was written', async () => {
    const out = join(tempDir(), 'rules');
    cpSync(good, out, { recursive: true });
    const before = snapshot(out);
    expect(before.map(([n]) => n)).toContain('slo-checkout-errors.rules.yml');
    const typo = specFile('typo.yaml', GOOD.replace('target: 0.995', 'target: 0.9995x'));
    const run = await runSlo(['generate', '--out', out, '--specs', typo]);
    expectRefusal(
      run,
      1,
      /typo\.yaml: document 1 \(SLO "checkout-errors"\): spec\.objectives\[0\]\.target: must be a number/
    );
    expect(run.err).toContain(`nothing was written to ${out} (1 error)`);
    expect(snapshot(out)).toEqual(before);
  });

  it('--no-defaults keeps the shipped rule files and lists them; --prune removes only files it generated', async () => {
    const out = join(tempDir(), 'rules');
    cpSync(good, out, { recursive: true });
    writeFileSync(join(out, 'custom.rules.yml'), 'groups: []\n');
    writeFileSync(join(out, 'README.txt'), 'hand-written\n');
    const spec = join(work, 'good.yaml');
    const kept = await runSlo(['generate', '--out', out, '--no-defaults', '--specs', spec]);
    expect(kept.code).toBe(0);
    for (const name of SHIPPED) {
      expect(kept.err).toContain(`note: kept ${join(out, name)}: generated earlier for an SLO not generated now`);
    }
    expect(snapshot(out)).toEqual(
      snapshot(good)
        .concat([
          ['README.txt', 'hand-written\n'],
          ['custom.rules.yml', 'groups: []\n'],
        ])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    );

    const pruned = await runSlo(['generate', '--out', out, '--no-defaults', '--specs', spec, '--prune']);
    expect(pruned.code).toBe(0);
    for (const name of SHIPPED) {
      expect(pruned.out).toContain(`removed ${join(out, name)}`);
    }
    expect(snapshot(out).map(([n]) => n)).toEqual([
      'README.txt',
      'custom.rules.yml',
      OPS_RULE_FILE,
      'slo-checkout-errors.rules.yml',
      'slo-solve-success.rules.yml',
    ]);
    expect(readFileSync(join(out, 'custom.rules.yml'), 'utf8')).toBe('groups: []\n');
  });

  it('a batch that fails validation changes nothing and leaves no staging directory or new directory behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.rules.yml'), `${GENERATED_HEADER}\nold a\n`);
    const before = snapshot(dir);
    const files = [
      { fileName: 'a.rules.yml', content: `${GENERATED_HEADER}\nnew a\n` },
      { fileName: 'b.rules.yml', content: `${GENERATED_HEADER}\nnew b\n` },
    ];
    const refuse = () => {
      throw new Error('b.rules.yml does not check');
    };
    expect(() => writeGeneratedFiles(dir, files, { prune: true, validate: refuse })).toThrow(/does not check/);
    expect(snapshot(dir)).toEqual(before);
    const fresh = join(dir, 'new', 'rules');
    expect(() => writeGeneratedFiles(fresh, files, { prune: false, validate: refuse })).toThrow(/does not check/);
    expect(snapshot(join(dir, 'new'))).toEqual([]);
  });

  it('prints the help of the tool and of every subcommand to stdout', async () => {
    for (const argv of [
      ['--help'],
      ['generate', '--help'],
      ['alertmanager', '--help'],
      ['generate', '--out', 'x', '-h'],
    ]) {
      const run = await runSlo(argv);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toMatch(/^usage: hybridlens-slo /);
    }
    const help = (await runSlo(['generate', '--help'])).out;
    for (const flag of ['--out DIR', '--grafana-url URL', '--specs FILE', '--no-defaults', '--prune']) {
      expect(help).toContain(flag);
    }
  });
});

/** Runs a refused generate against a copy of the good output, which must come out unchanged. */
async function refusedAgainstGood(extra: string[]): Promise<CliRun> {
  const out = join(tempDir(), 'rules');
  cpSync(good, out, { recursive: true });
  const before = snapshot(out);
  const run = await runSlo(['generate', '--out', out, ...extra]);
  expect(snapshot(out)).toEqual(before);
  return run;
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => {
    const prev = 'abcdefghi'[i]!;
    return `${k}: &${k} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`;
  }),
].join('\n');

describe('bad input', () => {
  it.each<[string, string, RegExp]>([
    [
      'target typo 0.9995x',
      GOOD.replace('target: 0.995', 'target: 0.9995x'),
      /spec\.objectives\[0\]\.target: must be a number/,
    ],
    [
      'target 2',
      GOOD.replace('target: 0.995', 'target: 2'),
      /spec\.objectives\[0\]\.target: must be a number strictly between 0 and 1/,
    ],
    [
      'both target and targetPercent',
      GOOD.replace('objectives: [{ targetPercent: 90 }]', 'objectives: [{ targetPercent: 90, target: 0.9 }]'),
      /document 3 \(SLO "solve-success"\): spec\.objectives\[0\]: give target \(0\.\.1\) or targetPercent \(0\.\.100\), not both/,
    ],
    [
      'unknown kind',
      `${GOOD}---\napiVersion: openslo/v1\nkind: Dashboard\nmetadata: { name: x }\n`,
      /document 4 \(Dashboard "x"\): kind: must be SLO or SLI/,
    ],
    [
      'query that is not a counter selector',
      GOOD.replace('query: hybrid_quantum_jobs_total\n', 'query: sum(rate(hybrid_quantum_jobs_total[5m]))\n'),
      /spec\.indicatorRef → .*ratioMetric\.total\.metricSource\.spec\.query: must be a counter selector/,
    ],
    [
      'upper-case SLO name',
      GOOD.replace('name: checkout-errors', 'name: Checkout'),
      /metadata\.name: must be lower-case/,
    ],
    [
      'SLO name used twice',
      GOOD.replace('name: solve-success', 'name: checkout-errors'),
      /SLO "checkout-errors"\): name: already used by/,
    ],
    ['not YAML at all', '\u0000\u0001{]:\n\t- ]]', /document 1: YAML: /],
  ])('refuses spec errors: %s', async (_case, text, message) => {
    const run = await refusedAgainstGood(['--specs', specFile('bad.yaml', text)]);
    expectRefusal(run, 1, message);
  });

  if (hasPromtool) {
    it('refuses spec errors: a matcher regex Prometheus cannot compile (caught by promtool check rules)', async () => {
      const text = GOOD.replace(
        'hybrid_requests_total{route="/checkout"}\n',
        'hybrid_requests_total{route=~"(/checkout"}\n'
      );
      const run = await refusedAgainstGood(['--specs', specFile('regex.yaml', text)]);
      expectRefusal(run, 1, /slo-checkout-errors\.rules\.yml: promtool check rules: .*; nothing was written/);
    });
  } else {
    it.skip('refuses spec errors: a matcher regex Prometheus cannot compile (SKIPPED: promtool not installed)', () =>
      undefined);
  }

  it.each<[string, () => string, RegExp]>([
    ['missing file', () => join(work, 'nope.yaml'), /--specs .*nope\.yaml: no such file or directory/],
    ['a directory', () => work, /--specs .*: is a directory, expected an OpenSLO YAML file/],
    [
      'a file over the size limit',
      () => specFile('huge.yaml', `# ${'x'.repeat(5 * 1024 * 1024)}\n`),
      /--specs .*huge\.yaml: 5\.0 MB is over the 4 MB limit of a spec file/,
    ],
    [
      'a path through a file',
      () => join(work, 'good.yaml', 'more.yaml'),
      /--specs .*more\.yaml: a part of the path is not a directory/,
    ],
  ])('refuses unreadable spec files: %s', async (_case, path, message) => {
    const run = await refusedAgainstGood(['--specs', join(work, 'good.yaml'), '--specs', path()]);
    expectRefusal(run, 1, message);
    expect(run.err).toMatch(/nothing was written/);
  });

  if (!isRoot) {
    it('refuses unreadable spec files: no read permission', async () => {
      const path = specFile('secret.yaml', GOOD);
      chmodSync(path, 0o000);
      const run = await refusedAgainstGood(['--specs', path]);
      expectRefusal(run, 1, /--specs .*secret\.yaml: permission denied/);
    });
  } else {
    it.skip('refuses unreadable spec files: no read permission (SKIPPED: running as root, which reads any file)', () =>
      undefined);
  }

  it.each<[string, string, RegExp]>([
    ['billion laughs', BILLION_LAUGHS, /bomb\.yaml: document 1: YAML: too many alias references/],
    [
      'billion laughs after a good document',
      `${GOOD}---\n${BILLION_LAUGHS}\n`,
      /bomb\.yaml: document 4: YAML: too many alias references/,
    ],
    ['alias to a missing anchor', 'apiVersion: openslo/v1\nkind: *nothing\n', /bomb\.yaml: document 1: YAML: .*alias/i],
  ])('refuses YAML alias bombs: %s', async (_case, text, message) => {
    const run = await refusedAgainstGood(['--specs', specFile('bomb.yaml', text)]);
    expectRefusal(run, 1, message);
  });

  it('refuses unusable --out: a file', async () => {
    const file = specFile('not-a-dir', 'x');
    const run = await runSlo(['generate', '--out', file]);
    expectRefusal(run, 1, /not-a-dir: is a file, expected a directory/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('refuses unusable --out: a directory below a file', async () => {
    const run = await runSlo(['generate', '--out', join(work, 'good.yaml', 'rules')]);
    expectRefusal(run, 1, /good\.yaml\/rules: a part of the path is not a directory/);
  });

  const readOnly = isRoot ? '/sys/kernel' : undefined;
  if (!isRoot || readOnly) {
    it('refuses unusable --out: a read-only directory', async () => {
      let dir = readOnly;
      if (!dir) {
        dir = join(tempDir(), 'ro');
        mkdirSync(dir);
        chmodSync(dir, 0o555);
      }
      const before = snapshot(dir);
      const run = await runSlo(['generate', '--out', dir]);
      expectRefusal(run, 1, /: permission denied/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('refuses unusable --out: one holding a hand-written file with a generated name', async () => {
    const out = join(tempDir(), 'rules');
    mkdirSync(out);
    writeFileSync(join(out, OPS_RULE_FILE), '# my own alerts\ngroups: []\n');
    const run = await runSlo(['generate', '--out', out]);
    expectRefusal(
      run,
      1,
      new RegExp(`${OPS_RULE_FILE} exists and was not written by hybridlens-slo .*Nothing was written`)
    );
    expect(snapshot(out)).toEqual([[OPS_RULE_FILE, '# my own alerts\ngroups: []\n']]);
  });

  it.each<[string, string, number, RegExp]>([
    [
      'not http(s)',
      'ftp://grafana.example.com',
      2,
      /--grafana-url: "ftp:\/\/grafana\.example\.com" must be an http:\/\/ or https:\/\/ URL/,
    ],
    ['not absolute', 'grafana.example.com', 2, /--grafana-url: "grafana\.example\.com" is not an absolute URL/],
    [
      'with credentials',
      'https://admin:secret@grafana.example.com',
      2,
      /--grafana-url: credentials in the URL are not accepted/,
    ],
    [
      'a template in the query',
      'http://grafana/?x={{ .Labels }}',
      1,
      /Grafana URL .*without a query \(\?\) or fragment \(#\)/,
    ],
    [
      'a template in the fragment',
      'http://grafana/#{{ .Labels }}',
      1,
      /Grafana URL .*without a query \(\?\) or fragment \(#\)/,
    ],
  ])('refuses bad --grafana-url: %s', async (_case, url, code, message) => {
    const run = await refusedAgainstGood(['--grafana-url', url]);
    expectRefusal(run, code, message);
  });

  it.each<[string, string[], RegExp]>([
    ['--specs without a value', ['generate', '--specs'], /--specs needs a value/],
    ['an unknown flag', ['generate', '--spec', 'x.yaml'], /Unknown option '--spec'/],
    ['a stray argument', ['generate', 'slos.yaml'], /unexpected argument "slos\.yaml"/],
    ['an unknown command', ['generat'], /unknown command "generat" \(did you mean "generate"\?\)/],
    ['a value for a switch', ['generate', '--prune=yes'], /--prune/],
  ])('refuses bad flags: %s', async (_case, argv, message) => {
    const run = await runSlo(argv);
    expectRefusal(run, 2, message);
    expect(run.out).toBe('');
  });
});

describe('--grafana-url values that are odd but valid', () => {
  it.each([
    [
      'a path with spaces, quotes and template braces',
      'http://grafana.example.com/sub path/{{ .Labels }}/"q"/',
      'http://grafana.example.com/sub%20path/%7B%7B%20.Labels%20%7D%7D/%22q%22',
    ],
    ['an IPv6 host and a port', 'https://[::1]:3000/grafana/', 'https://[::1]:3000/grafana'],
    ['UTF-8 in the path', 'http://grafana.example.com/überwachung', 'http://grafana.example.com/%C3%BCberwachung'],
  ])('are encoded so that the rules still check: %s', async (_case, url, encoded) => {
    const out = join(tempDir(), 'rules');
    const run = await runSlo(['generate', '--out', out, '--no-defaults', '--grafana-url', url]);
    expect(run.code).toBe(0);
    if (hasPromtool) {
      expect(run.out).toContain('checked with promtool check rules');
    }
    const ops = readFileSync(join(out, OPS_RULE_FILE), 'utf8');
    expect(ops).toContain(`runbook_url: ${encoded}/a/hybridlens-observability-app/playbooks/`);
  });
});

describe('pkg/slo/README.md', () => {
  it('shows the current --help of the tool and of every command', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    for (const argv of [['--help'], ['generate', '--help'], ['alertmanager', '--help']]) {
      const { out } = await runSlo(argv);
      if (!readme.includes(`\`\`\`text\n${out}\`\`\``)) {
        throw new Error(`README.md's "Command line" section is out of date for hybridlens-slo ${argv.join(' ')}`);
      }
    }
  });
});
