import React from 'react';
import type { Page } from '@playwright/test';
import {
  CALIBRATION_DRIFT,
  CALIBRATION_LAYOUT,
  CALIBRATION_METRIC,
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
  JOB_OUTCOME,
  LABEL,
  PROVIDERS_COLUMN_GROUP,
  type ProvidersColumnGroup,
  PROVIDER_DETAIL_PARAM,
  PROVIDERS_PARAM,
  QUANTUM_PROVIDER,
  VARIABLE,
  buildAppUrl,
  providersCompareParam,
  calibrationDriftSeries,
  variableUrlParam,
} from '@hybridlens/conventions';
import { testIds, uiText, uiTextPattern } from '../../../src/ui';
import type { UiTextKey } from '../../../src/ui/uiText';
import { CORRELATION, PROVIDERS } from '../../../src/pages/providers/providersQueries';
import { ProviderDetailPage, ProvidersPage, annotationMarkerTimes, pageTitleText, providerNameText } from '../../pages';
import type { AxisLabels } from '../panels/axisLabels';
import { promRangeSeries } from '../dashboards/panelAnswers';
import type { LoggedQuery } from '../runtime/queryLog';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { prometheusUrl } from '../server/env';
import { calibrationScene, type CalibrationDevice } from '../server/calibrationEnv';
import { formatAge, formatQuantity } from '../../../src/pages/providerDetail/calibrationFormat';
import { layoutLabel, methodsText } from '../../../src/pages/providerDetail/quantityLabels';
import { COMPARE_ONLY, PROVIDER_COLUMNS, num, pct, seconds, usd } from '../../../src/pages/providers/providerColumns';
import { DEFAULT_DRIFT_FACTOR } from '../../../src/pages/providerDetail/flags';
import { EVENT_SOURCES, trendRefId } from '../../../src/pages/providerDetail/medianTrendQueries';
import { currentUrl, expect, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

/** Real snapshots sit at their own dates: the backend page is opened with the range ending after the newest. */
const AFTER_SNAPSHOT_SECONDS = 1800;
const RANGE_SECONDS = 6 * 3600;
/** The first load of a page on this shared machine can take most of a minute; later waits are short. */
const FIRST_LOAD = { timeout: 90_000 };
/** The exporter's vendor label of IQM devices (the Braket IQM fixture). */
const IQM_VENDOR = 'iqm';

type Backend = { provider: string; backend: string };

/** The switch's option of each column group, as the catalog words it. */
const COLUMN_GROUP_TEXT: Record<ProvidersColumnGroup, string> = {
  [PROVIDERS_COLUMN_GROUP.overview]: uiText('providers.columns.overview'),
  [PROVIDERS_COLUMN_GROUP.operations]: uiText('providers.columns.operations'),
  [PROVIDERS_COLUMN_GROUP.calibration]: uiText('providers.columns.calibration'),
  [PROVIDERS_COLUMN_GROUP.cost]: uiText('providers.columns.cost'),
};

/** Each quantity as a header phrase words it ("Median T1", "Median readout error"). */
const QUANTITY_TEXT: Record<CalibrationQuantity, UiTextKey> = {
  [CALIBRATION_QUANTITY.t1]: 'provider-detail.metric.t1',
  [CALIBRATION_QUANTITY.t2]: 'provider-detail.metric.t2',
  [CALIBRATION_QUANTITY.readoutError]: 'provider-detail.metric-in-phrase.readout',
  [CALIBRATION_QUANTITY.oneQubitError]: 'provider-detail.metric.1q',
  [CALIBRATION_QUANTITY.twoQubitError]: 'provider-detail.metric.2q',
};
const medianHeader = (q: CalibrationQuantity) =>
  uiText('providers.table.median', { quantity: uiText(QUANTITY_TEXT[q]) });

/** A backend as the catalog names it: the provider's display name (known ids only), then the backend id. */
function backendName(provider: string, backend: string): string {
  return `${providerNameText(provider)} / ${backend}`;
}

const sel = (metric: string, d: Backend) =>
  `last_over_time(${metric}{${LABEL.provider}="${d.provider}", ${LABEL.backend}="${d.backend}"}[1h])`;

function detailUrl(d: Backend, to: number, query: Record<string, string> = {}): string {
  return buildAppUrl({
    page: 'providerDetail',
    params: { provider: d.provider, backend: d.backend },
    time: { from: String((to - RANGE_SECONDS) * 1000), to: String(to * 1000) },
    query,
  });
}

/** The series of a range query that have at least one finite point (what a graph can draw), from Prometheus. */
async function drawableSeries(call: Pick<LoggedQuery, 'expr' | 'start' | 'end' | 'step'>) {
  const series = await promRangeSeries(prometheusUrl(), call);
  return series.filter((r) => r.points.some(([, v]) => Number.isFinite(v))).map((r) => r.labels);
}

type Samples = Array<{ labels: Record<string, string>; value: number }>;
type ProvidersRefId = (typeof PROVIDERS)[keyof typeof PROVIDERS];

const backendKey = (labels: Record<string, string>) => `${labels[LABEL.provider]}\u0000${labels[LABEL.backend]}`;
const backendOfKey = (key: string): Backend => {
  const [provider, backend] = key.split('\u0000');
  return { provider: provider!, backend: backend! };
};

/** Sum of the finite samples per backend. */
function sumBy(samples: Samples): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples.filter((x) => Number.isFinite(x.value))) {
    out.set(backendKey(s.labels), (out.get(backendKey(s.labels)) ?? 0) + s.value);
  }
  return out;
}

/** Prometheus's answer to each instant query of the Providers table, asked again at the page's own instant. */
async function pageAnswers(page: Page): Promise<Record<ProvidersRefId, Samples>> {
  const log = await queryLog(page);
  const out = {} as Record<ProvidersRefId, Samples>;
  for (const refId of Object.values(PROVIDERS)) {
    const issued = log.filter((q) => q.api === 'query' && q.refId === refId && q.time !== undefined).at(-1);
    expect(issued, `the page asks for ${refId}`).toBeDefined();
    out[refId] = (await promInstant(issued!.expr, issued!.time)).filter((s) => Number.isFinite(s.value));
  }
  return out;
}

/**
 * What each side-by-side cell of backend \`d\` should read, from Prometheus's raw answers (not the page's rows):
 * one entry per Providers column and per comparison-only row.
 */
function expectedCompareTexts(
  answers: Record<ProvidersRefId, Samples>,
  d: Backend,
  at: number
): Record<string, string> {
  const mine = (refId: ProvidersRefId) => answers[refId].filter((s) => backendKey(s.labels) === backendKey(d));
  const one = (refId: ProvidersRefId) => mine(refId)[0]?.value;
  const ofProvider = (refId: ProvidersRefId) =>
    answers[refId].find((s) => s.labels[LABEL.provider] === d.provider)?.value;
  const jobs = mine(PROVIDERS.jobs);
  const total = jobs.length > 0 ? jobs.reduce((sum, s) => sum + s.value, 0) : undefined;
  const failed = jobs.filter((s) => s.labels[LABEL.outcome] === JOB_OUTCOME.error).reduce((sum, s) => sum + s.value, 0);
  const errorRates = mine(PROVIDERS.errors)
    .filter((s) => s.value > 0)
    .sort((a, b) => b.value - a.value || a.labels[LABEL.errorType]!.localeCompare(b.labels[LABEL.errorType]!))
    .map((s) => `${s.labels[LABEL.errorType]} ${pct(s.value / total!)}`);
  const spend = one(PROVIDERS.spend);
  const quantity = (q: CalibrationQuantity) => {
    const pick = (refId: ProvidersRefId) => mine(refId).find((s) => s.labels[LABEL.quantity] === q)?.value;
    const stderr = pick(PROVIDERS.uncertainty);
    const value = formatQuantity(q, pick(PROVIDERS.medians));
    return stderr === undefined ? value : `${value} ± ${formatQuantity(q, stderr)}`;
  };
  const calibratedAt = one(PROVIDERS.calibratedAt);
  const cadence = one(PROVIDERS.cadence);
  const device = mine(PROVIDERS.devices)[0]?.labels;
  const methods = mine(PROVIDERS.methods).map((s) => ({
    quantity: s.labels[LABEL.quantity] ?? '',
    method: s.labels[LABEL.method] ?? '',
    values: s.value,
  }));
  const medians = Object.fromEntries(
    Object.values(CALIBRATION_QUANTITY).map((q) => [`median-${q}`, quantity(q)])
  ) as Record<string, string>;
  return {
    availability: pct(one(PROVIDERS.availability) ?? one(PROVIDERS.targetAvailable)),
    jobs: num(total),
    failed: pct(total ? failed / total : undefined),
    errors: errorRates.join(', ') || '—',
    queue: `${num(one(PROVIDERS.queueLength))} / ${formatAge(one(PROVIDERS.queueBacklog) ?? one(PROVIDERS.targetQueue))}`,
    enqueue: seconds(one(PROVIDERS.enqueueP95)),
    headroom: `${num(ofProvider(PROVIDERS.rateLimitHeadroom))} (${num(ofProvider(PROVIDERS.rateLimited))})`,
    shots: num(one(PROVIDERS.shots)),
    spend: usd(spend),
    'spend-per-job': usd(spend !== undefined && total ? spend / total : undefined),
    ...medians,
    age:
      calibratedAt === undefined
        ? '—'
        : `${formatAge(at - calibratedAt)}${cadence === undefined ? '' : ` / ${formatAge(cadence)}`}`,
    [COMPARE_ONLY.methods]: methodsText(methods) || uiText('providers.compare.no-method'),
    [COMPARE_ONLY.qubits]: `${num(one(PROVIDERS.qubitCount))} / ${layoutLabel(device?.[LABEL.layout] || undefined)}`,
  };
}

/** Distinct unordered qubit pairs of the coupler series (both directions of an IBM cx pair are one coupler). */
function distinctPairs(labels: string[]): number {
  return new Set(labels.map((l) => l.split('-').sort().join('-'))).size;
}

interface RealDevice extends CalibrationDevice {
  vendor: string;
  layout: string;
}

/** The real fixture devices with their vendor and layout as the exporter published them (device info series). */
async function realDevices(): Promise<RealDevice[]> {
  const out: RealDevice[] = [];
  for (const d of calibrationScene().devices.filter((x) => x.source === 'fixture')) {
    const [info] = await promInstant(sel(CALIBRATION_METRIC.deviceInfo.name, d), d.newest + AFTER_SNAPSHOT_SECONDS);
    out.push({ ...d, vendor: info?.labels[LABEL.vendor] ?? '', layout: info?.labels[LABEL.layout] ?? '' });
  }
  return out;
}

async function realDevice(pick: (d: RealDevice) => boolean, what: string): Promise<RealDevice> {
  const devices = await realDevices();
  const found = devices.filter(pick).sort((a, b) => b.qubits - a.qubits || b.newest - a.newest)[0];
  expect(found, `${what} among ../shared/fixtures/calibration: ${JSON.stringify(devices)}`).toBeDefined();
  return found!;
}

/** Waits until the backend page shows the snapshot at `to` (its container carries the instant it shows). */
async function openBackend(
  mount: (c: React.JSX.Element, o: object) => Promise<import('@playwright/test').Locator>,
  harness: object,
  url: string,
  to: number
): Promise<ProviderDetailPage> {
  const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
  const detail = new ProviderDetailPage(component);
  await expect(detail.container).toHaveAttribute('data-at', String(to), FIRST_LOAD);
  return detail;
}

/**
 * Everything the map should show for `d` at `to`, from Prometheus: every qubit of the layout, the ones without T1
 * drawn missing, every coupler once, the median T1 on the legend, one table row per qubit.
 */
async function expectDeviceMap(page: Page, detail: ProviderDetailPage, d: Backend, to: number): Promise<void> {
  const layout = await promInstant(sel(CALIBRATION_METRIC.qubitLayout.name, d), to);
  const t1 = await promInstant(sel(CALIBRATION_METRIC.qubitT1.name, d), to);
  const couplers = await promInstant(sel(CALIBRATION_METRIC.couplerInfo.name, d), to);
  const [median] = await promInstant(`quantile(0.5, ${sel(CALIBRATION_METRIC.qubitT1.name, d)})`, to);
  expect(layout.length, `${d.provider}/${d.backend} has a layout at ${to}`).toBeGreaterThan(0);
  await expect(detail.container).toHaveAttribute('data-qubits', String(layout.length));
  await expect(detail.qubits).toHaveCount(layout.length);
  await expect(
    detail.root.locator(`[data-testid="${testIds.providerDetail.qubit}"][data-state="missing"]`)
  ).toHaveCount(layout.length - t1.length);
  await expect(detail.couplers).toHaveCount(distinctPairs(couplers.map((c) => c.labels[LABEL.qubits] ?? '')));
  if (median) {
    await expect(detail.legendMedian).toContainText(formatQuantity('t1', median.value));
  }
  await expect(detail.tableRows).toHaveCount(layout.length);
  // The T1 distribution counts the same qubits as measured and missing as the map does.
  const t1Distribution = detail.root.locator(
    `[data-testid="${testIds.providerDetail.distribution}"][data-quantity="${CALIBRATION_QUANTITY.t1}"]`
  );
  await expect(t1Distribution).toHaveAttribute('data-measured', String(t1.length));
  await expect(t1Distribution).toHaveAttribute('data-missing', String(layout.length - t1.length));
  expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
}

/**
 * Labels must read as numbers: the on-screen width per character of each qubit label, against its on-screen font
 * size. A monospace digit advances about 0.6 em; labels drawn letter-spaced ("1 2 6") took well over 1 em.
 */
async function labelAdvanceEm(page: Page): Promise<number> {
  return page.evaluate((qubitTestId) => {
    let worst = 0;
    for (const g of document.querySelectorAll(`[data-testid="${qubitTestId}"]`)) {
      const text = g.querySelector('text');
      const svg = g.closest('svg');
      const chars = text?.textContent?.length ?? 0;
      if (!text || !svg || chars < 2) {
        continue;
      }
      const scale = svg.getScreenCTM()?.a ?? 1;
      const fontPx = parseFloat(getComputedStyle(text).fontSize) * scale;
      worst = Math.max(worst, text.getBoundingClientRect().width / chars / fontPx);
    }
    return worst;
  }, testIds.providerDetail.qubit);
}

/**
 * The drift charts mark each new calibration inside the page's range where the harness history holds it: one
 * marker per snapshot of the backend that replaced an earlier one, after the range's first point, within a
 * history step and a query step after the snapshot (the exporter's series changes at its first sample after it;
 * the chart sees that at its next point). Returns how many there are.
 */
async function expectCalibrationMarkers(page: Page, detail: ProviderDetailPage, d: Backend): Promise<number> {
  const title = uiText('provider-detail.trend.title', { metric: uiText('provider-detail.metric.t1') });
  await detail.panel(title).scrollIntoViewIfNeeded();
  await expect(detail.panel(title).getByTestId(harnessTestIds.timeseries)).toHaveAttribute('data-axes', /.+/);
  await waitForQueriesToSettle(page);
  const events = (await queryLog(page)).find(
    (q) => q.api === 'query_range' && q.refId === EVENT_SOURCES.calibratedAt && q.expr.includes(`"${d.backend}"`)
  );
  expect(events, 'the drift charts query the calibration times').toBeDefined();
  const { runs, stepSeconds } = calibrationScene();
  const snapshots = runs
    .filter((r) => r.provider === d.provider && r.backend === d.backend)
    // A run's first snapshot starts its series: nothing was replaced, so it is no change.
    .flatMap((r) => r.snapshots.slice(1))
    .filter((s) => s > events!.start! && s <= events!.end!);
  const markers = detail.calibrationMarkers(title);
  const isCalibration = uiTextPattern('provider-detail.events.calibration');
  // The markers follow the chart's first draw: poll until the calibration ones are there.
  const calibrationTimes = async () => {
    const titles = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-title') ?? ''));
    const times = await annotationMarkerTimes(markers);
    return times.filter((_, i) => isCalibration.test(titles[i] ?? '')).map((t) => t / 1000);
  };
  await expect
    .poll(async () => (await calibrationTimes()).length, { message: `one marker per snapshot in range: ${snapshots}` })
    .toBe(snapshots.length);
  const drawn = await calibrationTimes();
  snapshots.forEach((s, i) => {
    expect(drawn[i]).toBeGreaterThanOrEqual(s);
    expect(drawn[i]).toBeLessThanOrEqual(s + stepSeconds + events!.step!);
  });
  return snapshots.length;
}

test.describe('Providers page and backend pages', () => {
  // Every wait is for a condition; this only bounds a test on a shared machine under heavy load (a load average of
  // 20 on 2 cores made the Providers test, two page loads and two full-page screenshots, take over 2 minutes).
  test.describe.configure({ timeout: 240_000 });

  test('Providers: every backend with calibration, the stale one flagged, two compared side by side from the URL', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'providers' })} />, { hooksConfig: harness });
    const providers = new ProvidersPage(component);
    await expect(providers.table).toHaveAttribute('data-at', /\d+/, FIRST_LOAD);
    // The backends with calibration at the instant the page asked about, from Prometheus itself.
    const devicesQuery = (await queryLog(page)).find(
      (q) => q.api === 'query' && q.expr.includes(CALIBRATION_METRIC.deviceInfo.name) && q.time !== undefined
    );
    expect(devicesQuery, 'the page reads the device info series').toBeDefined();
    const calibrated = await promInstant(devicesQuery!.expr, devicesQuery!.time);
    expect(calibrated.length, 'the harness loads the simulator calibration').toBeGreaterThan(1);
    const stale = calibrationScene().devices.filter((d) => d.source === 'simulator-stale');
    expect(stale, 'the harness withholds one simulator device').toHaveLength(1);
    for (const s of calibrated) {
      const d = { provider: s.labels[LABEL.provider]!, backend: s.labels[LABEL.backend]! };
      const row = providers.row(d.provider, d.backend);
      await expect(row, `${d.provider}/${d.backend}`).toHaveCount(1);
      // Named as the provider names itself ("IBM Quantum / ibm_sherbrooke"), never by its label value.
      await expect(providers.backendLink(d.provider, d.backend)).toHaveText(backendName(d.provider, d.backend));
      const isStale = stale.some((x) => x.provider === d.provider && x.backend === d.backend);
      await expect(row.getByTestId(testIds.providers.staleBadge), `${d.provider}/${d.backend} stale`).toHaveCount(
        isStale ? 1 : 0
      );
    }
    await saveScreenshot(page, 'providers');

    const picked = calibrated
      .slice(0, 2)
      .map((s) => ({ provider: s.labels[LABEL.provider]!, backend: s.labels[LABEL.backend]! }));
    for (const { provider, backend } of picked) {
      // By keyboard (Grafana's checkbox draws its box over the input): focus, then Space ticks it.
      const box = providers.row(provider, backend).getByRole('checkbox');
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    await expect(providers.compare).toBeVisible();
    const url = await currentUrl(page);
    expect(url.searchParams.get(PROVIDERS_PARAM.compare)?.split(',')).toHaveLength(2);

    // The link survives a reload: the same URL opens the same comparison.
    await component.unmount();
    const reloaded = await mount(<AppHarness url={`${url.pathname}${url.search}`} />, { hooksConfig: harness });
    const again = new ProvidersPage(reloaded);
    await expect(again.compare).toBeVisible(FIRST_LOAD);
    for (const { provider, backend } of picked) {
      const name = backendName(provider, backend);
      await expect(again.compare.getByRole('columnheader', { name, exact: true })).toBeVisible();
    }
    await saveScreenshot(page, 'providers-compare');

    // The Provider filter lists providers by name; the URL and the queries keep the id.
    const filter = again.providerFilter;
    await filter.input.click();
    await expect(filter.options.filter({ hasText: providerNameText(QUANTUM_PROVIDER.ibm) })).toHaveCount(1);
    const shown = (await filter.options.allTextContents()).map((o) => o.trim());
    for (const id of Object.values(QUANTUM_PROVIDER)) {
      expect(shown, `option ${id} should show its name`).not.toContain(id);
    }
    await saveScreenshot(page, 'providers-filter');
    await filter.options.filter({ hasText: providerNameText(QUANTUM_PROVIDER.ibm) }).click();
    await filter.input.blur();
    await expect
      .poll(async () => (await currentUrl(page)).searchParams.getAll(variableUrlParam(VARIABLE.provider)))
      .toEqual([QUANTUM_PROVIDER.ibm]);
    await expect(filter.picker).toContainText(providerNameText(QUANTUM_PROVIDER.ibm));
    await expect
      .poll(async () =>
        (await queryLog(page)).some((q) => q.expr.includes(`${LABEL.provider}=~"${QUANTUM_PROVIDER.ibm}"`))
      )
      .toBe(true);
    // A reload keeps the choice, still shown by name.
    const filtered = await currentUrl(page);
    await reloaded.unmount();
    const third = new ProvidersPage(
      await mount(<AppHarness url={`${filtered.pathname}${filtered.search}`} />, { hooksConfig: harness })
    );
    await expect(third.table).toHaveAttribute('data-at', /\d+/, FIRST_LOAD);
    await expect(third.providerFilter.picker).toContainText(providerNameText(QUANTUM_PROVIDER.ibm));
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('Providers: side by side, two backends from the URL, every metric of the table as Prometheus answers it', async ({
    mount,
    page,
    harness,
  }) => {
    // Which backends: the two with the most job errors among those with jobs and calibration at the table's instant.
    const overview = await mount(<AppHarness url={buildAppUrl({ page: 'providers' })} />, { hooksConfig: harness });
    const first = new ProvidersPage(overview);
    await expect(first.table).toHaveAttribute('data-rows', /^[1-9]/, FIRST_LOAD);
    await waitForQueriesToSettle(page);
    const answers = await pageAnswers(page);
    const jobs = sumBy(answers[PROVIDERS.jobs]);
    const errors = sumBy(answers[PROVIDERS.errors]);
    const calibrated = new Set(answers[PROVIDERS.medians].map((s) => backendKey(s.labels)));
    const picked = [...jobs.keys()]
      .filter((k) => jobs.get(k)! > 0 && calibrated.has(k))
      .sort((a, b) => (errors.get(b) ?? 0) - (errors.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, 2)
      .map(backendOfKey);
    expect(picked, 'two backends with jobs and calibration in the harness history').toHaveLength(2);
    await overview.unmount();

    const url = buildAppUrl({
      page: 'providers',
      query: { [PROVIDERS_PARAM.compare]: providersCompareParam(picked) },
    });
    const providers = new ProvidersPage(await mount(<AppHarness url={url} />, { hooksConfig: harness }));
    await expect(providers.compare).toBeVisible(FIRST_LOAD);
    await expect(providers.table).toHaveAttribute('data-rows', /^[1-9]/, FIRST_LOAD);
    await waitForQueriesToSettle(page);
    const at = Number(await providers.table.getAttribute('data-at'));
    const now = await pageAnswers(page);
    const columns = [...PROVIDER_COLUMNS.map((c) => c.id), ...Object.values(COMPARE_ONLY)];
    for (const d of picked) {
      const expected = expectedCompareTexts(now, d, at);
      expect(Object.keys(expected).sort()).toEqual([...columns].sort());
      for (const column of columns) {
        await expect(providers.compareCell(d.provider, d.backend, column), `${d.backend} ${column}`).toHaveText(
          expected[column]!
        );
      }
      // Not a comparison of blanks: the picked backends ran jobs and have calibration.
      await expect(providers.compareCell(d.provider, d.backend, 'jobs')).toHaveText(/^[1-9]\d*$/);
      await expect(providers.compareCell(d.provider, d.backend, 'median-2q_error')).toHaveText(/%/);
    }
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
    await providers.compare.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'providers-compare-all-metrics');
  });

  test('Providers: the enqueue p95 chart draws one line per backend Prometheus has enqueue data for, named by provider', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'providers' })} />, { hooksConfig: harness });
    const providers = new ProvidersPage(component);
    const title = uiText('providers.tiles.enqueue.title');
    const chart = providers.panel(title).getByTestId(harnessTestIds.timeseries);
    await expect(chart).toHaveAttribute('data-axes', /.+/, FIRST_LOAD);
    await waitForQueriesToSettle(page);
    const issued = (await queryLog(page)).find((q) => q.refId === CORRELATION.enqueueP95 && q.api === 'query_range');
    expect(issued, 'the page asks for the enqueue p95 over the range').toBeDefined();
    // The same query, window and step the page used: the backends with at least one point to draw.
    const expected = await drawableSeries(issued!);
    expect(expected.length, 'the harness history has enqueued jobs').toBeGreaterThan(0);
    const names = expected.map((m) => backendName(m[LABEL.provider]!, m[LABEL.backend]!)).sort();
    await expect(providers.legendItems(title)).toHaveCount(names.length);
    const shown = (await providers.legendItems(title).allTextContents()).map((n) => n.trim()).sort();
    expect(shown).toEqual(names);
    // A NaN point (a window without jobs) used to make the value axis NaN and no line was drawn at all.
    const axes = JSON.parse((await chart.getAttribute('data-axes'))!) as AxisLabels;
    const [value] = Object.entries(axes).filter(([scale]) => scale !== 'x');
    expect(value, 'the chart has a value axis').toBeDefined();
    const [, axis] = value!;
    expect(Number.isFinite(axis.min) && Number.isFinite(axis.max), `value axis ${JSON.stringify(axis)}`).toBe(true);
    expect(axis.labels.filter((l) => l !== '').length, 'value axis tick labels').toBeGreaterThan(1);
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
    await providers.panel(title).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'providers-correlation');
  });

  test('Providers at 1440×900: every column group fits without horizontal scroll, medians named and valued as Prometheus has them, the group survives a reload', async ({
    mount,
    page,
    harness,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'providers' })} />, { hooksConfig: harness });
    const providers = new ProvidersPage(component);
    await expect(providers.table).toHaveAttribute('data-rows', /^[1-9]/, FIRST_LOAD);
    const mediansQuery = (await queryLog(page)).find((q) => q.refId === PROVIDERS.medians && q.time !== undefined);
    expect(mediansQuery, 'the page reads the calibration medians').toBeDefined();
    const medians = await promInstant(mediansQuery!.expr, mediansQuery!.time);
    expect(medians.length, 'the harness loads calibration').toBeGreaterThan(0);

    for (const group of Object.values(PROVIDERS_COLUMN_GROUP)) {
      // Grafana draws the radio input over its label: the input takes the click.
      await providers.columnGroup(COLUMN_GROUP_TEXT[group]).check();
      await expect(providers.table).toHaveAttribute('data-columns', group);
      await expect(providers.columnGroup(COLUMN_GROUP_TEXT[group])).toBeChecked();
      const box = await providers.tableScroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll, `${group} columns overflow: ${JSON.stringify(box)}`).toBeLessThanOrEqual(box.client);
      // T1, T2 are names: no header may show a quantity's label value ("Median t1", "Median 2q_error").
      const headers = await providers.headers();
      for (const q of Object.values(CALIBRATION_QUANTITY)) {
        expect(headers).not.toContain(uiText('providers.table.median', { quantity: q }));
      }
      // Every median the group shows reads as Prometheus has it, in its own backend's row.
      for (const s of medians) {
        const q = s.labels[LABEL.quantity] as CalibrationQuantity;
        if (!headers.includes(medianHeader(q))) {
          continue;
        }
        const cell = await providers.cell(s.labels[LABEL.provider]!, s.labels[LABEL.backend]!, medianHeader(q));
        await expect(cell).toContainText(formatQuantity(q, s.value));
      }
      await saveScreenshot(page, `providers-${group}`);
    }
    await providers.columnGroup(COLUMN_GROUP_TEXT.calibration).check();
    await expect(providers.table).toHaveAttribute('data-columns', PROVIDERS_COLUMN_GROUP.calibration);
    expect(await providers.headers()).toContain(medianHeader(CALIBRATION_QUANTITY.t1));
    await expect
      .poll(async () => (await currentUrl(page)).searchParams.get(PROVIDERS_PARAM.columns))
      .toBe(PROVIDERS_COLUMN_GROUP.calibration);

    const url = await currentUrl(page);
    await component.unmount();
    const reloaded = new ProvidersPage(
      await mount(<AppHarness url={`${url.pathname}${url.search}`} />, { hooksConfig: harness })
    );
    await expect(reloaded.table).toHaveAttribute('data-columns', PROVIDERS_COLUMN_GROUP.calibration, FIRST_LOAD);
    await expect(reloaded.columnGroup(COLUMN_GROUP_TEXT.calibration)).toBeChecked();
    expect(await reloaded.headers()).toContain(medianHeader(CALIBRATION_QUANTITY.t2));
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('a 127-qubit IBM backend: every qubit and coupler, labels that read as numbers at 1440 px', async ({
    mount,
    page,
    harness,
  }) => {
    const d = await realDevice((x) => x.provider === QUANTUM_PROVIDER.ibm && x.qubits > 100, 'a 100+ qubit IBM device');
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    const detail = await openBackend(mount, harness, detailUrl(d, to), to);
    await expectDeviceMap(page, detail, d, to);
    expect(await labelAdvanceEm(page)).toBeLessThan(0.8);
    // Couplers the provider reports at error 1 (its uncalibrated sentinel) with no calibrated direction: drawn as
    // uncalibrated, not missing, and called out as such.
    const onCoupler = (metric: string) =>
      `${sel(metric, d)} and on (${LABEL.provider}, ${LABEL.backend}, ${LABEL.gate}, ${LABEL.qubits}) ${sel(CALIBRATION_METRIC.couplerInfo.name, d)}`;
    const pairOf = (labels: Record<string, string>) => (labels[LABEL.qubits] ?? '').split('-').sort().join('-');
    const calibratedPairs = new Set(
      (await promInstant(onCoupler(CALIBRATION_METRIC.gateError.name), to)).map((s) => pairOf(s.labels))
    );
    const uncalibratedPairs = new Set(
      (await promInstant(onCoupler(CALIBRATION_METRIC.gateUncalibrated.name), to))
        .map((s) => pairOf(s.labels))
        .filter((pair) => !calibratedPairs.has(pair))
    );
    expect(uncalibratedPairs.size, `${d.backend} has couplers at IBM's error 1`).toBeGreaterThan(0);
    await expect(
      detail.root.locator(`[data-testid="${testIds.providerDetail.coupler}"][data-state="uncalibrated"]`)
    ).toHaveCount(uncalibratedPairs.size);
    await expect(
      detail.root
        .getByTestId(testIds.providerDetail.flaggedCoupler)
        .filter({ hasText: uiText('provider-detail.flags.uncalibrated') })
    ).toHaveCount(uncalibratedPairs.size);
    // The header names the provider and the hardware maker, not their label values.
    await expect(detail.root.getByRole('heading', { level: 1 })).toHaveText(
      uiText('provider-detail.title', {
        title: pageTitleText('providerDetail'),
        provider: providerNameText(d.provider),
        backend: d.backend,
      })
    );
    expect(d.vendor, 'the IBM fixture names its vendor').toBe('ibm');
    await expect(detail.fact(uiText('provider-detail.facts.vendor'))).toHaveText(uiText('providers.vendor.ibm'));
    await saveScreenshot(page, `provider-detail-${d.provider}-${d.backend}`);

    // Drift over the range: the median T1 line, and the rolling 7-day median where the drift rules recorded it.
    const title = uiText('provider-detail.trend.title', { metric: uiText('provider-detail.metric.t1') });
    await expect(detail.panel(title).getByTestId(harnessTestIds.timeseries)).toHaveAttribute('data-axes', /.+/);
    await waitForQueriesToSettle(page);
    const t1Lines = (await queryLog(page)).filter(
      (q) => q.api === 'query_range' && q.refId?.startsWith(`${CALIBRATION_QUANTITY.t1}:`)
    );
    expect(t1Lines.map((q) => q.refId).sort()).toEqual([
      trendRefId(CALIBRATION_QUANTITY.t1, 'median'),
      trendRefId(CALIBRATION_QUANTITY.t1, 'median7d'),
    ]);
    let drawable = 0;
    for (const q of t1Lines) {
      drawable += (await drawableSeries(q)).length;
    }
    expect(drawable, 'the median T1 has points in the range').toBeGreaterThan(0);
    await expect(detail.legendItems(title)).toHaveCount(drawable);
    await expectCalibrationMarkers(page, detail, d);
    await saveScreenshot(page, `provider-detail-drift-${d.provider}-${d.backend}`);
  });

  test('a Braket IQM backend', async ({ mount, page, harness }) => {
    const d = await realDevice(
      (x) => x.provider === QUANTUM_PROVIDER.braket && x.vendor === IQM_VENDOR,
      'a Braket IQM device'
    );
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    const detail = await openBackend(mount, harness, detailUrl(d, to), to);
    await expectDeviceMap(page, detail, d, to);
    await saveScreenshot(page, `provider-detail-${d.provider}-${d.backend}`);
  });

  test('a Google grid', async ({ mount, page, harness }) => {
    const d = await realDevice((x) => x.layout === CALIBRATION_LAYOUT.grid, 'a device laid out as a grid');
    expect(d.provider).toBe(QUANTUM_PROVIDER.google);
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    const detail = await openBackend(mount, harness, detailUrl(d, to), to);
    await expectDeviceMap(page, detail, d, to);
    await saveScreenshot(page, `provider-detail-${d.provider}-${d.backend}`);
  });

  test('an all-to-all device (IonQ) is a list of qubits without couplers', async ({ mount, page, harness }) => {
    const d = await realDevice((x) => x.layout === CALIBRATION_LAYOUT.allToAll, 'an all-to-all device');
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    const detail = await openBackend(mount, harness, detailUrl(d, to), to);
    const layout = await promInstant(sel(CALIBRATION_METRIC.qubitLayout.name, d), to);
    await expect(detail.qubits).toHaveCount(layout.length);
    await expect(detail.couplers).toHaveCount(0);
    // The page says why there are no couplers.
    await expect(detail.container).toContainText(uiText('provider-detail.map.as-list'));
    await expect(detail.tableRows).toHaveCount(layout.length);
    // A quantity the source gives for no qubit is said once for the device, not on every qubit.
    const t1 = await promInstant(sel(CALIBRATION_METRIC.qubitT1.name, d), to);
    await expect(detail.root.getByTestId(testIds.providerDetail.missingEverywhere)).toHaveCount(
      t1.length === 0 ? 1 : 0
    );
    // Drawn in rows: more than one distinct row and column of qubits.
    const centres = await detail.qubits.evaluateAll((gs) =>
      gs.map((g) => {
        const c = g.querySelector('circle.body')!;
        return [c.getAttribute('cx'), c.getAttribute('cy')];
      })
    );
    expect(new Set(centres.map((c) => c[1])).size).toBeGreaterThan(1);
    expect(new Set(centres.map((c) => c[0])).size).toBeGreaterThan(1);
    await saveScreenshot(page, `provider-detail-${d.provider}-${d.backend}`);
  });

  test('the stale backend says so at "now"', async ({ mount, page, harness }) => {
    const stale = calibrationScene().devices.find((d) => d.source === 'simulator-stale');
    expect(stale, 'the harness withholds one simulator device').toBeDefined();
    const component = await mount(
      <AppHarness
        url={buildAppUrl({ page: 'providerDetail', params: { provider: stale!.provider, backend: stale!.backend } })}
      />,
      { hooksConfig: harness }
    );
    const detail = new ProviderDetailPage(component);
    await expect(detail.container).toHaveAttribute('data-qubits', String(stale!.qubits), FIRST_LOAD);
    await expect(detail.staleBadge).toBeVisible();
    await saveScreenshot(page, 'provider-detail-stale');
  });

  test('a backend id Prometheus has no calibration for (ids are case-sensitive): the empty state names it and says what to do', async ({
    mount,
    page,
    harness,
  }) => {
    const d = await realDevice((x) => x.provider === QUANTUM_PROVIDER.ibm, 'an IBM device');
    const wrongCase = { provider: d.provider, backend: d.backend.toUpperCase() };
    expect(wrongCase.backend, 'the fixture id has lower-case letters').not.toBe(d.backend);
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    expect(await promInstant(sel(CALIBRATION_METRIC.qubitLayout.name, wrongCase), to)).toEqual([]);
    const detail = new ProviderDetailPage(
      await mount(<AppHarness url={detailUrl(wrongCase, to)} />, { hooksConfig: harness })
    );
    await expect(detail.empty).toContainText(
      uiText('provider-detail.empty.title', {
        provider: providerNameText(wrongCase.provider),
        backend: wrongCase.backend,
      }),
      FIRST_LOAD
    );
    await expect(detail.empty).toContainText(uiText('provider-detail.empty.body'));
    await expect(detail.map).toHaveCount(0);
    await expect(detail.container).toHaveCount(0);
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
    await saveScreenshot(page, 'provider-detail-empty');
  });

  test('a drifted qubit is called out, as the drift rules recorded it: orange outline on the map, named in its label', async ({
    mount,
    page,
    harness,
  }) => {
    const t1Ratio = calibrationDriftSeries(CALIBRATION_METRIC.qubitT1.name).ratioToMedian7d;
    const beyondFactor = (ratio: string) =>
      `${ratio} > ${DEFAULT_DRIFT_FACTOR} or ${ratio} < ${1 / DEFAULT_DRIFT_FACTOR}`;
    let found: { device: CalibrationDevice; t1: Samples; at: number } | undefined;
    for (const d of calibrationScene().devices.filter((x) => x.source === 'fixture')) {
      const at = d.newest + 3600;
      const drifted = await promInstant(beyondFactor(sel(t1Ratio, d)), at);
      if (drifted.length > 0) {
        found = { device: d, t1: drifted, at };
        break;
      }
    }
    expect(found, 'the Hanoi drift series should have a T1 collapse').toBeDefined();
    const { device, t1, at } = found!;
    // Every qubit drifted in any quantity the map offers (T1, T2, readout, 1q error) gets the drift outline.
    const driftedAnywhere = new Set<string>();
    for (const metric of [
      CALIBRATION_METRIC.qubitT1,
      CALIBRATION_METRIC.qubitT2,
      CALIBRATION_METRIC.qubitReadoutError,
      CALIBRATION_METRIC.qubit1qError,
    ]) {
      const ratio = sel(calibrationDriftSeries(metric.name).ratioToMedian7d, device);
      for (const s of await promInstant(beyondFactor(ratio), at)) {
        driftedAnywhere.add(s.labels[LABEL.qubit]!);
      }
    }
    const detail = await openBackend(mount, harness, detailUrl(device, at), at);
    for (const s of t1) {
      const q = s.labels[LABEL.qubit]!;
      await expect(
        detail.root.locator(`[data-testid="${testIds.providerDetail.flaggedQubit}"][data-qubit="${q}"]`)
      ).toHaveCount(1);
      const qubit = detail.qubit(q);
      await expect(qubit).toHaveAttribute('data-callout', 'drifted');
      await expect(qubit.getByTestId(testIds.providerDetail.qubitCallout)).toHaveAttribute('data-kind', 'drifted');
      // The accessible name says what the outline shows, in the "Called out" list's words and with the ratio.
      await expect(qubit).toHaveAccessibleName(uiTextPattern('provider-detail.map.qubit-aria-callout', { qubit: q }));
      await expect(qubit).toHaveAccessibleName(
        new RegExp(
          uiTextPattern('provider-detail.flags.drifted', {
            metric: uiText('provider-detail.metric.t1'),
            ratio: s.value.toFixed(2),
          }).source
        )
      );
    }
    // Exactly the drifted qubits carry the drift outline; the steady ones do not.
    await expect(detail.qubitCallouts('drifted')).toHaveCount(driftedAnywhere.size);
    const outlined = await detail.map
      .locator(`[data-testid="${testIds.providerDetail.qubit}"][data-callout="drifted"]`)
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-qubit')!));
    expect(new Set(outlined)).toEqual(driftedAnywhere);
    const steady = await detail.map
      .locator(`[data-testid="${testIds.providerDetail.qubit}"]:not([data-callout])`)
      .count();
    expect(steady, 'some qubits of the device are steady and not outlined').toBeGreaterThan(0);
    // Couplers drift against their own 7-day median too: each one the list calls drifted is drifted in Prometheus.
    const couplerRatio = sel(calibrationDriftSeries(CALIBRATION_DRIFT.couplerTwoQubitError).ratioToMedian7d, device);
    const driftedCouplers = (await promInstant(beyondFactor(couplerRatio), at)).map((s) => s.labels[LABEL.qubits]!);
    expect(driftedCouplers.length, 'a Hanoi coupler drifts between the two snapshots').toBeGreaterThan(0);
    const listedCouplers = detail.root
      .getByTestId(testIds.providerDetail.flaggedCoupler)
      .filter({ hasText: uiTextPattern('provider-detail.flags.coupler-drifted') });
    await expect(listedCouplers).not.toHaveCount(0);
    for (const text of await listedCouplers.allTextContents()) {
      expect(
        driftedCouplers.some((q) => text.includes(` ${q}: `)),
        `${text} is among ${driftedCouplers.join(', ')}`
      ).toBe(true);
    }
    await saveScreenshot(page, 'provider-detail-drift');
    // The drift series is a run of snapshots: the range holds at least one new calibration, marked on the charts.
    expect(await expectCalibrationMarkers(page, detail, device)).toBeGreaterThan(0);
  });

  test('keyboard: arrows move between qubits, Enter pins one in the URL, Escape lets go', async ({
    mount,
    page,
    harness,
  }) => {
    const d = await realDevice((x) => x.layout === CALIBRATION_LAYOUT.grid, 'a device laid out as a grid');
    const to = d.newest + AFTER_SNAPSHOT_SECONDS;
    const detail = await openBackend(mount, harness, detailUrl(d, to), to);
    const first = detail.qubits.first();
    await first.focus();
    const start = await first.getAttribute('data-qubit');
    await expect(detail.details).toContainText(start!);
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-qubit'));
    expect(moved).toBeTruthy();
    expect(moved).not.toBe(start);
    await expect(detail.details).toContainText(moved!);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await currentUrl(page)).searchParams.get(PROVIDER_DETAIL_PARAM.qubit)).toBe(moved);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await currentUrl(page)).searchParams.get(PROVIDER_DETAIL_PARAM.qubit)).toBeNull();
  });
});
