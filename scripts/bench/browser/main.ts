// The render benchmarks' page: installs what Grafana's runtime provides (as the page harness does) and exposes
// the runs to the Node side (scripts/bench/waterfall.bench.ts, qubitMap.bench.ts).
import { installStaticRuntime } from '../../../playwright/ct/runtime/installGrafanaRuntime';
import { BENCH_GLOBAL, type RenderBenchApi } from './protocol';
import { qubitMapRun } from './qubitMapRuns';
import { prepareTrace, waterfallParts, waterfallRun } from './waterfallRuns';

installStaticRuntime();

const api: RenderBenchApi = { prepareTrace, waterfall: waterfallRun, waterfallParts, qubitMap: qubitMapRun };
(window as unknown as Record<string, RenderBenchApi>)[BENCH_GLOBAL] = api;
