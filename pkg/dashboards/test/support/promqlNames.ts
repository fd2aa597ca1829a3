import { parser } from '@prometheus-io/lezer-promql';

export interface SelectorUse {
  metric: string;
  /** Labels of the selector's matchers. */
  labels: string[];
}

export interface PromqlNames {
  selectors: SelectorUse[];
  /** Every label name the expression mentions: matchers, by/without, on/ignoring, group_left/right. */
  labels: string[];
  /** Text of the parts the grammar could not read (empty for a valid expression). */
  errors: string[];
}

/** Metric and label names of a PromQL expression, read with Prometheus' own grammar (lezer-promql). */
export function promqlNames(expr: string): PromqlNames {
  const result: PromqlNames = { selectors: [], labels: [], errors: [] };
  const text = (from: number, to: number) => expr.slice(from, to);
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        result.errors.push(`at ${node.from}: "${text(Math.max(0, node.from - 10), node.to + 10)}"`);
      }
      if (node.name === 'LabelName') {
        result.labels.push(text(node.from, node.to));
      }
      if (node.name === 'VectorSelector') {
        const id = node.node.getChild('Identifier');
        const matchers = node.node.getChild('LabelMatchers');
        const labels: string[] = [];
        matchers?.toTree().iterate({
          enter(inner) {
            if (inner.name === 'LabelName') {
              labels.push(text(matchers.from + inner.from, matchers.from + inner.to));
            }
          },
        });
        if (id) {
          result.selectors.push({ metric: text(id.from, id.to), labels });
        }
      }
    },
  });
  return result;
}
