import { GEN_AI_ATTR, QUANTUM_ATTR } from '@hybridlens/conventions';
import { num } from './attributes';
import type { SpanTree } from './tree';

/** What a span (or a subtree, or the trace) cost: estimated quantum spend and LLM tokens. */
export interface Cost {
  quantumUsd: number;
  inputTokens: number;
  outputTokens: number;
}

const FIELDS = [
  ['quantumUsd', QUANTUM_ATTR.estimatedSpendUsd.key],
  ['inputTokens', GEN_AI_ATTR.inputTokens.key],
  ['outputTokens', GEN_AI_ATTR.outputTokens.key],
] as const;

export function zeroCost(): Cost {
  return { quantumUsd: 0, inputTokens: 0, outputTokens: 0 };
}

function isZero(c: Cost): boolean {
  return c.quantumUsd === 0 && c.inputTokens === 0 && c.outputTokens === 0;
}

/**
 * Cost of every subtree, rolled up from the leaves. A span's own figure counts once; when its descendants
 * report the same figure (an agent span that totals its LLM calls' tokens), the span's figure is read as
 * their total and the larger of the two is kept, so nothing is counted twice. Undefined where a subtree
 * cost nothing. Iterative: children follow their parent in display order, so one backward pass suffices.
 */
export function rollUpCost(tree: SpanTree): { subtree: Array<Cost | undefined>; total: Cost } {
  const n = tree.spans.length;
  const below: Array<Cost | undefined> = new Array<Cost | undefined>(n);
  const subtree: Array<Cost | undefined> = new Array<Cost | undefined>(n);
  for (let i = n - 1; i >= 0; i--) {
    const a = tree.spans[i]!.attributes;
    const fromChildren = below[i];
    let own: Cost | undefined;
    for (const [field, key] of FIELDS) {
      const value = num(a, key);
      if (value !== undefined && value > 0) {
        own ??= zeroCost();
        own[field] = value;
      }
    }
    let total: Cost | undefined;
    if (own && fromChildren) {
      total = zeroCost();
      for (const [field] of FIELDS) {
        total[field] = Math.max(own[field], fromChildren[field]);
      }
    } else {
      total = own ?? fromChildren;
    }
    if (total && isZero(total)) {
      total = undefined;
    }
    subtree[i] = total;
    const p = tree.parent[i]!;
    if (total && p !== -1) {
      const acc = (below[p] ??= zeroCost());
      for (const [field] of FIELDS) {
        acc[field] += total[field];
      }
    }
  }
  const sum = zeroCost();
  for (const r of tree.roots) {
    const c = subtree[r];
    if (c) {
      for (const [field] of FIELDS) {
        sum[field] += c[field];
      }
    }
  }
  return { subtree, total: sum };
}
