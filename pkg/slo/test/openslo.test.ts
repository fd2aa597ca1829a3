import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT, LABEL, PLAYBOOK, SLI_TYPE, SLO_SERIES } from '@hybridlens/conventions';
import { parse } from 'yaml';
import { defaultSpecs, generateRuleFiles, parseOpenSlo, sloRuleFileName } from '../src';
import { main } from '../src/cliMain';

const GOOD = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-errors
  displayName: Checkout errors
  annotations:
    hybridlens.io/min-bad-events: "10"
    hybridlens.io/provider: ibm
spec:
  service: checkout
  description: Checkout requests that do not fail.
  budgetingMethod: Occurrences
  indicator:
    metadata:
      name: checkout-error-ratio
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: hybrid_requests_total{route="/checkout", outcome="error"}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: hybrid_requests_total{route="/checkout"}
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - displayName: good
      target: 0.995
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: solve-good
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: hybrid_quantum_jobs_total{outcome="success"}
    total:
      metricSource:
        type: prometheus
        spec:
          query: hybrid_quantum_jobs_total
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: solve-success
spec:
  service: quantum
  indicatorRef: solve-good
  timeWindow: [{ duration: 30d, isRolling: true }]
  objectives: [{ targetPercent: 90 }]
`;

describe('OpenSLO v1 input', () => {
  it('reads inline indicators and indicatorRefs, targets and rolling windows', () => {
    const { specs, errors } = parseOpenSlo([{ name: 'slos.yaml', text: GOOD }]);
    expect(errors).toEqual([]);
    expect(specs).toHaveLength(2);
    const [checkout, solve] = specs;
    expect(checkout).toMatchObject({
      name: 'checkout-errors',
      displayName: 'Checkout errors',
      service: 'checkout',
      objective: 0.995,
      period: '28d',
      sliType: SLI_TYPE.custom,
      minBadEvents: 10,
      scope: { provider: 'ibm' },
      sli: {
        total: 'hybrid_requests_total{route="/checkout"}',
        bad: 'hybrid_requests_total{route="/checkout", outcome="error"}',
      },
    });
    expect(solve).toMatchObject({
      name: 'solve-success',
      objective: 0.9,
      period: '30d',
      sli: { good: 'hybrid_quantum_jobs_total{outcome="success"}' },
    });
  });

  it.each([
    [
      'target: 0.995',
      'target: 1',
      /slos\.yaml: document 1 \(SLO "checkout-errors"\): spec\.objectives\[0\]\.target: must be a number strictly between 0 and 1/,
    ],
    ['  service: checkout\n', '', /document 1 \(SLO "checkout-errors"\): spec\.service: required string is missing/],
    [
      'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout',
      'apiVersion: openslo/v2\nkind: SLO\nmetadata:\n  name: checkout',
      /document 1 \(SLO "checkout-errors"\): apiVersion: must be "openslo\/v1"/,
    ],
    [
      'query: hybrid_requests_total{route="/checkout"}\n',
      'query: sum(rate(hybrid_requests_total[5m]))\n',
      /spec\.indicator\.spec\.ratioMetric\.total\.metricSource\.spec\.query: must be a counter selector/,
    ],
    [
      '        counter: true\n        bad:',
      '        counter: false\n        bad:',
      /spec\.indicator\.spec\.ratioMetric\.counter: must be true/,
    ],
    [
      '    - duration: 28d\n      isRolling: true',
      '    - duration: 1M\n      isRolling: true',
      /spec\.timeWindow\[0\]\.duration: must be a duration/,
    ],
    [
      'indicatorRef: solve-good',
      'indicatorRef: nope',
      /document 3 \(SLO "solve-success"\): spec\.indicatorRef: no SLI document named "nope"/,
    ],
    [
      'hybridlens.io/min-bad-events: "10"',
      'hybridlens.io/min-bad-events: "0"',
      /metadata\.annotations\.hybridlens\.io\/min-bad-events: must be a whole number/,
    ],
  ])('names the document and field: %s → %s', (from, to, message) => {
    const text = GOOD.replace(from, to);
    expect(text).not.toBe(GOOD);
    const { specs, errors } = parseOpenSlo([{ name: 'slos.yaml', text }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    // The other SLO of the file still comes through.
    expect(specs).toHaveLength(1);
  });

  it('scopes an SLO with label matchers on its SLI series, as the shipped latency SLO is scoped by request path', () => {
    // The shipped end-to-end latency SLO, written by a user: the same matchers give the same SLI.
    const text = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: end-to-end-latency
  annotations:
    hybridlens.io/sli-type: latency
spec:
  service: hybrid-pipeline
  indicator:
    metadata: { name: low-latency-requests }
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: hybrid_request_duration_seconds_bucket{path=~"simulator|classical|none",le=~"2(\\\\.0)?"}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: hybrid_request_duration_seconds_count{path=~"simulator|classical|none"}
  timeWindow: [{ duration: 30d, isRolling: true }]
  objectives: [{ target: 0.99 }]
`;
    const { specs, errors } = parseOpenSlo([{ name: 'latency.yaml', text }]);
    expect(errors).toEqual([]);
    const shipped = defaultSpecs().find((s) => s.name === 'end-to-end-latency')!;
    expect(specs[0]!.sli).toEqual(shipped.sli);
    const rulesOf = (spec: (typeof specs)[number]) => {
      const file = generateRuleFiles([spec]).files.find((f) => f.fileName === sloRuleFileName(spec))!;
      const doc = parse(file.content) as { groups: Array<{ rules: Array<{ record?: string; expr: string }> }> };
      return doc.groups.flatMap((g) => g.rules).filter((r) => r.record === SLO_SERIES.badIncrease5m);
    };
    expect(rulesOf(specs[0]!)[0]!.expr).toContain('{path=~"simulator|classical|none",le=~"2(\\\\.0)?"}');
    expect(rulesOf(specs[0]!)).toEqual(rulesOf(shipped));
  });

  it("names the playbook on hybridlens_slo_info: the SLI type's by default, the annotation's when given", () => {
    const infoOf = (text: string) => {
      const { specs, errors } = parseOpenSlo([{ name: 'slos.yaml', text }]);
      expect(errors).toEqual([]);
      const spec = specs.find((s) => s.name === 'checkout-errors')!;
      const file = generateRuleFiles([spec]).files.find((f) => f.fileName === sloRuleFileName(spec))!;
      const doc = parse(file.content) as {
        groups: Array<{ rules: Array<{ record?: string; labels?: Record<string, string> }> }>;
      };
      const runbooks = doc.groups
        .flatMap((g) => g.rules)
        .map((r) => (r as { annotations?: Record<string, string> }).annotations?.runbook_url)
        .filter((u): u is string => u !== undefined);
      return {
        info: doc.groups.flatMap((g) => g.rules).find((r) => r.record === SLO_SERIES.info)!.labels!,
        runbooks: new Set(runbooks.map((u) => new URL(u).pathname.split('/').pop())),
      };
    };
    const custom = infoOf(GOOD);
    expect(custom.info[LABEL.playbook]).toBe(PLAYBOOK.latency);
    const queueing = infoOf(GOOD.replace('hybridlens.io/provider: ibm', 'hybridlens.io/sli-type: queueing'));
    expect(queueing.info[LABEL.playbook]).toBe(PLAYBOOK.queueSaturation);
    expect(queueing.runbooks).toEqual(new Set([PLAYBOOK.queueSaturation]));
    const own = infoOf(
      GOOD.replace(
        'hybridlens.io/provider: ibm',
        'hybridlens.io/sli-type: queueing\n    hybridlens.io/playbook: llm-drift'
      )
    );
    expect(own.info[LABEL.playbook]).toBe(PLAYBOOK.llmDrift);
    expect(own.runbooks).toEqual(new Set([PLAYBOOK.llmDrift]));
  });

  it('reports YAML syntax errors with the document number and keeps the other documents', () => {
    const { specs, errors } = parseOpenSlo([{ name: 'broken.yaml', text: `${GOOD}\n---\nkind: [unclosed\n` }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^broken\.yaml: document 4: YAML: /);
    expect(specs).toHaveLength(2);
  });
});

describe('hybridlens-slo generate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-slo-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes rule files for user SLOs with the Grafana URL, and says which tiers a loose target cannot reach', () => {
    const specFile = join(dir, 'slos.yaml');
    writeFileSync(specFile, GOOD);
    const out = join(dir, 'rules');
    const log: string[] = [];
    const warn: string[] = [];
    const code = main(
      [
        'generate',
        '--out',
        out,
        '--grafana-url',
        'https://grafana.example.com/g/',
        '--specs',
        specFile,
        '--no-defaults',
      ],
      (l) => log.push(l),
      (l) => warn.push(l)
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'hybridlens-ops-alerts.rules.yml',
      'slo-checkout-errors.rules.yml',
      'slo-solve-success.rules.yml',
    ]);
    // 90% allows at most a 10x burn: the 14.4x page-fast tier can never fire, the others remain.
    expect(warn).toEqual([
      expect.stringMatching(
        /SLO "solve-success".*page-fast \(burn rate 14\.4\) is unreachable with objective 0\.9 \(max burn rate 10\); using page-slow, ticket-fast, ticket-slow/
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

  it('exits non-zero and names the problem for a bad spec, and still writes the good ones', () => {
    const specFile = join(dir, 'slos.yaml');
    writeFileSync(specFile, GOOD.replace('target: 0.995', 'target: 2'));
    const warn: string[] = [];
    const code = main(
      ['generate', '--out', join(dir, 'rules'), '--specs', specFile, '--no-defaults'],
      () => undefined,
      (l) => warn.push(l)
    );
    expect(code).toBe(1);
    expect(warn.join('\n')).toMatch(/slos\.yaml: document 1 \(SLO "checkout-errors"\): spec\.objectives\[0\]\.target/);
    expect(readdirSync(join(dir, 'rules'))).toContain('slo-solve-success.rules.yml');
  });
});
