import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithFixtures } from '@hybridlens/testkit';
import { PROBLEM, TRACE_FORMAT, deriveFromDocument, loadTrace, readTrace } from '../src';
import { acrossFormats, differences, formatFree, toleranceMs } from './equivalence';
import { shapeViolations } from './shape';

const HEX_SPAN_ID = /^[0-9a-f]{16}$/;

// Other real traces will be used to check this package: nothing here depends on these files beyond their format.
describeWithFixtures('real traces in ../shared/fixtures/traces', (fixtures) => {
  const dir = join(fixtures, 'traces');
  // Skipped (no fixtures): the body still runs to list its tests, so it must not read a folder that is absent.
  const files = fixtures ? readdirSync(dir).filter((f) => /\.jsonl?$/.test(f)) : ['(no fixture files)'];

  it('has trace files to read', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: read in a known format, every span in a tree, ids as hex, a consistent lifecycle', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const document = readTrace(text);
    expect(Object.values(TRACE_FORMAT)).toContain(document.format);
    expect(document.traces.length).toBeGreaterThan(0);
    for (const trace of document.traces) {
      const lc = deriveFromDocument(document, trace);
      expect(shapeViolations(lc)).toEqual([]);
      // Read spans end up in the tree, or are duplicates (the only spans the tree drops).
      expect(lc.spans.length + (lc.problems.counts[PROBLEM.duplicateSpanId] ?? 0)).toBe(trace.spans.length);
      expect(lc.spans.length).toBeGreaterThan(0);
      expect(lc.traceId).toMatch(/^[0-9a-f]{32}$/);
      for (const row of lc.spans) {
        expect(row.span.spanId).toMatch(HEX_SPAN_ID);
      }
      expect(lc.criticalPathSpanIds.length).toBeGreaterThan(0);
    }
  });

  it.each(files)('%s: the same lifecycle from Tempo v1 (base64), Tempo v2 and Jaeger', (file) => {
    const lc = loadTrace(readFileSync(join(dir, file), 'utf8'));
    for (const { format, derived } of acrossFormats(lc)) {
      expect({ format, differences: differences(formatFree(derived), formatFree(lc), toleranceMs(format)) }).toEqual({
        format,
        differences: [],
      });
    }
  });
});
