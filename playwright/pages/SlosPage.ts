import type { Locator } from '@playwright/test';
import { testIds, uiText } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

export class SlosPage extends AppPageObject {
  get table(): Locator {
    return this.root.getByTestId(testIds.slos.table);
  }

  get rows(): Locator {
    return this.root.getByTestId(testIds.slos.row);
  }

  /** The SLO name cell of every row, in order. */
  get names(): Locator {
    return this.rows.locator('td:first-child');
  }

  get metadataMissing(): Locator {
    return this.root.getByTestId(testIds.slos.metadataMissing);
  }

  static missedText(): string {
    return uiText('slos.state.missed');
  }

  static lowTrafficText(): string {
    return uiText('slos.state.low-traffic');
  }
}

export class SloDetailPage extends AppPageObject {
  get status(): Locator {
    return this.root.getByTestId(testIds.sloDetail.status);
  }

  /** One badge per burn-rate tier; `data-state` is firing, pending or ok. */
  get tierStates(): Locator {
    return this.root.getByTestId(testIds.sloDetail.tierState);
  }

  get playbookLink(): Locator {
    return this.root.getByTestId(testIds.sloDetail.playbookLink);
  }

  get lowTraffic(): Locator {
    return this.root.getByTestId(testIds.sloDetail.lowTraffic);
  }

  /** "SLO "x" has no metadata": the SLO is unknown to Prometheus. */
  noMetadata(slo: string): Locator {
    return this.root.getByText(uiText('slo-detail.no-metadata.title', { slo }), { exact: true });
  }
}
