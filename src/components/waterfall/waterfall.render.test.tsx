import '../../testing/jsdomPolyfills';
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GEN_AI_ATTR, QUANTUM_ATTR, RAW_CONTENT_ATTRIBUTES, SPAN, TRACE_STAGE } from '@hybridlens/conventions';
import { type TraceLifecycle, loadTrace, timeAxis } from '@hybridlens/traces';
import { type OtlpDocument, generateSyntheticTrace, otlpAttributes } from '@hybridlens/traces/testing';
import { testIds } from '../../ui/testIds';
import { SpanDetail } from './SpanDetail';
import { MIN_SEGMENT_PERCENT } from './segmentWidth';
import { ROW_HEIGHT, Waterfall } from './Waterfall';
import { formatMs } from './formatDuration';

/**
 * The waterfall and the span detail pane rendered from a derived trace: what each row, lane and bar shows is
 * checked against the trace model's own derivation (critical path, stages, LLM phases, unattributed gaps), and
 * the detail pane's groups against the span's attributes. Raw prompt text put into the trace never reaches the DOM.
 */

const SECRET_PROMPT = 'SECRET PROMPT: summarise the patient record of Jane Doe';

/** Content-bearing keys as the GenAI conventions, OpenLLMetry and OpenInference write them. */
const RAW_KEYS_ADDED = [RAW_CONTENT_ATTRIBUTES[0]!, 'gen_ai.prompt', 'llm.prompts.0.content', 'input.value'];

/** A synthetic trace whose LLM span also carries a raw prompt, as a foreign instrumentation would write it. */
function withRawPrompt(document: OtlpDocument): OtlpDocument {
  return {
    resourceSpans: document.resourceSpans.map((rs) => ({
      ...rs,
      scopeSpans: rs.scopeSpans.map((ss) => ({
        ...ss,
        spans: ss.spans.map((span) =>
          span.name === SPAN.llm
            ? {
                ...span,
                attributes: [
                  ...span.attributes,
                  ...otlpAttributes(Object.fromEntries(RAW_KEYS_ADDED.map((key) => [key, SECRET_PROMPT]))),
                ],
              }
            : span
        ),
      })),
    })),
  };
}

function lifecycleOf(spans: number, options: { minGapShare?: number } = {}): TraceLifecycle {
  const trace = generateSyntheticTrace({ spans, seed: 5, quantumJobs: 2, failedJobs: 1 });
  return loadTrace(withRawPrompt(trace.document), options);
}

function renderWaterfall(lc: TraceLifecycle, selectedIndex?: number) {
  const axis = timeAxis(lc.startMs, lc.endMs, lc.idleGaps);
  return render(
    <Waterfall lifecycle={lc} axis={axis} selectedIndex={selectedIndex} onSelect={() => {}} matches={[]} />
  );
}

const spanRows = () => screen.getAllByTestId(testIds.waterfall.spanRow);

const phaseSpanCount = (lc: TraceLifecycle) => lc.quantumJobs.reduce((n, j) => n + j.phases.length, 0);

describe('the waterfall, rendered', () => {
  // Every gap counts as unattributed here, so the small trace has such rows (the page's default hides tiny ones).
  const small = lifecycleOf(20, { minGapShare: 0 });

  it('marks exactly the critical path’s spans', () => {
    const view = renderWaterfall(small);
    const critical = new Set(small.criticalPathSpanIds);
    const rows = spanRows();
    // Every span has a row but the quantum jobs' phase spans (each job is one row until opened).
    expect(rows).toHaveLength(small.spans.length - phaseSpanCount(small));
    expect(rows.filter((r) => r.getAttribute('data-critical') === 'true').map((r) => r.dataset.spanId)).toEqual(
      rows.map((r) => r.dataset.spanId).filter((id) => critical.has(id!))
    );
    expect(critical.size).toBeGreaterThan(0);
    view.unmount();
  });

  it('draws one lane per stage that ran, and the critical path coloured by stage', () => {
    const view = renderWaterfall(small);
    const ran = new Set(small.spans.map((s) => s.stage));
    const expected = small.stages.filter((st) => ran.has(st.stage) || st.criticalPathMs > 0).map((st) => st.stage);
    const lanes = screen.getAllByTestId(testIds.waterfall.stageLane);
    expect(lanes.map((l) => l.dataset.stage)).toEqual(expected);
    // Each lane states its share of the critical path.
    for (const lane of lanes) {
      const total = small.stages.find((st) => st.stage === lane.dataset.stage)!;
      expect(lane.textContent).toContain(`${(total.share * 100).toFixed(1)} %`);
    }
    const path = screen.getByTestId(testIds.waterfall.criticalPath);
    expect(path.querySelectorAll('[title]')).toHaveLength(small.criticalPath.length);
    view.unmount();
  });

  it('draws the LLM call’s sub-phase bars (time to first token, generation) on its row only', () => {
    const view = renderWaterfall(small);
    expect(small.llmCalls).toHaveLength(1);
    const call = small.llmCalls[0]!;
    const llmRow = spanRows().find((r) => r.dataset.spanId === small.spans[call.spanIndex]!.span.spanId)!;
    expect(
      within(llmRow)
        .getAllByTestId(testIds.waterfall.phaseBar)
        .map((b) => b.dataset.phase)
    ).toEqual(call.phases.map((p) => p.phase));
    expect(call.phases.map((p) => p.phase)).toEqual(['time_to_first_token', 'generation']);
    expect(screen.getAllByTestId(testIds.waterfall.phaseBar)).toHaveLength(call.phases.length);
    view.unmount();
  });

  it('shows one "unattributed time" row per gap no child span covers, none for a stage span’s own time', () => {
    // A gap inside a stage's own span (a quantum job's queue wait) is that stage's time, not a row.
    const unattributed = small.gaps.filter((g) => g.stage === TRACE_STAGE.unattributed);
    expect(unattributed.length).toBeGreaterThan(0);
    expect(unattributed.length).toBeLessThan(small.gaps.length);
    const view = renderWaterfall(small);
    const gapRows = screen.getAllByTestId(testIds.waterfall.gapRow);
    expect(gapRows).toHaveLength(unattributed.length);
    expect(gapRows[0]!.textContent).toContain('Unattributed time');
    view.unmount();
    // With the page's default threshold the same trace's few milliseconds of gaps are not rows.
    const defaults = lifecycleOf(20);
    const plain = renderWaterfall(defaults);
    expect(screen.queryAllByTestId(testIds.waterfall.gapRow)).toHaveLength(
      defaults.gaps.filter((g) => g.stage === TRACE_STAGE.unattributed).length
    );
    plain.unmount();
  });

  it('has no minimap when every row fits, and one that scrolls the rows when they do not', () => {
    const twenty = lifecycleOf(20);
    const fits = renderWaterfall(twenty);
    expect(spanRows()).toHaveLength(20 - phaseSpanCount(twenty));
    expect(screen.queryByTestId(testIds.waterfall.minimap)).toBeNull();
    fits.unmount();

    const long = lifecycleOf(400);
    const view = renderWaterfall(long);
    const minimap = screen.getByTestId(testIds.waterfall.minimap);
    const rowCount = Number(screen.getByTestId(testIds.waterfall.container).dataset.rows);
    expect(minimap.getAttribute('aria-label')).toContain(String(rowCount));
    expect(minimap.querySelector('canvas')).not.toBeNull();
    // Virtualized: far fewer rows in the DOM than the trace has.
    expect(spanRows().length).toBeLessThan(long.spans.length / 4);
    const firstBefore = spanRows()[0]!.dataset.spanId;
    fireEvent.keyDown(minimap, { key: 'PageDown' });
    fireEvent.keyDown(minimap, { key: 'PageDown' });
    expect(Number(minimap.getAttribute('aria-valuenow'))).toBeGreaterThan(ROW_HEIGHT * 20);
    expect(spanRows()[0]!.dataset.spanId).not.toBe(firstBefore);
    view.unmount();
  });
});

describe('quantum jobs in the waterfall', () => {
  const lc = lifecycleOf(20);
  const jobRows = () => screen.getAllByTestId(testIds.waterfall.jobRow);
  const segmentsOf = (row: HTMLElement) => within(row).getAllByTestId(testIds.waterfall.jobPhase);
  const widthPercent = (el: HTMLElement) => parseFloat(el.style.width);

  function renderJobs(props: { compress?: boolean; selectedIndex?: number; currentMatch?: number } = {}) {
    const onSelect = jest.fn();
    const axis = timeAxis(lc.startMs, lc.endMs, props.compress ? lc.idleGaps : []);
    const view = render(
      <Waterfall
        lifecycle={lc}
        axis={axis}
        selectedIndex={props.selectedIndex}
        onSelect={onSelect}
        matches={props.currentMatch === undefined ? [] : [props.currentMatch]}
        currentMatch={props.currentMatch}
      />
    );
    return { view, onSelect };
  }

  it('draws each job as one row whose segments are its phases, as long as the phase spans', () => {
    const { view } = renderJobs();
    expect(lc.quantumJobs).toHaveLength(2);
    expect(jobRows().map((r) => r.dataset.jobId)).toEqual(lc.quantumJobs.map((j) => j.jobId));
    for (const [j, job] of lc.quantumJobs.entries()) {
      const segments = segmentsOf(jobRows()[j]!);
      expect(segments.map((s) => s.dataset.phase)).toEqual(job.phases.map((p) => p.phase));
      expect(new Set(segments.map((s) => s.dataset.phase))).toEqual(new Set(['enqueue', 'compile', 'execute']));
      for (const [k, segment] of segments.entries()) {
        // The phase's own span, read from the trace: its duration, and its share of the (linear) axis.
        const span = lc.spans.find((s) => s.span.spanId === segment.dataset.spanId)!;
        expect(span.span.name).toBe(`quantum.job.${segment.dataset.phase}`);
        expect(Number(segment.dataset.durationMs)).toBe(span.durationMs);
        const share = (100 * span.durationMs) / lc.durationMs;
        expect(widthPercent(segment)).toBeCloseTo(Math.max(share, MIN_SEGMENT_PERCENT), 6);
        expect(parseFloat(segment.style.left)).toBeCloseTo((100 * span.offsetMs) / lc.durationMs, 6);
        expect(segment.getAttribute('aria-label')).toBe(segment.title);
        expect(segment.title).toContain(formatMs(span.durationMs));
        expect(segment.title).toContain(
          ['Queue', 'Compile', 'Execute'][['enqueue', 'compile', 'execute'].indexOf(job.phases[k]!.phase)]
        );
      }
    }
    // The failed job's row and its failing phase are marked.
    const failed = lc.quantumJobs.findIndex((j) => j.outcome === 'error');
    expect(jobRows()[failed]!.dataset.error).toBe('true');
    expect(segmentsOf(jobRows()[failed]!).some((s) => s.title.includes('(failed)'))).toBe(true);
    view.unmount();
  });

  it('segments are buttons that open their phase span; the row opens to show the phase spans', () => {
    const { view, onSelect } = renderJobs();
    const job = lc.quantumJobs[0]!;
    const segments = segmentsOf(jobRows()[0]!);
    expect(segments.every((s) => s.tagName === 'BUTTON')).toBe(true);
    fireEvent.click(segments[2]!);
    expect(onSelect).toHaveBeenLastCalledWith(job.phases[2]!.spanIndex);
    const phaseIds = job.phases.map((p) => p.spanId);
    expect(spanRows().filter((r) => phaseIds.includes(r.dataset.spanId!))).toHaveLength(0);
    fireEvent.click(
      within(jobRows()[0]!).getByRole('button', { name: `Show the phase spans of quantum job ${job.jobId}` })
    );
    expect(
      spanRows()
        .filter((r) => phaseIds.includes(r.dataset.spanId!))
        .map((r) => r.dataset.spanId)
    ).toEqual(phaseIds);
    view.unmount();
  });

  it('a search hit or a selection inside a job opens it; the job row carries the critical path of its phases', () => {
    const job = lc.quantumJobs[1]!;
    const execute = job.phases.find((p) => p.phase === 'execute')!;
    for (const props of [{ currentMatch: execute.spanIndex }, { selectedIndex: execute.spanIndex }]) {
      const { view } = renderJobs(props);
      expect(spanRows().map((r) => r.dataset.spanId)).toContain(execute.spanId);
      view.unmount();
    }
    const { view } = renderJobs();
    const critical = new Set(lc.criticalPathSpanIds);
    for (const [j, row] of jobRows().entries()) {
      const expected = lc.quantumJobs[j]!.phases.some((p) => critical.has(p.spanId));
      expect(row.dataset.critical === 'true').toBe(expected);
    }
    expect(jobRows().some((r) => r.dataset.critical === 'true')).toBe(true);
    view.unmount();
  });

  it('an hour in the queue is compressed with the idle gaps; compile and execute get the width back', () => {
    const queue = lc.quantumJobs[0]!.phases.find((p) => p.phase === 'enqueue')!;
    expect(queue.durationMs).toBeGreaterThanOrEqual(3_600_000);
    expect(lc.idleGaps.some((g) => g.startMs >= queue.startMs && g.endMs <= queue.endMs)).toBe(true);
    const widths = (compress: boolean) => {
      const { view } = renderJobs({ compress });
      const out = segmentsOf(jobRows()[0]!).map(widthPercent);
      view.unmount();
      return out;
    };
    const linear = widths(false);
    const compressed = widths(true);
    const q = lc.quantumJobs[0]!.phases.indexOf(queue);
    expect(linear[q]).toBeGreaterThan(90);
    expect(compressed[q]).toBeLessThan(linear[q]! / 5);
    lc.quantumJobs[0]!.phases.forEach((p, k) => {
      if (k !== q) {
        expect(compressed[k]).toBeGreaterThan(linear[k]!);
      }
    });
  });
});

describe('the span detail pane, rendered', () => {
  const lc = lifecycleOf(20);
  const indexOf = (name: string) => lc.spans.findIndex((s) => s.span.name === name);
  const groups = () =>
    new Map(screen.getAllByTestId(testIds.waterfall.attributeGroup).map((g) => [g.dataset.group, g] as const));

  it('groups the LLM call’s GenAI attributes with its evaluations and never shows the raw prompt', () => {
    const index = indexOf(SPAN.llm);
    const view = render(<SpanDetail lifecycle={lc} index={index} onClose={() => {}} />);
    const genAi = groups().get('genAi')!;
    const attributes = lc.spans[index]!.span.attributes;
    expect(genAi.textContent).toContain(String(attributes[GEN_AI_ATTR.requestModel.key]));
    expect(genAi.textContent).toContain(String(attributes[GEN_AI_ATTR.inputTokens.key]));
    const evaluations = screen.getByTestId(testIds.waterfall.evaluations);
    for (const e of lc.llmCalls[0]!.evaluations) {
      expect(evaluations.textContent).toContain(e.name!);
    }
    expect(lc.llmCalls[0]!.evaluations.length).toBeGreaterThan(0);
    // The cost line of an LLM call counts its tokens.
    expect(view.container.textContent).toContain('1200 input / 340 output tokens');
    expect(document.body.textContent).not.toContain(SECRET_PROMPT);
    // What was dropped is named (keys only), outside the attribute groups.
    const redacted = screen.getByTestId(testIds.waterfall.redacted);
    expect(redacted.dataset.count).toBe(String(RAW_KEYS_ADDED.length));
    expect(redacted.textContent).toContain(`Redacted: ${RAW_KEYS_ADDED.length} attributes`);
    for (const key of RAW_KEYS_ADDED) {
      expect(redacted.textContent).toContain(key);
      for (const group of screen.getAllByTestId(testIds.waterfall.attributeGroup)) {
        expect(group.textContent).not.toContain(key);
      }
    }
    view.unmount();
    // A span nothing was dropped from says nothing about it.
    const clean = render(<SpanDetail lifecycle={lc} index={lc.roots[0]!} onClose={() => {}} />);
    expect(screen.queryByTestId(testIds.waterfall.redacted)).toBeNull();
    clean.unmount();
  });

  it('shows a phase span’s job: every phase with its duration, this one marked', () => {
    const job = lc.quantumJobs[0]!;
    const compile = job.phases.find((p) => p.phase === 'compile')!;
    const view = render(<SpanDetail lifecycle={lc} index={compile.spanIndex} onClose={() => {}} />);
    const section = screen.getByTestId(testIds.waterfall.jobPhases);
    expect(section.dataset.jobId).toBe(job.jobId);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.phase)).toEqual(job.phases.map((p) => p.phase));
    job.phases.forEach((p, k) => expect(items[k]!.textContent).toContain(formatMs(p.durationMs)));
    expect(items.filter((i) => i.getAttribute('aria-current') === 'true').map((i) => i.dataset.phase)).toEqual([
      'compile',
    ]);
    view.unmount();
  });

  it('groups a quantum span’s attributes (provider, backend, job id) and states its cost', () => {
    const index = lc.spans.findIndex((s) => s.span.attributes[QUANTUM_ATTR.jobId.key] !== undefined);
    expect(index).toBeGreaterThanOrEqual(0);
    const view = render(<SpanDetail lifecycle={lc} index={index} onClose={() => {}} />);
    const quantum = groups().get('quantum')!;
    const attributes = lc.spans[index]!.span.attributes;
    for (const key of [QUANTUM_ATTR.provider.key, QUANTUM_ATTR.backend.key, QUANTUM_ATTR.jobId.key]) {
      expect(quantum.textContent).toContain(key);
      expect(quantum.textContent).toContain(String(attributes[key]));
    }
    view.unmount();
    // The root's cost rolls up every job and LLM call below it.
    const root = lc.roots[0]!;
    const rootView = render(<SpanDetail lifecycle={lc} index={root} onClose={() => {}} />);
    const cost = lc.spans[root]!.cost!;
    expect(cost.quantumUsd).toBeGreaterThan(0);
    expect(rootView.container.textContent).toContain(`$${cost.quantumUsd.toFixed(4)} quantum`);
    rootView.unmount();
  });
});
