import type { Locator } from '@playwright/test';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

/** A page whose content later work builds (Lifecycle, Providers, LLM quality, Playbooks, trace, job). */
export class PlannedPage extends AppPageObject {
  get notice(): Locator {
    return this.root.getByTestId(testIds.pending.container);
  }

  /** The path parameters the URL selected ("provider = ibm, backend = ibm_torino"). */
  get params(): Locator {
    return this.root.getByTestId(testIds.pending.params);
  }

  get playbookLinks(): Locator {
    return this.root.getByTestId(testIds.pending.playbookLink);
  }
}
