// What the Node side of the render benchmarks and the page (main.tsx) exchange through page.evaluate.
import type { QubitMapMetric } from '@hybridlens/conventions';
import type { CouplerView, QubitView } from '../../../src/pages/providerDetail/snapshot';

/** The global the page installs once its modules have loaded. */
export const BENCH_GLOBAL = '__hybridlensRenderBench';

/** Times of one mount, ms: `render` = React commit plus forced style and layout; `frame` = to the next painted frame. */
export interface MountTimes {
  render: number;
  frame: number;
}

export interface WaterfallRequest {
  spans: number;
  /** Scroll steps per mount, each `stepPx` further down. */
  steps: number;
  stepPx: number;
}

export interface WaterfallRun {
  mount: MountTimes;
  /** Per step: scroll event to the new rows committed and laid out, ms. */
  scroll: number[];
  /** Per step: scrollTop set to the frame after the commit was painted, ms. */
  scrollFrame: number[];
  /** Rows the waterfall lays out (spans plus unattributed-time rows), and rows in the DOM after the first render. */
  rows: number;
  rowsInDom: number;
}

/** Each waterfall part mounted alone on the same trace: what each costs of the first render. */
export interface PartTimes {
  part: string;
  /** First render alone, ms (commit + style + layout). */
  render: number;
  /** Rendered again with equal props, as on every scroll step of the waterfall, ms. */
  rerender: number;
}

export interface QubitMapDevice {
  name: string;
  layout: string;
  qubits: QubitView[];
  couplers: CouplerView[];
}

export interface QubitMapRequest {
  device: QubitMapDevice;
  /** Metrics cycled through on recolour; the first one is the metric of the first render. */
  metrics: QubitMapMetric[];
}

export interface QubitMapRun {
  mount: MountTimes;
  /** Per metric change: re-render with the new metric, then forced style and layout; and to the next painted frame. */
  recolour: MountTimes[];
  qubitsInDom: number;
  couplersInDom: number;
}

export interface RenderBenchApi {
  /** Builds the synthetic trace of `spans` spans and derives its lifecycle (untimed); kept for the runs. */
  prepareTrace(spans: number): { spans: number; rows: number };
  waterfall(request: WaterfallRequest): Promise<WaterfallRun>;
  waterfallParts(spans: number): Promise<PartTimes[]>;
  qubitMap(request: QubitMapRequest): Promise<QubitMapRun>;
}
