import type { Locator } from '@playwright/test';
import { QUANTUM_PROVIDER } from '@hybridlens/conventions';
import { harnessTestIds } from '../runtime/harnessTestIds';

const PROVIDER_IDS: readonly string[] = Object.values(QUANTUM_PROVIDER);

/** Words of a shown text: a provider id inside a longer id (`ibm_sherbrooke`, an SLO name) is not one. */
const words = (text: string) => text.split(/[\s/(),:→]+/).filter(Boolean);

export interface ProviderTextShown {
  /** Every text that shows a raw `provider` label value as a word (table cells, bar gauge names, series names). */
  rawIds: string[];
  /** The series names of the scene's time series (legend and tooltip text). */
  seriesNames: string[];
}

/** What a dashboard scene shows of providers: its visible text and the names of its time series. */
export async function providerTextShown(scene: Locator): Promise<ProviderTextShown> {
  const lines = (await scene.innerText()).split('\n');
  const seriesNames = (
    await scene
      .getByTestId(harnessTestIds.timeseries)
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('data-series') ?? '[]'))
  ).flatMap((json) => JSON.parse(json) as string[]);
  const rawIds = [...lines, ...seriesNames].filter((text) => words(text).some((word) => PROVIDER_IDS.includes(word)));
  return { rawIds, seriesNames };
}
