import { SPAN } from '@hybridlens/conventions';
import type { Timing } from './timing';
import type { SpanTree } from './tree';

/**
 * A stretch of the trace where nothing starts or ends and everything running waits on something remote (a
 * QPU queue can last an hour while the rest takes milliseconds). A waterfall compresses these by default.
 */
export interface IdleGap {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Spans running through the whole gap. */
  activeSpanCount: number;
  /** The deepest spans running through the gap (display indices, at most three): what the trace waits on. */
  waitingOn: number[];
}

/**
 * Which stretches count as idle. A candidate is a stretch of at least `minMs` in which no span starts or
 * ends and whose deepest running spans all wait on something remote: a client or producer span, or a
 * quantum job's queue or execution. Longest first, a candidate is idle while it takes at least `minShare` of
 * the time not yet counted as idle: an hour in a QPU queue goes, then a 30-second execution, until what is
 * left is the request's own work. A span that works (internal, no children) is never compressed, nor are
 * the milliseconds between the calls of a fast request.
 */
export interface IdleGapOptions {
  /** Share of the remaining (not yet idle) time a stretch must take (default 0.5). */
  minShare?: number;
  /** Shortest idle stretch, ms (default 1000). */
  minMs?: number;
}

export const DEFAULT_IDLE_GAP: Required<IdleGapOptions> = { minShare: 0.5, minMs: 1000 };

const WAITING_ON = 3;
/** Candidates looked at, longest first: each costs a pass over the spans, and later ones are short anyway. */
const MAX_CANDIDATES = 32;
// Read once: imported bindings compile to getters in CommonJS.
const REMOTE_PHASES = new Set<string>([SPAN.quantumEnqueue, SPAN.quantumExecute]);

interface Stretch {
  startMs: number;
  endMs: number;
}

function coverage(tree: SpanTree, timing: Timing, g: Stretch): { active: number; deepest: number[] } {
  let active = 0;
  let deepest: number[] = [];
  let depth = -1;
  for (let i = 0; i < tree.spans.length; i++) {
    if (timing.effStart[i]! <= g.startMs && timing.effEnd[i]! >= g.endMs) {
      active++;
      const d = tree.depth[i]!;
      if (d > depth) {
        depth = d;
        deepest = [i];
      } else if (d === depth) {
        deepest.push(i);
      }
    }
  }
  return { active, deepest };
}

function waitsOnRemote(tree: SpanTree, index: number): boolean {
  const span = tree.spans[index]!;
  return span.kind === 'client' || span.kind === 'producer' || REMOTE_PHASES.has(span.name);
}

export function idleGaps(
  tree: SpanTree,
  timing: Timing,
  startMs: number,
  endMs: number,
  options: IdleGapOptions = {}
): IdleGap[] {
  const n = tree.spans.length;
  const duration = endMs - startMs;
  if (n === 0 || duration <= 0) {
    return [];
  }
  const minMs = options.minMs ?? DEFAULT_IDLE_GAP.minMs;
  const minShare = options.minShare ?? DEFAULT_IDLE_GAP.minShare;
  const bounds = new Float64Array(2 * n + 2);
  for (let i = 0; i < n; i++) {
    bounds[2 * i] = timing.effStart[i]!;
    bounds[2 * i + 1] = timing.effEnd[i]!;
  }
  bounds[2 * n] = startMs;
  bounds[2 * n + 1] = endMs;
  bounds.sort();
  const candidates: Stretch[] = [];
  for (let k = 1; k < bounds.length; k++) {
    if (bounds[k]! - bounds[k - 1]! >= minMs) {
      candidates.push({ startMs: bounds[k - 1]!, endMs: bounds[k]! });
    }
  }
  candidates.sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs));
  const found: IdleGap[] = [];
  let remaining = duration;
  for (const c of candidates.slice(0, MAX_CANDIDATES)) {
    const length = c.endMs - c.startMs;
    // Compressing everything would leave nothing to look at (a one-span trace is all "gap").
    if (length < minShare * remaining || length >= remaining) {
      break;
    }
    const { active, deepest } = coverage(tree, timing, c);
    if (deepest.length === 0 || !deepest.every((i) => waitsOnRemote(tree, i))) {
      continue;
    }
    found.push({ ...c, durationMs: length, activeSpanCount: active, waitingOn: deepest.slice(0, WAITING_ON) });
    remaining -= length;
  }
  return found.sort((a, b) => a.startMs - b.startMs);
}
