import React from 'react';
import { CALIBRATION_METRIC, LABEL, calibrationDriftSeries, buildAppUrl } from '@hybridlens/conventions';
import { testIds } from '../../../src/ui';
import { ProviderDetailPage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { calibrationScene, type CalibrationDevice } from '../server/calibrationEnv';
import { DEFAULT_DRIFT_FACTOR } from '../../../src/pages/providerDetail/flags';
import { expect, promInstant, saveScreenshot, test } from './fixtures';

/** The backend page is opened with a 6-hour range ending after the snapshot of interest (real snapshots sit at their own dates). */
const RANGE_SECONDS = 6 * 3600;

const sel = (metric: string, d: { provider: string; backend: string }) =>
  `last_over_time(${metric}{${LABEL.provider}="${d.provider}", ${LABEL.backend}="${d.backend}"}[1h])`;

function detailUrl(d: { provider: string; backend: string }, to: number, query: Record<string, string> = {}): string {
  return buildAppUrl({
    page: 'providerDetail',
    params: { provider: d.provider, backend: d.backend },
    time: { from: String((to - RANGE_SECONDS) * 1000), to: String(to * 1000) },
    query,
  });
}

function fixtureDevices(): CalibrationDevice[] {
  return calibrationScene().devices.filter((d) => d.source === 'fixture');
}

test.describe('Providers and backends', () => {
  test('a drifted qubit is called out, as the drift rules recorded it', async ({ mount, page, harness }) => {
    const series = calibrationDriftSeries(CALIBRATION_METRIC.qubitT1.name).ratioToMedian7d;
    let found: { device: CalibrationDevice; qubits: string[]; at: number } | undefined;
    for (const d of fixtureDevices()) {
      const at = d.newest + 3600;
      const ratio = sel(series, d);
      const drifted = await promInstant(
        `${ratio} > ${DEFAULT_DRIFT_FACTOR} or ${ratio} < ${1 / DEFAULT_DRIFT_FACTOR}`,
        at
      );
      if (drifted.length > 0) {
        found = { device: d, qubits: drifted.map((s) => s.labels[LABEL.qubit]!), at };
        break;
      }
    }
    expect(found, 'the Hanoi drift series should have a T1 collapse').toBeDefined();
    const component = await mount(<AppHarness url={detailUrl(found!.device, found!.at)} />, { hooksConfig: harness });
    const detail = new ProviderDetailPage(component);
    await expect(detail.map).toBeVisible();
    for (const q of found!.qubits) {
      await expect(
        component.locator(`[data-testid="${testIds.providerDetail.flaggedQubit}"][data-qubit="${q}"]`)
      ).toHaveCount(1);
    }
    await saveScreenshot(page, 'provider-detail-drift');
  });
});
