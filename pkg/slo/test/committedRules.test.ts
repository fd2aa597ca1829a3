import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeWithBinary, promtool, repoRoot } from '@hybridlens/testkit';
import { GENERATED_HEADER, defaultSpecs, generateRuleFiles } from '../src';

const RULES_DIR = resolve(repoRoot, 'provisioning/prometheus/rules');
const REGENERATE = 'run `npm run generate -w @hybridlens/slo` and commit provisioning/prometheus/rules';

describe('committed rule files', () => {
  const { files } = generateRuleFiles(defaultSpecs());

  it.each(files.map((f) => [f.fileName, f.content] as const))('%s is up to date', (fileName, content) => {
    let committed: string;
    try {
      committed = readFileSync(join(RULES_DIR, fileName), 'utf8');
    } catch {
      throw new Error(`${fileName} is missing from provisioning/prometheus/rules: ${REGENERATE}`);
    }
    if (committed !== content) {
      throw new Error(`${fileName} is out of date: ${REGENERATE}`);
    }
  });

  it('holds no stale generated files', () => {
    const expected = new Set(files.map((f) => f.fileName));
    const stale = readdirSync(RULES_DIR).filter(
      (name) => !expected.has(name) && readFileSync(join(RULES_DIR, name), 'utf8').startsWith(GENERATED_HEADER)
    );
    expect(stale).toEqual([]);
  });
});

describeWithBinary('promtool', 'apt-get install prometheus', 'promtool check rules', () => {
  it('accepts every committed rule file', () => {
    const names = readdirSync(RULES_DIR).filter((n) => n.endsWith('.yml'));
    expect(names.length).toBeGreaterThan(0);
    const out = promtool(['check', 'rules', ...names.map((n) => join(RULES_DIR, n))]);
    expect(out).not.toMatch(/FAILED/);
  });

  it('rejects a broken rule file, so the check above can fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-slo-check-'));
    try {
      const file = join(dir, 'broken.rules.yml');
      writeFileSync(file, 'groups:\n  - name: x\n    rules:\n      - record: a:b\n        expr: sum(rate(x[5m]) by\n');
      expect(() => promtool(['check', 'rules', file])).toThrow(/parse error|could not parse/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
