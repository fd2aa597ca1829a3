import type { Locator } from '@playwright/test';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

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

  get firing(): Locator {
    return this.root.getByTestId(testIds.playbooks.firing);
  }

  get unknown(): Locator {
    return this.root.getByTestId(testIds.playbook.unknown);
  }
}
