import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { backfillWindow, writeRuleBackfillPlan } from '../src/ruleBackfillPlan';
import { type Rule, listRuleFiles, readRules, references } from '../src/ruleFiles';
import { repoRoot } from '../src/tools';

const RULES = join(repoRoot, 'provisioning/prometheus/rules');

describe('rule backfill plan for the compose history', () => {
  let out: string;
  beforeEach(() => {
    out = join(mkdtempSync(join(tmpdir(), 'hl-plan-')), 'rules');
  });
  afterEach(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('puts every recording rule of the committed rules and every alert into a level after what it reads', () => {
    const plan = writeRuleBackfillPlan(RULES, out, 240);
    expect(readdirSync(out)).toEqual(plan.levelFiles.map((f) => f.slice(out.length + 1)));
    const levels = plan.levelFiles.map(
      (f) => (parse(readFileSync(f, 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups[0]!.rules
    );
    const source = readRules(listRuleFiles(RULES));
    expect(levels.flat().filter((r) => r.record !== 'ALERTS')).toHaveLength(source.filter((r) => r.record).length);
    expect(levels.flat().some((r) => r.record === 'ALERTS')).toBe(true);
    // No rule reads a series recorded at its own level or later.
    levels.forEach((level, i) => {
      const laterOrSame = new Set(levels.slice(i).flatMap((l) => l.map((r) => r.record!)));
      for (const rule of level) {
        for (const name of laterOrSame) {
          expect({ rule: rule.record, reads: name, ok: !references(rule.expr, name) }).toEqual({
            rule: rule.record,
            reads: name,
            ok: true,
          });
        }
      }
    });
  });

  it("writes the history's window for the shell script, read from the simulator's summary line", () => {
    const window = backfillWindow(
      '{"from":"2026-11-24T00:00:00.000Z","to":"2026-12-01T00:00:00.000Z","series":3}',
      'x'
    );
    writeRuleBackfillPlan(RULES, out, 240, window);
    expect(readFileSync(join(out, 'window.env'), 'utf8')).toBe('START=1795478400\nEND=1796083200\n');
    expect(() => backfillWindow('not json', 'sim.json')).toThrow(/^sim\.json: not the JSON line/);
    expect(() => backfillWindow('{"from":"2026-12-01T00:00:00Z","to":"2026-11-01T00:00:00Z"}', 'sim.json')).toThrow(
      /"from" first/
    );
  });

  it('refuses an empty rules directory and leaves the old plan in place', () => {
    writeRuleBackfillPlan(RULES, out, 240);
    const before = readdirSync(out);
    const empty = mkdtempSync(join(tmpdir(), 'hl-empty-'));
    expect(() => writeRuleBackfillPlan(empty, out, 240)).toThrow(/no rule files/);
    expect(readdirSync(out)).toEqual(before);
    rmSync(empty, { recursive: true, force: true });
  });
});
