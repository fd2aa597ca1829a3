import '../../testing/jsdomPolyfills';
import React, { useLayoutEffect, useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { Route, Router, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { LocationServiceProvider, type PluginPageProps, locationService } from '@grafana/runtime';
import {
  APP_BASE_PATH,
  DATASOURCE_UID,
  LOG_FIELD,
  LOKI_OTLP_METADATA,
  LOKI_STREAM_LABEL,
  buildAppUrl,
} from '@hybridlens/conventions';
import { loadTrace } from '@hybridlens/traces';
import { generateSyntheticTrace } from '@hybridlens/traces/testing';
import { type RunningStandIn, startTempoLokiStandIn } from '../../../playwright/ct/standins/tempoLokiServer';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { installSceneTestEnv } from '../../testing/sceneTestEnv';
import { testIds } from '../../ui/testIds';
import App from '../../app/App';

/** The trace and job pages rendered whole, reading from the Tempo and Loki stand-ins through the proxy. */
installNodeFetch();
installSceneTestEnv();
jest.setTimeout(60_000);

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ pageNav, children }: PluginPageProps) => (
    <div>
      <h1 data-testid="page-title">{pageNav?.text}</h1>
      {children}
    </div>
  ),
}));

const meta = { id: 'hybridlens-observability-app', jsonData: {} } as unknown as AppRootProps['meta'];

function LocationRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      {children}
    </Router>
  );
}

function renderAt(url: string) {
  locationService.push(url);
  return render(
    <LocationServiceProvider service={locationService}>
      <LocationRouter>
        <Routes>
          <Route path={`${APP_BASE_PATH}/*`} element={<App meta={meta} />} />
        </Routes>
      </LocationRouter>
    </LocationServiceProvider>
  );
}

const two = generateSyntheticTrace({ spans: 200, seed: 11, quantumJobs: 2, failedJobs: 1 });
const partial = generateSyntheticTrace({ spans: 30, seed: 12, quantumJobs: 1, failedJobs: 0 });
const PARTIAL_MESSAGE = 'trace exceeds max size (max bytes: 5000000), partial trace returned';
/** Two records of the trace as Loki holds them after OTLP ingestion (the message is the line), one of another trace. */
const LOG_LINES = [
  ['quantum job failed: calibration drift', 'error', two.traceId],
  ['request accepted', 'info', two.traceId],
  ['someone else’s request', 'info', 'f'.repeat(32)],
].map(([line, level, traceId], i) => ({
  ns: `${BigInt(Date.UTC(2026, 10, 26) + 1000 * (2 - i)) * BigInt(1_000_000)}`,
  labels: { [LOKI_STREAM_LABEL.serviceName]: 'hybrid-solver' },
  structuredMetadata: { [LOG_FIELD.traceId]: traceId!, [LOKI_OTLP_METADATA.detectedLevel]: level! },
  line: line!,
}));
const WINDOW = { from: String(Date.UTC(2026, 10, 25)), to: String(Date.UTC(2026, 10, 27)) };

describe('trace and job pages, rendered', () => {
  let standIn: RunningStandIn;

  beforeAll(async () => {
    standIn = await startTempoLokiStandIn({
      otlp: [two.document, partial.document],
      partial: { [partial.traceId]: PARTIAL_MESSAGE },
      logs: LOG_LINES,
    });
    // Prometheus is not registered: the calibration and alert sections show their own errors.
    installDatasourceProxy({ [DATASOURCE_UID.tempo]: standIn.url, [DATASOURCE_UID.loki]: standIn.url });
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('a trace with two quantum jobs: the waterfall and a card per job, the failed one marked', async () => {
    const view = renderAt(buildAppUrl({ page: 'trace', params: { traceId: two.traceId }, time: WINDOW }));
    await waitFor(() => expect(screen.getAllByTestId(testIds.jobCard.container)).toHaveLength(2), { timeout: 30_000 });
    const cards = screen.getAllByTestId(testIds.jobCard.container);
    expect(cards.map((c) => c.getAttribute('data-outcome'))).toEqual(['error', 'success']);
    const waterfall = screen.getByTestId(testIds.waterfall.container);
    // A row per span, but each quantum job is one row in place of its phase spans until opened.
    const { quantumJobs } = loadTrace(two.document);
    const phaseSpans = quantumJobs.reduce((n, j) => n + j.phases.length, 0);
    expect(quantumJobs).toHaveLength(2);
    expect(Number(waterfall.getAttribute('data-rows'))).toBeGreaterThanOrEqual(
      two.spanCount - phaseSpans + quantumJobs.length
    );
    // Its log lines from Loki, in time order, with their level; not the other trace's.
    await waitFor(() => expect(screen.getAllByTestId(testIds.trace.logLine)).toHaveLength(2), { timeout: 30_000 });
    const lines = screen.getAllByTestId(testIds.trace.logLine);
    expect(lines.map((l) => l.getAttribute('data-level'))).toEqual(['info', 'error']);
    expect(lines[1]!.textContent).toContain('quantum job failed: calibration drift');
    view.unmount();
  });

  it('a PARTIAL answer from Tempo shows a banner with Tempo’s reason; a complete one shows none', async () => {
    const view = renderAt(buildAppUrl({ page: 'trace', params: { traceId: partial.traceId }, time: WINDOW }));
    const banner = await screen.findByTestId(testIds.trace.partial, {}, { timeout: 30_000 });
    expect(banner.textContent).toContain('Tempo returned only part of this trace');
    expect(banner.textContent).toContain(PARTIAL_MESSAGE);
    view.unmount();
    const complete = renderAt(buildAppUrl({ page: 'trace', params: { traceId: two.traceId }, time: WINDOW }));
    await screen.findByTestId(testIds.waterfall.container, {}, { timeout: 30_000 });
    expect(screen.queryByTestId(testIds.trace.partial)).toBeNull();
    complete.unmount();
  });

  it('a trace id with markup is refused as malformed and shown as text, never as HTML', async () => {
    const markup = '<img src=x onerror="window.__xss=1">';
    const view = renderAt(buildAppUrl({ page: 'trace', params: { traceId: markup } }));
    const box = await screen.findByTestId(testIds.trace.malformed, {}, { timeout: 30_000 });
    expect(box.textContent).toContain(markup);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    view.unmount();
  });

  it('an unknown trace id says it was not found', async () => {
    const view = renderAt(buildAppUrl({ page: 'trace', params: { traceId: '0123456789abcdef0123456789abcdef' } }));
    expect(await screen.findByTestId(testIds.trace.notFound, {}, { timeout: 30_000 })).toBeTruthy();
    view.unmount();
  });

  it('the job page finds the failed job’s trace from the job id and shows its card', async () => {
    const jobId = two.quantumJobIds[0]!;
    const view = renderAt(buildAppUrl({ page: 'quantumJob', params: { jobId }, time: WINDOW }));
    const found = await screen.findByTestId(testIds.quantumJob.foundBy, {}, { timeout: 30_000 });
    expect(found.getAttribute('data-source')).toBe('tempo');
    expect(found.textContent).toContain(two.traceId);
    expect(screen.getByTestId(testIds.jobCard.container).getAttribute('data-outcome')).toBe('error');
    view.unmount();
  });
});
