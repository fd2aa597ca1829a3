import { promqlNames } from './support/promqlNames';

describe('the PromQL name reader the reference test relies on', () => {
  it('finds series, matcher labels and grouping labels', () => {
    const names = promqlNames(
      'sum by (slo) (rate(hybrid_requests_total{outcome="error", tenant=~"a"}[5m])) / on (slo) group_left slo:x'
    );
    expect(names.errors).toEqual([]);
    expect(names.selectors).toEqual([
      { metric: 'hybrid_requests_total', labels: ['outcome', 'tenant'] },
      { metric: 'slo:x', labels: [] },
    ]);
    expect(names.labels).toEqual(['slo', 'outcome', 'tenant', 'slo']);
  });

  it('reports what it cannot parse', () => {
    expect(promqlNames('sum(rate(x[5m])').errors).not.toEqual([]);
    expect(promqlNames('x{a="b"} $__range').errors).not.toEqual([]);
  });
});
