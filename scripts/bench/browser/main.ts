// The render benchmarks' page: installs what Grafana's runtime provides (as the page harness does) and exposes
// the runs to the Node side (scripts/bench/waterfall.bench.ts, qubitMap.bench.ts).
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { HarnessProviders } from '../../../playwright/ct/runtime/HarnessProviders';
import { installStaticRuntime } from '../../../playwright/ct/runtime/installGrafanaRuntime';
import { BENCH_GLOBAL, type RenderBenchApi } from './protocol';
import { qubitMapRun } from './qubitMapRuns';
import { prepareTrace, waterfallParts, waterfallRun } from './waterfallRuns';

installStaticRuntime();
// What Grafana's app root keeps mounted under every page: the theme's global CSS (and the location service).
const shell = document.createElement('div');
document.body.appendChild(shell);
flushSync(() => createRoot(shell).render(createElement(HarnessProviders, null, null)));

const api: RenderBenchApi = { prepareTrace, waterfall: waterfallRun, waterfallParts, qubitMap: qubitMapRun };
(window as unknown as Record<string, RenderBenchApi>)[BENCH_GLOBAL] = api;
