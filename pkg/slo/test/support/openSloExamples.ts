/** Two SLOs (an inline indicator and an indicatorRef) and an SLI, all valid: tests change one thing at a time. */
export const GOOD = `
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
