import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlocksFromOpenMetrics, findBinary, startPrometheus, type RunningPrometheus } from '@hybridlens/testkit';
import {
  eq,
  formatDuration,
  leMatcher,
  matcher,
  neq,
  nre,
  oneOf,
  promString,
  range,
  re,
  regexOf,
  selector,
  withMatchers,
} from '../src';

const NASTY_VALUES: ReadonlyArray<[string, string]> = [
  ['plain', 'ibm_sherbrooke'],
  ['double quote', 'say "hi"'],
  ['backslash', 'C:\\path\\to'],
  ['backslash before quote', 'a\\"b'],
  ['newline', 'line1\nline2'],
  ['carriage return and tab', 'a\r\tb'],
  ['UTF-8', 'Zürich-東京-🚀'],
  ['PromQL syntax', '"} or vector(1) #'],
  ['empty', ''],
];

describe('PromQL builder (pure)', () => {
  it.each([
    ['plain', 'abc', '"abc"'],
    ['quote', 'a"b', '"a\\"b"'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['newline', 'a\nb', '"a\\nb"'],
    ['UTF-8 untouched', 'ü東', '"ü東"'],
  ])('promString escapes %s', (_name, input, expected) => {
    expect(promString(input)).toBe(expected);
  });

  it('builds selectors with comma-joined matchers and bare names without braces', () => {
    expect(selector('up')).toBe('up');
    expect(selector('hybrid_requests_total', [eq('route', '/v1/x'), neq('path', 'qpu')])).toBe(
      'hybrid_requests_total{route="/v1/x",path!="qpu"}'
    );
  });

  it('refuses invalid metric and label names instead of building broken PromQL', () => {
    expect(() => selector('bad-name')).toThrow(/not a valid metric name/);
    expect(() => eq('1label', 'x')).toThrow(/not a valid label name/);
    expect(() => oneOf('path', [])).toThrow(/at least one value/);
    expect(() => leMatcher(Number.NaN)).toThrow(/finite/);
  });

  it('oneOf matches literal values, regex metacharacters escaped', () => {
    expect(oneOf('path', ['qpu'])).toBe('path="qpu"');
    expect(oneOf('backend', ['ionq.qpu.aria-1', 'a|b'])).toBe('backend=~"ionq\\\\.qpu\\\\.aria-1|a\\\\|b"');
    expect(regexOf(['x.y'])).toBe('x\\.y');
    expect(re('backend', 'ibm_.*')).toBe('backend=~"ibm_.*"');
    expect(matcher('backend', '!~', 'ibm_.*')).toBe('backend!~"ibm_.*"');
  });

  it('adds matchers to an existing selector', () => {
    expect(withMatchers('m', [eq('a', '1')])).toBe('m{a="1"}');
    expect(withMatchers('m{b="2"}', [eq('a', '1')])).toBe('m{b="2",a="1"}');
    expect(withMatchers('m{b="2",}', [eq('a', '1')])).toBe('m{b="2",a="1"}');
    expect(withMatchers('m{}', [eq('a', '1')])).toBe('m{a="1"}');
  });

  it('writes ranges from durations or Grafana macros', () => {
    expect(range('m', 300_000)).toBe('m[5m]');
    expect(range('m', 5_400_000)).toBe('m[1h30m]');
    expect(range('m', '$__rate_interval')).toBe('m[$__rate_interval]');
    expect(formatDuration(30 * 86_400_000 - 1000)).toBe('29d23h59m59s');
  });

  it('le matcher accepts both Prometheus 2 and 3 spellings of whole buckets', () => {
    expect(leMatcher(2)).toBe('le=~"2(\\\\.0)?"');
    expect(leMatcher(0.25)).toBe('le="0.25"');
    expect(leMatcher(Infinity)).toBe('le="+Inf"');
    expect(() => leMatcher(-Infinity)).toThrow(/finite/);
  });
});

const promAvailable = findBinary('prometheus') !== undefined;
if (!promAvailable) {
  console.warn('SKIPPED: PromQL builder against Prometheus — prometheus is not installed (apt-get install prometheus)');
}
const describeWithProm = promAvailable ? describe : describe.skip;

describeWithProm('PromQL builder against the OS Prometheus', () => {
  let prom: RunningPrometheus;
  const STORED_METRIC = 'hl_promql_builder_test';
  const LE_METRIC = 'hl_promql_le_test';
  const storedAt = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  beforeAll(async () => {
    // One stored series per nasty value, written in OpenMetrics (its own escapes) and loaded with promtool.
    const dir = mkdtempSync(join(tmpdir(), 'hl-promql-'));
    const escapeOm = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    const lines = [`# TYPE ${STORED_METRIC} gauge`];
    for (const [, value] of NASTY_VALUES.filter(([, v]) => v !== '')) {
      lines.push(`${STORED_METRIC}{v="${escapeOm(value)}"} 1 ${storedAt / 1000}`);
    }
    lines.push(`# TYPE ${LE_METRIC} gauge`);
    for (const le of ['2', '2.0', '20', '2.5', '12', '+Inf']) {
      lines.push(`${LE_METRIC}{le="${le}"} 1 ${storedAt / 1000}`);
    }
    lines.push('# EOF', '');
    const file = join(dir, 'series.om');
    writeFileSync(file, lines.join('\n'));
    const dataDir = join(dir, 'data');
    createBlocksFromOpenMetrics(file, dataDir);
    prom = await startPrometheus({ dataDir });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  it.each(NASTY_VALUES)('a %s label value round-trips through Prometheus unchanged', async (_name, value) => {
    // label_replace writes the literal into a label; Prometheus must parse it and hand the same text back.
    const expr = `label_replace(vector(1), "v", ${promString(value)}, "", "")`;
    const result = await prom.query(expr);
    expect(result.result[0]?.metric.v ?? '').toBe(value);
  });

  it.each(NASTY_VALUES.filter(([, v]) => v !== ''))(
    'matchers on a %s value select exactly the stored series with that value',
    async (_name, value) => {
      const at = storedAt / 1000;
      const exact = await prom.query(selector(STORED_METRIC, [eq('v', value)]), at);
      expect(exact.result.map((r) => r.metric.v)).toEqual([value]);
      const literal = await prom.query(selector(STORED_METRIC, [oneOf('v', [value])]), at);
      expect(literal.result.map((r) => r.metric.v)).toEqual([value]);
      const others = await prom.query(selector(STORED_METRIC, [neq('v', value)]), at);
      expect(others.result).toHaveLength(NASTY_VALUES.length - 2);
      const notRegex = await prom.query(selector(STORED_METRIC, [nre('v', regexOf([value]))]), at);
      expect(notRegex.result).toHaveLength(NASTY_VALUES.length - 2);
    }
  );

  it('every duration formatDuration writes is accepted by Prometheus in a range', async () => {
    for (const ms of [1, 1500, 60_000, 300_000, 5_400_000, 86_400_000, 30 * 86_400_000, 30 * 86_400_000 - 1000]) {
      await expect(prom.query(`count_over_time(${range('up', ms)}) or vector(0)`)).resolves.toBeDefined();
    }
  });

  it('the le matcher selects the bucket whether it is stored as "2" or "2.0", and no other', async () => {
    const result = await prom.query(selector(LE_METRIC, [leMatcher(2)]), storedAt / 1000);
    expect(result.result.map((r) => r.metric.le).sort()).toEqual(['2', '2.0']);
    const fractional = await prom.query(selector(LE_METRIC, [leMatcher(2.5)]), storedAt / 1000);
    expect(fractional.result.map((r) => r.metric.le)).toEqual(['2.5']);
    const all = await prom.query(selector(LE_METRIC, [leMatcher(Infinity)]), storedAt / 1000);
    expect(all.result.map((r) => r.metric.le)).toEqual(['+Inf']);
  });
});
