import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT, SLI_TYPE } from '@hybridlens/conventions';
import { parseOpenSlo } from '../src';
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
