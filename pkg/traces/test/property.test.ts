import { DROPPING_PROBLEMS, PROBLEM, deriveFromDocument, readTrace } from '../src';
import { generateMessyTrace } from '../src/testing';
import { shapeViolations } from './shape';

const SEEDS = 300;

describe('property: random messy traces', () => {
  it(`never throw, and every span entry is in a tree or counted as dropped (${SEEDS} seeds)`, () => {
    let kinds = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const messy = generateMessyTrace(seed, 20 + (seed % 80));
      const document = readTrace(JSON.stringify(messy.document));
      let inTrees = 0;
      let dropped = 0;
      for (const trace of document.traces) {
        const lc = deriveFromDocument(document, trace);
        expect({ seed, violations: shapeViolations(lc) }).toEqual({ seed, violations: [] });
        inTrees += lc.spans.length;
        // Problems of the document as a whole are merged into every trace: count them once, below.
        for (const kind of DROPPING_PROBLEMS) {
          dropped += (lc.problems.counts[kind] ?? 0) - (document.documentProblems.counts[kind] ?? 0);
        }
        kinds = new Set([...kinds, ...Object.keys(lc.problems.counts)]);
      }
      for (const kind of DROPPING_PROBLEMS) {
        dropped += document.documentProblems.counts[kind] ?? 0;
      }
      expect({ seed, accounted: inTrees + dropped }).toEqual({ seed, accounted: messy.spanEntries });
    }
    // The generator really produces every kind of mess the reader handles.
    for (const kind of [
      PROBLEM.orphanSpan,
      PROBLEM.multipleRoots,
      PROBLEM.parentCycle,
      PROBLEM.duplicateSpanId,
      PROBLEM.childStartsBeforeParent,
      PROBLEM.childEndsAfterParent,
      PROBLEM.zeroDuration,
      PROBLEM.negativeDuration,
      PROBLEM.missingStartTime,
      PROBLEM.missingEndTime,
      PROBLEM.missingSpanId,
      PROBLEM.missingName,
      PROBLEM.invalidId,
      PROBLEM.malformedSpan,
      PROBLEM.malformedEntry,
      PROBLEM.noContractAttributes,
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});
