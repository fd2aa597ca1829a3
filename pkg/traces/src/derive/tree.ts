import type { TraceSpan } from '../model';
import { PROBLEM, type ProblemKind, type ProblemLog } from '../problems';
import { SpanIdIndex } from './spanIdIndex';

/**
 * The span tree in display order: depth-first, children by start time, roots by start time. Arrays are
 * indexed by display position. Built without recursion, so deep chains and cycles cannot overflow the stack.
 */
export interface SpanTree {
  spans: TraceSpan[];
  /** Display index of the parent, -1 for a root. */
  parent: Int32Array;
  depth: Int32Array;
  /** Display index just past the span's last descendant: a span's subtree is `[i, subtreeEnd[i])`. */
  subtreeEnd: Int32Array;
  children: number[][];
  roots: number[];
  /** Problems that concern one span (orphan, cut cycle link, clock skew), by display index. */
  spanProblems: Map<number, ProblemKind[]>;
}

const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

/** Orders positions by start time, then input order; start times are read into an array once. */
function byStart(spans: readonly TraceSpan[]) {
  const starts = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    starts[i] = spans[i]!.startMs;
  }
  return (a: number, b: number) => starts[a]! - starts[b]! || a - b;
}

function flag(map: Map<number, ProblemKind[]>, index: number, kind: ProblemKind): void {
  const list = map.get(index);
  if (list) {
    list.push(kind);
  } else {
    map.set(index, [kind]);
  }
}

/** Keeps the first span of each id; later ones are counted and dropped. */
function dedupe(input: readonly TraceSpan[], problems: ProblemLog): { spans: TraceSpan[]; index: SpanIdIndex } {
  const index = new SpanIdIndex(input.length);
  const spans: TraceSpan[] = [];
  for (const span of input) {
    const first = index.get(span.spanId);
    if (first !== -1) {
      const kept = spans[first]!;
      const same = kept.name === span.name && kept.startMs === span.startMs && kept.endMs === span.endMs;
      problems.add(
        PROBLEM.duplicateSpanId,
        () =>
          same
            ? `span "${span.name}" appears twice (same name and times): the copy is dropped`
            : `two different spans share the id (kept "${kept.name}", dropped "${span.name}")`,
        span.spanId
      );
      continue;
    }
    index.add(span.spanId, spans.length);
    spans.push(span);
  }
  return { spans, index };
}

/** Cuts one link of every parent cycle (at the span that starts first) so each span reaches a root. */
function breakCycles(
  spans: readonly TraceSpan[],
  parentOf: Int32Array,
  problems: ProblemLog,
  cut: (index: number) => void
): void {
  const n = spans.length;
  const walk = new Int32Array(n);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (walk[i] !== 0) {
      continue;
    }
    const walkId = i + 1;
    path.length = 0;
    let j = i;
    while (j !== -1 && walk[j] === 0) {
      walk[j] = walkId;
      path.push(j);
      j = parentOf[j]!;
    }
    if (j !== -1 && walk[j] === walkId) {
      const cycle = path.slice(path.indexOf(j));
      let earliest = cycle[0]!;
      for (const k of cycle) {
        if (spans[k]!.startMs < spans[earliest]!.startMs) {
          earliest = k;
        }
      }
      parentOf[earliest] = -1;
      cut(earliest);
      problems.add(
        PROBLEM.parentCycle,
        () =>
          `parent links form a cycle of ${cycle.length} span${cycle.length === 1 ? '' : 's'}: "${spans[earliest]!.name}" is shown as a root`,
        spans[earliest]!.spanId
      );
    }
  }
}

export function buildTree(input: readonly TraceSpan[], problems: ProblemLog): SpanTree {
  const { spans: kept, index } = dedupe(input, problems);
  const n = kept.length;
  const parentOf = new Int32Array(n).fill(-1);
  const inputProblems = new Map<number, ProblemKind[]>();
  for (let i = 0; i < n; i++) {
    const parentId = kept[i]!.parentSpanId;
    if (parentId === undefined) {
      continue;
    }
    const p = index.get(parentId);
    if (p === -1) {
      problems.add(PROBLEM.orphanSpan, () => `parent ${parentId} is not in the trace`, kept[i]!.spanId);
      flag(inputProblems, i, PROBLEM.orphanSpan);
    } else {
      parentOf[i] = p;
    }
  }
  breakCycles(kept, parentOf, problems, (i) => flag(inputProblems, i, PROBLEM.parentCycle));

  // Most spans are leaves: they share one empty list instead of allocating their own.
  const childrenOf = new Array<number[]>(n).fill(NO_CHILDREN);
  const inputRoots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parentOf[i]!;
    if (p === -1) {
      inputRoots.push(i);
    } else if (childrenOf[p] === NO_CHILDREN) {
      childrenOf[p] = [i];
    } else {
      childrenOf[p]!.push(i);
    }
  }
  const order = byStart(kept);
  inputRoots.sort(order);
  for (const list of childrenOf) {
    if (list.length > 1) {
      list.sort(order);
    }
  }
  if (inputRoots.length > 1) {
    problems.set(PROBLEM.multipleRoots, inputRoots.length, `the trace has ${inputRoots.length} root spans`);
  }

  // Depth-first pre-order with an explicit stack.
  const displayOf = new Int32Array(n);
  const spans: TraceSpan[] = new Array<TraceSpan>(n);
  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  const stack: number[] = [];
  for (let r = inputRoots.length - 1; r >= 0; r--) {
    stack.push(inputRoots[r]!);
  }
  let next = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const d = next++;
    displayOf[i] = d;
    spans[d] = kept[i]!;
    const p = parentOf[i]!;
    parent[d] = p === -1 ? -1 : displayOf[p]!;
    depth[d] = p === -1 ? 0 : depth[displayOf[p]!]! + 1;
    const kids = childrenOf[i]!;
    for (let c = kids.length - 1; c >= 0; c--) {
      stack.push(kids[c]!);
    }
  }
  // Descendants follow their ancestor in pre-order: walk backwards to find where each subtree ends.
  for (let d = n - 1; d >= 0; d--) {
    subtreeEnd[d] = Math.max(subtreeEnd[d]!, d + 1);
    const p = parent[d]!;
    if (p !== -1 && subtreeEnd[d]! > subtreeEnd[p]!) {
      subtreeEnd[p] = subtreeEnd[d]!;
    }
  }
  // The lists are renumbered in place: from input positions to display positions.
  const children = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const kids = childrenOf[i]!;
    for (let k = 0; k < kids.length; k++) {
      kids[k] = displayOf[kids[k]!]!;
    }
    children[displayOf[i]!] = kids;
  }
  const spanProblems = new Map<number, ProblemKind[]>();
  for (const [i, kinds] of inputProblems) {
    spanProblems.set(displayOf[i]!, kinds);
  }
  for (let d = 0; d < n; d++) {
    const p = parent[d]!;
    if (p === -1) {
      continue;
    }
    const child = spans[d]!;
    const up = spans[p]!;
    if (child.startMs < up.startMs) {
      problems.add(
        PROBLEM.childStartsBeforeParent,
        () => `"${child.name}" starts ${round(up.startMs - child.startMs)} ms before its parent "${up.name}"`,
        child.spanId
      );
      flag(spanProblems, d, PROBLEM.childStartsBeforeParent);
    }
    if (child.endMs > up.endMs) {
      problems.add(
        PROBLEM.childEndsAfterParent,
        () => `"${child.name}" ends ${round(child.endMs - up.endMs)} ms after its parent "${up.name}"`,
        child.spanId
      );
      flag(spanProblems, d, PROBLEM.childEndsAfterParent);
    }
  }
  return { spans, parent, depth, subtreeEnd, children, roots: inputRoots.map((r) => displayOf[r]!), spanProblems };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
