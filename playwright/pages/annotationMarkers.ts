import type { Locator } from '@playwright/test';
import { selectors } from '@grafana/e2e-selectors';

/**
 * Grafana's test id of an annotation marker on a time series panel. The harness' time series stand-in draws its
 * markers with the same id (and adds `data-time` / `data-title`), so these accessors serve both.
 */
export const ANNOTATION_MARKER_TEST_ID: string = selectors.pages.Dashboard.Annotations.marker;

/** The annotation markers a panel draws on its time axis. */
export function annotationMarkers(panel: Locator): Locator {
  return panel.getByTestId(ANNOTATION_MARKER_TEST_ID);
}

/** The markers' times (epoch ms) as the harness' stand-in records them, in drawing order. */
export async function annotationMarkerTimes(markers: Locator): Promise<number[]> {
  return markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
}
