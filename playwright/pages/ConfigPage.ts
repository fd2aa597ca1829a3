import type { Locator } from '@playwright/test';
import type { Thresholds } from '../../src/settings/settings';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

export class ConfigPage extends AppPageObject {
  get grafanaBaseUrl(): Locator {
    return this.root.getByTestId(testIds.appConfig.grafanaBaseUrl);
  }

  threshold(key: keyof Thresholds): Locator {
    return this.root.getByTestId(testIds.appConfig.threshold(key));
  }

  get save(): Locator {
    return this.root.getByTestId(testIds.appConfig.save);
  }

  get problems(): Locator {
    return this.root.getByTestId(testIds.appConfig.problems);
  }

  /** The problem line of one field (`data-field` is the jsonData path, e.g. thresholds.hallucinationRate). */
  problem(field: string): Locator {
    return this.problems.locator(`[data-field="${field}"]`);
  }

  get test(): Locator {
    return this.root.getByTestId(testIds.appConfig.test);
  }

  get testResult(): Locator {
    return this.root.getByTestId(testIds.appConfig.testResult);
  }

  get testChecks(): Locator {
    return this.root.getByTestId(testIds.appConfig.testCheck);
  }
}
