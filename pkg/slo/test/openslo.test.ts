import { LABEL, PLAYBOOK, SLI_TYPE, SLO_SERIES } from '@hybridlens/conventions';
import { parse } from 'yaml';
import { defaultSpecs, generateRuleFiles, parseOpenSlo, sloRuleFileName } from '../src';
import { GOOD } from './support/openSloExamples';

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
        // Normalized by the contract's builder: one spelling, one escaping.
        bad: 'hybrid_requests_total{route="/checkout",outcome="error"}',
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
      /spec\.timeWindow\[0\]\.duration: "1M" is not a duration like 28d or 30d/,
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
              query: hybrid_request_duration_seconds_bucket{ path=~"simulator|classical|none", le=~"2(\\\\.0)?" }
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
