import { CliUserError } from '@hybridlens/cli';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAppUrl } from '@hybridlens/conventions';
import { freePort, startPrometheus, stopChild } from '@hybridlens/testkit';
import { build, preview } from 'vite';
import { harnessViteConfig } from '../ct/build/viteConfig';
import { selectedRuntime } from '../ct/build/runtimes';
import { buildHarnessHistory, RULES_DIR } from '../ct/server/harnessHistory';
import { startTool, waitForHttp, type ToolProcess } from './childProcesses';
import { previewPrometheusConfig } from './prometheusConfig';
import { PREVIEW_CONFIG_GLOBAL, type PreviewPageConfig } from './previewConfig';

const REPO_ROOT = resolve(__dirname, '../..');
/** The history's step (the page harness' history is made at 30 s); live scrapes use the same. */
const SCRAPE_SECONDS = 30;

function log(message: string): void {
  console.log(`preview: ${message}`);
}

/** Resolves on the first SIGINT or SIGTERM, or when one of the tools exits on its own. */
function untilStopped(tools: ToolProcess[]): Promise<string> {
  return new Promise((done) => {
    const onSignal = (signal: NodeJS.Signals) => done(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    for (const tool of tools) {
      tool.child.once('exit', (code, signal) => done(`${tool.name} exited (${code ?? signal}): ${tool.stderr()}`));
    }
  });
}

/**
 * `npm run preview`: Prometheus (OS package) with the page harness' history and the SLO rules, the
 * simulator live and the calibration exporter scraped by it, and the app's pages served by Vite in the
 * page harness' stand-in Grafana. Everything started is stopped on Ctrl-C, in reverse order, also when
 * start-up fails half-way.
 */
export async function runPreview({ port, hours }: { port: number; hours: number }): Promise<number> {
  const cleanups: Array<() => Promise<void> | void> = [];
  // Ctrl-C during start-up: stop what has started rather than leave it running.
  let interrupted = false;
  const onEarlySignal = () => {
    interrupted = true;
  };
  process.on('SIGINT', onEarlySignal);
  process.on('SIGTERM', onEarlySignal);
  const checkInterrupted = () => {
    if (interrupted) {
      throw new CliUserError('interrupted during start-up');
    }
  };
  try {
    const history = await buildHarnessHistory({ hours, aheadSeconds: 0, bareCopy: false, log });
    cleanups.push(() => rmSync(history.workDir, { recursive: true, force: true }));
    checkInterrupted();

    const calibrationDir = join(history.workDir, 'calibration');
    mkdirSync(calibrationDir);
    const [simPort, calPort] = [await freePort(), await freePort()];
    const simulator = startTool('simulator', 'simulator', 'hybridlens-sim', [
      'live',
      '--port',
      String(simPort),
      '--calibration-dir',
      calibrationDir,
    ]);
    cleanups.push(() => stopChild(simulator.child));
    const calibration = startTool('calibration exporter', 'calibration', 'hybridlens-calibration', [
      'serve',
      '--dir',
      calibrationDir,
      '--port',
      String(calPort),
    ]);
    cleanups.push(() => stopChild(calibration.child));
    const simUrl = `http://127.0.0.1:${simPort}`;
    const calUrl = `http://127.0.0.1:${calPort}`;
    await Promise.all([waitForHttp(simulator, `${simUrl}/metrics`), waitForHttp(calibration, `${calUrl}/metrics`)]);
    log(`simulator live at ${simUrl}/metrics, calibration exporter at ${calUrl}/metrics`);
    checkInterrupted();

    const prometheus = await startPrometheus({
      dataDir: history.dataDir,
      config: previewPrometheusConfig({
        scrapeSeconds: SCRAPE_SECONDS,
        simulator: `127.0.0.1:${simPort}`,
        calibration: `127.0.0.1:${calPort}`,
        rulesDir: RULES_DIR,
      }),
    });
    cleanups.push(() => prometheus.stop());
    log(`Prometheus ${prometheus.url} (history, SLO rules, scraping both)`);
    checkInterrupted();

    const pageConfig: PreviewPageConfig = { prometheusUrl: prometheus.url, scrapeInterval: `${SCRAPE_SECONDS}s` };
    // The repository's own install (React 18), unless HL_CT_RUNTIME picks another one.
    const base = await harnessViteConfig(REPO_ROOT, selectedRuntime(), { label: 'preview', timezone: 'browser' });
    const root = __dirname;
    const outDir = join(history.workDir, 'site');
    log('building the pages (Vite)');
    await build({
      ...base,
      configFile: false,
      root,
      define: { [PREVIEW_CONFIG_GLOBAL]: JSON.stringify(pageConfig) },
      // Vite's module-preload polyfill is not resolvable from outside its own package here; modern Chromium needs none.
      build: { ...base.build, outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
    });
    checkInterrupted();
    const server = await preview({
      ...base,
      configFile: false,
      root,
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    cleanups.push(() => server.close());
    const address = server.httpServer.address();
    const listening = typeof address === 'object' && address ? address.port : port;
    const pageUrl = buildAppUrl({ page: 'overview' }, { baseUrl: `http://127.0.0.1:${listening}` });
    log(`ready: ${pageUrl} (a preview in stand-in Grafana, not Grafana; Ctrl-C stops)`);

    process.off('SIGINT', onEarlySignal);
    process.off('SIGTERM', onEarlySignal);
    if (interrupted) {
      return 0;
    }
    const reason = await untilStopped([simulator, calibration]);
    log(`stopping (${reason})`);
    return reason === 'SIGINT' || reason === 'SIGTERM' ? 0 : 1;
  } finally {
    process.off('SIGINT', onEarlySignal);
    process.off('SIGTERM', onEarlySignal);
    // A second Ctrl-C while stopping must not kill this process before its children are stopped.
    const stillStopping = () => log('still stopping what it started');
    process.on('SIGINT', stillStopping);
    process.on('SIGTERM', stillStopping);
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
    log('stopped everything it started');
  }
}
