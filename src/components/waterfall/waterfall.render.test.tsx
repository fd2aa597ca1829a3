import '../../testing/jsdomPolyfills';
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GEN_AI_ATTR, QUANTUM_ATTR, RAW_CONTENT_ATTRIBUTES, SPAN, TRACE_STAGE } from '@hybridlens/conventions';
import { type TraceLifecycle, loadTrace, timeAxis } from '@hybridlens/traces';
import { type OtlpDocument, generateSyntheticTrace, otlpAttributes } from '@hybridlens/traces/testing';
import { testIds } from '../../ui/testIds';
import { SpanDetail } from './SpanDetail';
import { ROW_HEIGHT, Waterfall } from './Waterfall';

/**
 * The waterfall and the span detail pane rendered from a derived trace: what each row, lane and bar shows is
 * checked against the trace model's own derivation (critical path, stages, LLM phases, unattributed gaps), and
 * the detail pane's groups against the span's attributes. Raw prompt text put into the trace never reaches the DOM.
 */

const SECRET_PROMPT = 'SECRET PROMPT: summarise the patient record of Jane Doe';

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
                  ...otlpAttributes({ [RAW_CONTENT_ATTRIBUTES[0]!]: SECRET_PROMPT, 'gen_ai.prompt': SECRET_PROMPT }),
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

describe('the waterfall, rendered', () => {
  // Every gap counts as unattributed here, so the small trace has such rows (the page's default hides tiny ones).
  const small = lifecycleOf(20, { minGapShare: 0 });

  it('marks exactly the critical path’s spans', () => {
    const view = renderWaterfall(small);
    const critical = new Set(small.criticalPathSpanIds);
    const rows = spanRows();
    expect(rows).toHaveLength(small.spans.length);
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
    const fits = renderWaterfall(lifecycleOf(20));
    expect(spanRows()).toHaveLength(20);
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
    for (const key of RAW_CONTENT_ATTRIBUTES) {
      expect(document.body.textContent).not.toContain(key);
    }
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
