// In the page (plain .ts, no JSX, so the repository's type check covers it): the app's Waterfall on a synthetic trace, mounted fresh for each run, then scrolled step by step.
import { cloneElement, createElement, type ReactElement } from 'react';
import {
  deriveFromDocument,
  pickTrace,
  readTrace,
  timeAxis,
  type TimeAxis,
  type TraceLifecycle,
} from '@hybridlens/traces';
import { generateSyntheticTrace } from '@hybridlens/traces/testing';
import { Minimap } from '../../../src/components/waterfall/Minimap';
import { StageLanes } from '../../../src/components/waterfall/StageLanes';
import { TimeRuler } from '../../../src/components/waterfall/TimeRuler';
import { ROW_HEIGHT, Waterfall } from '../../../src/components/waterfall/Waterfall';
import { waterfallRows } from '../../../src/components/waterfall/waterfallRows';
import { testIds } from '../../../src/ui/testIds';
import { forceLayout, freshRoot, inGrafana, nextChildListChange, nextPaintedFrame, timedRender } from './measure';
import type { PartTimes, WaterfallRequest, WaterfallRun } from './protocol';

interface Prepared {
  lifecycle: TraceLifecycle;
  axis: TimeAxis;
}

const prepared = new Map<number, Prepared>();
const NO_MATCHES: readonly number[] = [];
const ROWS_REPEAT = 20;

/** The trace as the trace page holds it once Tempo answered: derived, with idle gaps compressed (the default). */
export function prepareTrace(spans: number): { spans: number; rows: number } {
  // The bench's own trace generator, read through the same path as a Tempo answer (JSON text).
  const text = JSON.stringify(generateSyntheticTrace({ spans, quantumJobs: 3, seed: 7 }).document);
  const document = readTrace(text);
  const lifecycle = deriveFromDocument(document, pickTrace(document));
  const axis = timeAxis(lifecycle.startMs, lifecycle.endMs, lifecycle.idleGaps);
  prepared.set(spans, { lifecycle, axis });
  return { spans: lifecycle.spans.length, rows: waterfallRows(lifecycle, new Set()).length };
}

function traceOf(spans: number): Prepared {
  const p = prepared.get(spans);
  if (!p) {
    throw new Error(`prepareTrace(${spans}) was not called`);
  }
  return p;
}

export async function waterfallRun({ spans, steps, stepPx }: WaterfallRequest): Promise<WaterfallRun> {
  const { lifecycle, axis } = traceOf(spans);
  const mounted = freshRoot();
  try {
    const mount = await timedRender(
      mounted,
      inGrafana(createElement(Waterfall, { lifecycle, axis, onSelect: () => undefined, matches: NO_MATCHES }))
    );
    const viewport = mounted.container.querySelector<HTMLElement>(`[data-testid="${testIds.waterfall.viewport}"]`);
    const rowsHost = viewport?.firstElementChild;
    if (!viewport || !rowsHost) {
      throw new Error('the waterfall rendered no scrolling viewport');
    }
    const rows = Number(
      mounted.container.querySelector(`[data-testid="${testIds.waterfall.container}"]`)?.getAttribute('data-rows')
    );
    const rowsInDom = rowsHost.childElementCount;
    const scroll: number[] = [];
    const scrollFrame: number[] = [];
    for (let i = 1; i <= steps; i++) {
      // The browser dispatches scroll events at the next frame; the step is timed from the event itself.
      let eventAt = NaN;
      const onScroll = (e: Event) => (eventAt = e.timeStamp);
      viewport.addEventListener('scroll', onScroll, { once: true });
      const committed = nextChildListChange(rowsHost);
      const t0 = performance.now();
      viewport.scrollTop = i * stepPx;
      await committed;
      forceLayout(viewport);
      scroll.push(performance.now() - eventAt);
      scrollFrame.push((await nextPaintedFrame()) - t0);
    }
    if (viewport.scrollTop < steps * stepPx - 1) {
      throw new Error(`the waterfall scrolled to ${viewport.scrollTop} px, not ${steps * stepPx} px`);
    }
    return { mount, scroll, scrollFrame, rows, rowsInDom };
  } finally {
    mounted.unmount();
  }
}

/** Each part the waterfall draws above its rows, mounted alone, and the rows computation, on the same trace. */
export async function waterfallParts(spans: number): Promise<PartTimes[]> {
  const { lifecycle, axis } = traceOf(spans);
  // The page's timer is coarse (0.1 ms): the rows are computed several times and the mean taken.
  const t0 = performance.now();
  let rows = waterfallRows(lifecycle, new Set());
  for (let i = 1; i < ROWS_REPEAT; i++) {
    rows = waterfallRows(lifecycle, new Set());
  }
  const rowsMs = (performance.now() - t0) / ROWS_REPEAT;
  const parts: Array<[string, ReactElement]> = [
    ['TimeRuler', createElement(TimeRuler, { axis })],
    ['StageLanes', createElement(StageLanes, { lifecycle, axis })],
    [
      'Minimap',
      createElement(Minimap, {
        lifecycle,
        rows,
        axis,
        scrollTop: 0,
        viewHeight: 560,
        rowHeight: ROW_HEIGHT,
        onScrollTo: () => undefined,
      }),
    ],
  ];
  const times: PartTimes[] = [{ part: 'waterfallRows', render: rowsMs, rerender: rowsMs }];
  for (const [part, element] of parts) {
    const mounted = freshRoot();
    try {
      const { render } = await timedRender(mounted, inGrafana(element));
      // What each scroll step costs the part: its parent re-renders it with equal props (no memo).
      const again = await timedRender(mounted, inGrafana(cloneElement(element)));
      times.push({ part, render, rerender: again.render });
    } finally {
      mounted.unmount();
    }
  }
  return times;
}
