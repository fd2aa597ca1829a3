import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithBinary, promtool } from '@hybridlens/testkit';
import { OPS_RULE_FILE, generateRuleFiles, parseOpenSlo } from '../src';

/**
 * Golden pairs, as Sloth keeps them: OpenSLO input → the exact rule files. UPDATE_GOLDEN=1 rewrites the
 * expected files (review the diff); otherwise any difference fails with the first line that differs.
 */
const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const SUFFIX = '.golden';
const WARNINGS = `warnings${SUFFIX}`;
const GRAFANA = 'https://grafana.example.com';

const cases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** What the generator writes for one case: rule files (without the shared ops alerts) and warnings. */
function generated(caseName: string): Map<string, string> {
  const text = readFileSync(join(GOLDEN, caseName, 'openslo.yaml'), 'utf8');
  const { specs, errors } = parseOpenSlo([{ name: 'openslo.yaml', text }]);
  expect(errors).toEqual([]);
  const result = generateRuleFiles(specs, { grafanaUrl: GRAFANA });
  const out = new Map(
    result.files.filter((f) => f.fileName !== OPS_RULE_FILE).map((f) => [`${f.fileName}${SUFFIX}`, f.content])
  );
  if (result.warnings.length > 0) {
    out.set(WARNINGS, `${result.warnings.join('\n')}\n`);
  }
  return out;
}

function expectedFiles(caseName: string): Map<string, string> {
  const dir = join(GOLDEN, caseName);
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith(SUFFIX))
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')])
  );
}

function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const line = e.findIndex((l, i) => l !== a[i]);
  const at = line < 0 ? e.length : line;
  return `line ${at + 1}:\n  expected: ${e[at] ?? '<end of file>'}\n  actual:   ${a[at] ?? '<end of file>'}`;
}

describe('golden OpenSLO → rules pairs', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s', (caseName) => {
    const actual = generated(caseName);
    const dir = join(GOLDEN, caseName);
    if (UPDATE) {
      for (const stale of expectedFiles(caseName).keys()) {
        if (!actual.has(stale)) {
          rmSync(join(dir, stale));
        }
      }
      actual.forEach((content, name) => writeFileSync(join(dir, name), content));
    }
    const expected = expectedFiles(caseName);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      if (actual.get(name) !== content) {
        throw new Error(
          `${caseName}/${name} differs from the generator's output at ${firstDifference(content, actual.get(name)!)}\n` +
            'If the change is intended: UPDATE_GOLDEN=1 npx jest --selectProjects pkg --testPathPattern pkg/slo/test/golden, and review the diff.'
        );
      }
    }
  });
});

describeWithBinary('promtool', 'apt-get install prometheus', 'golden rule files under promtool check rules', () => {
  it.each(cases)('%s checks', (caseName) => {
    const files = [...expectedFiles(caseName).entries()].filter(([n]) => n !== WARNINGS);
    expect(files.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'hl-slo-golden-'));
    try {
      const paths = files.map(([name, content]) => {
        const path = join(dir, name.slice(0, -SUFFIX.length));
        writeFileSync(path, content);
        return path;
      });
      expect(promtool(['check', 'rules', ...paths])).not.toMatch(/FAILED/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
