import type { Locator } from '@playwright/test';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';
import { annotationMarkers } from './annotationMarkers';
import { ProviderFilter } from './ProviderFilter';

/** An id inside a double-quoted CSS attribute selector. */
const cssString = (value: string) => value.replace(/["\\]/g, '\\$&');

export class ProvidersPage extends AppPageObject {
  get table(): Locator {
    return this.root.getByTestId(testIds.providers.table);
  }

  get rows(): Locator {
    return this.root.getByTestId(testIds.providers.row);
  }

  /** The row of one backend, by its provider and backend ids (the link shows the provider's display name). */
  row(provider: string, backend: string): Locator {
    return this.root.locator(
      `[data-testid="${testIds.providers.row}"][data-provider="${cssString(provider)}"][data-backend="${cssString(backend)}"]`
    );
  }

  /** The link to one backend's page in its row. */
  backendLink(provider: string, backend: string): Locator {
    return this.row(provider, backend).getByRole('link');
  }

  /** The box the table scrolls in (at 1440 px it must not need to). */
  get tableScroll(): Locator {
    return this.root.getByTestId(testIds.providers.tableScroll);
  }

  /** The column-group switch; `columnGroup(label)` is one of its options. */
  get columnSwitch(): Locator {
    return this.root.getByTestId(testIds.providers.columns);
  }

  columnGroup(label: string): Locator {
    return this.columnSwitch.getByRole('radio', { name: label, exact: true });
  }

  /** The header texts of the table, in order. */
  async headers(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).map((h) => h.trim());
  }

  /** The cell of one backend under the header `header`. */
  async cell(provider: string, backend: string, header: string): Promise<Locator> {
    const index = (await this.headers()).indexOf(header);
    if (index < 0) {
      throw new Error(`the Providers table has no column "${header}": ${(await this.headers()).join(' | ')}`);
    }
    return this.row(provider, backend).locator('td').nth(index);
  }

  get staleBadges(): Locator {
    return this.root.getByTestId(testIds.providers.staleBadge);
  }

  get compare(): Locator {
    return this.root.getByTestId(testIds.providers.compare);
  }

  /** One value of the side-by-side table: a Providers column id (or a comparison-only row) for one backend. */
  compareCell(provider: string, backend: string, column: string): Locator {
    return this.compare.locator(
      `[data-testid="${testIds.providers.compareCell}"][data-column="${cssString(column)}"][data-provider="${cssString(provider)}"][data-backend="${cssString(backend)}"]`
    );
  }

  get providerFilter(): ProviderFilter {
    return new ProviderFilter(this.root);
  }
}

export class ProviderDetailPage extends AppPageObject {
  get container(): Locator {
    return this.root.getByTestId(testIds.providerDetail.container);
  }

  get map(): Locator {
    return this.root.getByTestId(testIds.providerDetail.map);
  }

  /** Every qubit on the map; `data-state` is measured or missing for the picked metric, `data-qubit` its id. */
  get qubits(): Locator {
    return this.root.getByTestId(testIds.providerDetail.qubit);
  }

  /** One qubit on the map; `data-callout` is `drifted` or `other` when the qubit is called out. */
  qubit(id: string): Locator {
    return this.root.locator(`[data-testid="${testIds.providerDetail.qubit}"][data-qubit="${cssString(id)}"]`);
  }

  /** The call-out outlines on the map (`data-kind` drifted or other), optionally of one kind. */
  qubitCallouts(kind?: 'drifted' | 'other'): Locator {
    const outlines = this.map.getByTestId(testIds.providerDetail.qubitCallout);
    return kind ? outlines.and(this.map.locator(`[data-kind="${kind}"]`)) : outlines;
  }

  get couplers(): Locator {
    return this.root.getByTestId(testIds.providerDetail.coupler);
  }

  get legendMedian(): Locator {
    return this.root.getByTestId(testIds.providerDetail.legendMedian).first();
  }

  get details(): Locator {
    return this.root.getByTestId(testIds.providerDetail.details);
  }

  get staleBadge(): Locator {
    return this.root.getByTestId(testIds.providerDetail.staleBadge);
  }

  get flaggedQubits(): Locator {
    return this.root.getByTestId(testIds.providerDetail.flaggedQubit);
  }

  get bestChain(): Locator {
    return this.root.getByTestId(testIds.providerDetail.bestChain);
  }

  get tableRows(): Locator {
    return this.root.getByTestId(testIds.providerDetail.tableRow);
  }

  /** The calibration and QPU-version markers a drift chart draws on its time axis. */
  calibrationMarkers(chartTitle: string): Locator {
    return annotationMarkers(this.panel(chartTitle));
  }

  get csvQubits(): Locator {
    return this.root.getByTestId(testIds.providerDetail.csvQubits);
  }

  /** The value of one fact above the map, by its label ("Vendor"). */
  fact(label: string): Locator {
    return this.root
      .getByTestId(testIds.providerDetail.facts)
      .locator(':scope > div')
      .filter({ hasText: new RegExp(`^${label}`) })
      .locator('span')
      .last();
  }
}
