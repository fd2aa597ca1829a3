import '../../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import {
  ALERT,
  ALERT_STATE,
  LABEL,
  PROMETHEUS_ALERTS,
  QUANTUM_PROVIDER,
  buildAppUrl,
  type AppLink,
} from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { testIds } from '../../ui/testIds';
import { firingAlertsOfProviders } from '../../queries/lifecycle';
import { providerDisplayName } from '../../ui/providerNames';
import { TraceAlerts } from './TraceAlerts';

/**
 * The trace page's alerts section on the OS package's Prometheus holding ALERTS series as Prometheus writes them:
 * only alerts firing (not pending) for the trace's providers at the trace's end are listed, each linking where
 * its labels point.
 */
installNodeFetch();
jest.setTimeout(60_000);

const STEP = 30;
const H = 3600;

interface AlertSeries {
  alertname: string;
  alertstate: string;
  provider: string;
  /** Seconds after the start of the history. */
  from: number;
  to: number;
}

function history(start: number, series: readonly AlertSeries[]): string {
  const lines: Array<[number, string]> = [];
  for (const a of series) {
    const labels = `${PROMETHEUS_ALERTS.alertName}="${a.alertname}",${PROMETHEUS_ALERTS.alertState}="${a.alertstate}",${LABEL.provider}="${a.provider}",${LABEL.severity}="P1"`;
    for (let s = a.from; s < a.to; s += STEP) {
      lines.push([start + s, `${PROMETHEUS_ALERTS.series}{${labels}} 1 ${start + s}`]);
    }
  }
  return `${lines
    .sort((a, b) => a[0] - b[0])
    .map(([, l]) => l)
    .join('\n')}\n# EOF\n`;
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'trace alerts against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const start = Math.floor(Date.now() / 1000 / H) * H - 6 * H;
  const series: AlertSeries[] = [
    // ibm: one firing alert for the first two hours, one pending all along.
    { alertname: ALERT.quantumHardwareFailures, alertstate: ALERT_STATE.firing, provider: 'ibm', from: 0, to: 2 * H },
    { alertname: ALERT.quantumBacklogCritical, alertstate: ALERT_STATE.pending, provider: 'ibm', from: 0, to: 6 * H },
    // braket fires all along, but the trace never used it.
    { alertname: ALERT.providerRateLimited, alertstate: ALERT_STATE.firing, provider: 'braket', from: 0, to: 6 * H },
    // azure starts firing only after the first trace ended.
    {
      alertname: ALERT.providerOutageReported,
      alertstate: ALERT_STATE.firing,
      provider: 'azure',
      from: 3 * H,
      to: 6 * H,
    },
  ];
  const providers = [QUANTUM_PROVIDER.ibm, QUANTUM_PROVIDER.azure];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-trace-alerts-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(start, series));
    createBlocksFromOpenMetrics(file, join(work, 'data'));
    prom = await startPrometheus({ dataDir: join(work, 'data') });
    installDatasourceProxy({ prom: prom.url });
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  async function firingAt(seconds: number): Promise<string[]> {
    const params = new URLSearchParams({ query: firingAlertsOfProviders(providers), time: String(seconds) });
    const res = await fetch(`${prom.url}/api/v1/query?${params.toString()}`);
    const body = (await res.json()) as { status: string; data: { result: Array<{ metric: Record<string, string> }> } };
    expect(body.status).toBe('success');
    return body.data.result.map((r) => `${r.metric[LABEL.provider]}/${r.metric[PROMETHEUS_ALERTS.alertName]}`).sort();
  }

  it('the query picks the firing alerts of the trace’s providers at that instant, and nothing else', async () => {
    expect(await firingAt(start + H)).toEqual([`ibm/${ALERT.quantumHardwareFailures}`]);
    expect(await firingAt(start + 4 * H)).toEqual([`azure/${ALERT.providerOutageReported}`]);
  });

  it('the section lists them, each linking where its labels point, and says when none fired', async () => {
    const linkTo = (link: AppLink) => buildAppUrl(link);
    // The links are the app's own (react-router), as on the page.
    const at = (seconds: number) =>
      render(
        <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <TraceAlerts prometheusUid="prom" providers={providers} atMs={seconds * 1000} linkTo={linkTo} />
        </MemoryRouter>
      );
    const view = at(start + H);
    const section = screen.getByTestId(testIds.trace.alerts);
    await waitFor(() => expect(section.dataset.state).toBe('ready'), { timeout: 20_000 });
    // The heading names the providers as people know them, not by their label values.
    expect(section.querySelector('h3')?.textContent).toContain(providers.map(providerDisplayName).join(', '));
    const alerts = screen.getAllByTestId(testIds.trace.alert);
    expect(alerts.map((a) => a.textContent)).toEqual([ALERT.quantumHardwareFailures]);
    const href = alerts[0]!.querySelector('a')!.getAttribute('href')!;
    expect(href).toContain(`/providers`);
    expect(href).toContain('ibm');
    view.unmount();

    // Between the two: ibm's alert resolved, azure's not yet firing.
    const quiet = at(start + 2.5 * H);
    const quietSection = screen.getByTestId(testIds.trace.alerts);
    await waitFor(() => expect(quietSection.dataset.state).toBe('ready'), { timeout: 20_000 });
    expect(screen.queryAllByTestId(testIds.trace.alert)).toEqual([]);
    expect(quietSection.textContent).toContain('No alert was firing');
    quiet.unmount();
  });
});
