import type { Locator } from '@playwright/test';
import { testIds, uiText } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

/** The Overview's tiles, by the key of their title in the app's UI text. */
export const OVERVIEW_TILES = {
  keyBudget: 'overview.tiles.key-budget.title',
  keySli: 'overview.tiles.key-sli.title',
  requestVolume: 'overview.tiles.request-volume.title',
  errorRate: 'overview.tiles.error-rate.title',
  p95: 'overview.tiles.p95.title',
  spend: 'overview.tiles.spend.title',
  fallbacks: 'overview.tiles.fallbacks.title',
  byOutcome: 'overview.tiles.by-outcome.title',
  errorRateTrend: 'overview.tiles.error-rate-trend.title',
  p95Trend: 'overview.tiles.p95-trend.title',
  quantumSuccess: 'overview.tiles.quantum-success.title',
  fallbackRate: 'overview.tiles.fallback-rate.title',
} as const;

export type OverviewTile = keyof typeof OVERVIEW_TILES;

export class OverviewPage extends AppPageObject {
  /** Every tile title, as the app renders it. */
  static tileTitles(): string[] {
    return Object.values(OVERVIEW_TILES).map((key) => uiText(key));
  }

  static title(tile: OverviewTile): string {
    return uiText(OVERVIEW_TILES[tile]);
  }

  tile(tile: OverviewTile): Locator {
    return this.panel(OverviewPage.title(tile));
  }

  /** The tile's note naming active filters it does not apply (absent when all apply). */
  filterScope(tile: OverviewTile): Locator {
    return this.tile(tile).getByTestId(testIds.tileFilterScope);
  }

  get firingAlerts(): Locator {
    return this.root.getByTestId(testIds.overview.firingAlerts);
  }

  get firingAlert(): Locator {
    return this.root.getByTestId(testIds.overview.firingAlert);
  }

  /** What the quantum success chart says when no window held enough jobs. */
  static tooFewJobsText(window: string, min: number): string {
    return uiText('overview.tiles.quantum-success.too-few-jobs', { window, min });
  }
}
