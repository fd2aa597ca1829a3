import { loadavg } from 'node:os';
import { openRenderPage, type RenderPage } from './browser/renderPage';
import type { PartTimes, WaterfallRequest, WaterfallRun } from './browser/protocol';
import type { BenchRow } from './types';

/**
 * The trace page's waterfall (src/components/waterfall/Waterfall.tsx) in Chromium on synthetic traces of 1k and
 * 10k spans (@hybridlens/traces/testing): time to first render and per scroll step, the sizes interleaved run by
 * run so the 10k/1k ratios are measured side by side. Issue 11's target: 10k within 2× of 1k (virtualized rows).
 */

const AREA = 'trace waterfall (Chromium)';
const SMALL = 1_000;
const LARGE = 10_000;
/** Fresh mounts per size; the first mount of each size warms the page up and is not counted. */
const RUNS = 7;
const WARMUP = 1;
/** Scroll steps per mount, 10 rows (240 px) each: every step brings new rows into the DOM. */
const STEPS = 20;
const STEP_PX = 240;
const TARGET_RATIO = 2;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

interface SizeFigures {
  render: number;
  renderFrame: number;
  scroll: number;
  scrollFrame: number;
  rows: number;
  rowsInDom: number;
  parts: Map<string, { render: number; rerender: number }>;
}

async function measure(page: RenderPage): Promise<Map<number, SizeFigures>> {
  const runs = new Map<number, WaterfallRun[]>([
    [SMALL, []],
    [LARGE, []],
  ]);
  const parts = new Map<number, PartTimes[][]>([
    [SMALL, []],
    [LARGE, []],
  ]);
  for (const spans of runs.keys()) {
    const prepared = await page.call<number, { spans: number }>('prepareTrace', spans);
    if (prepared.spans !== spans) {
      throw new Error(`the ${spans}-span trace derived ${prepared.spans} spans`);
    }
  }
  for (let r = 0; r < WARMUP + RUNS; r++) {
    for (const spans of runs.keys()) {
      const run = await page.call<WaterfallRequest, WaterfallRun>('waterfall', {
        spans,
        steps: STEPS,
        stepPx: STEP_PX,
      });
      const part = await page.call<number, PartTimes[]>('waterfallParts', spans);
      if (r >= WARMUP) {
        runs.get(spans)!.push(run);
        parts.get(spans)!.push(part);
      }
    }
  }
  const figures = new Map<number, SizeFigures>();
  for (const [spans, list] of runs) {
    const partNames = parts.get(spans)![0]!.map((p) => p.part);
    figures.set(spans, {
      render: median(list.map((r) => r.mount.render)),
      renderFrame: median(list.map((r) => r.mount.frame)),
      scroll: median(list.map((r) => median(r.scroll))),
      scrollFrame: median(list.map((r) => median(r.scrollFrame))),
      rows: list[0]!.rows,
      rowsInDom: list[0]!.rowsInDom,
      parts: new Map(
        partNames.map((name) => {
          const of = parts.get(spans)!.map((p) => p.find((x) => x.part === name)!);
          return [name, { render: median(of.map((p) => p.render)), rerender: median(of.map((p) => p.rerender)) }];
        })
      ),
    });
  }
  return figures;
}

export default async function waterfallBench(): Promise<BenchRow[]> {
  const page = await openRenderPage();
  let figures: Map<number, SizeFigures>;
  const load = loadavg()[0]!.toFixed(1);
  try {
    figures = await measure(page);
  } finally {
    await page.close();
  }
  const small = figures.get(SMALL)!;
  const large = figures.get(LARGE)!;
  const perSize = (spans: number, f: SizeFigures): BenchRow[] => [
    {
      area: AREA,
      metric: `first render, ${spans} spans (React commit + style + layout)`,
      value: round(f.render),
      unit: 'ms',
      note: `to painted frame ${round(f.renderFrame)} ms; ${f.rows} rows, ${f.rowsInDom} in the DOM; median of ${RUNS} mounts`,
    },
    {
      area: AREA,
      metric: `scroll step, ${spans} spans (scroll event → new rows committed + layout)`,
      value: round(f.scroll),
      unit: 'ms',
      note: `to painted frame ${round(f.scrollFrame)} ms; median of ${RUNS} mounts × ${STEPS} steps of ${STEP_PX} px`,
    },
  ];
  const ratio = (metric: string, a: number, b: number): BenchRow => {
    const value = Math.round((b / a) * 100) / 100;
    return {
      area: AREA,
      metric,
      value,
      unit: '×',
      target: `≤ ${TARGET_RATIO}`,
      ok: value <= TARGET_RATIO,
      note: `${round(b)} ms / ${round(a)} ms, measured side by side; load average ${load}`,
    };
  };
  const partRows: BenchRow[] = [...large.parts.keys()].map((part) => {
    const l = large.parts.get(part)!;
    const s = small.parts.get(part)!;
    return {
      area: AREA,
      metric:
        part === 'waterfallRows'
          ? `rows computed (waterfallRows, no DOM), ${LARGE} spans`
          : `first render of ${part} alone, ${LARGE} spans`,
      value: round(l.render),
      unit: 'ms',
      note:
        part === 'waterfallRows'
          ? `${SMALL} spans: ${round(s.render)} ms; median of ${RUNS}`
          : `${SMALL} spans: ${round(s.render)} ms; re-rendered with equal props (each scroll step): ` +
            `${round(l.rerender)} ms at ${LARGE}, ${round(s.rerender)} ms at ${SMALL}; median of ${RUNS}`,
    };
  });
  return [
    ...perSize(SMALL, small),
    ...perSize(LARGE, large),
    ratio(`first render ${LARGE / 1000}k / ${SMALL / 1000}k spans`, small.render, large.render),
    ratio(`scroll step ${LARGE / 1000}k / ${SMALL / 1000}k spans`, small.scroll, large.scroll),
    ...partRows,
  ];
}
