import type { Locator } from '@playwright/test';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';
import { ProviderFilter } from './ProviderFilter';

export class PlaybooksPage extends AppPageObject {
  get rows(): Locator {
    return this.root.getByTestId(testIds.playbooks.row);
  }

  row(playbook: string): Locator {
    return this.root.locator(`[data-testid="${testIds.playbooks.row}"][data-playbook="${playbook}"]`);
  }

  /** "Firing now" of a row; `data-count` is the number of alerts. */
  firing(playbook: string): Locator {
    return this.row(playbook).getByTestId(testIds.playbooks.firing);
  }
}

export class PlaybookPage extends AppPageObject {
  get steps(): Locator {
    return this.root.getByTestId(testIds.playbook.step);
  }

  /** A live check by id; `data-state` is holds, clear, noData or info. */
  check(id: string): Locator {
    return this.root.locator(`[data-testid="${testIds.playbook.check}"][data-check="${id}"]`).first();
  }

  checkRows(id: string): Locator {
    return this.check(id).getByTestId(testIds.playbook.checkRow);
  }

  get stepLinks(): Locator {
    return this.root.getByTestId(testIds.playbook.stepLink);
  }

  get scope(): Locator {
    return this.root.getByTestId(testIds.playbook.scope);
  }

  get providerFilter(): ProviderFilter {
    return new ProviderFilter(this.root);
  }

  get firing(): Locator {
    return this.root.getByTestId(testIds.playbooks.firing);
  }

  get unknown(): Locator {
    return this.root.getByTestId(testIds.playbook.unknown);
  }

  /** A mitigation button by action (`data-action`); disabled for Viewers. */
  actionButton(action: string): Locator {
    return this.root.locator(`[data-testid="${testIds.playbook.actionButton}"][data-action="${action}"]`).first();
  }

  /** The visible reason an action is disabled. */
  actionDisabledReason(action: string): Locator {
    return this.root
      .locator(`[data-testid="${testIds.playbook.actionDisabledReason}"][data-action="${action}"]`)
      .first();
  }

  get actionResult(): Locator {
    return this.root.getByTestId(testIds.playbook.actionResult);
  }

  get actionError(): Locator {
    return this.root.getByTestId(testIds.playbook.actionError);
  }

  /** The mitigation state block; `data-state` is loading, loaded, error, viewer or unconfigured. */
  get adminState(): Locator {
    return this.root.getByTestId(testIds.playbook.adminState);
  }

  get adminError(): Locator {
    return this.root.getByTestId(testIds.playbook.adminError);
  }

  /** The degraded banner from Prometheus (every role); `data-state` is normal, degraded or error. */
  get degradedTelemetry(): Locator {
    return this.root.getByTestId(testIds.playbook.degradedTelemetry);
  }

  /** One mitigation of that banner by action (`data-provider`, `data-since` in epoch ms). */
  degradedItem(action: string): Locator {
    return this.root.locator(`[data-testid="${testIds.playbook.degradedItem}"][data-action="${action}"]`);
  }

  /** The fallbacks line of that banner: requests falling back on their own (`data-since` in epoch ms). */
  get degradedFallbacks(): Locator {
    return this.root.getByTestId(testIds.playbook.degradedFallbacks);
  }

  /** The degraded banner (or the "runs normally" line); `data-flags` lists the flags in force. */
  get degraded(): Locator {
    return this.root.getByTestId(testIds.playbook.degraded);
  }

  get auditRows(): Locator {
    return this.root.getByTestId(testIds.playbook.auditRow);
  }
}
