import type { Locator, Page } from '@playwright/test';
import { QUANTUM_PROVIDER } from '@hybridlens/conventions';
import { uiText } from '../../src/ui';
import type { Root } from './AppPageObject';

/** A provider as the app names it, from the catalog: a contract id by its name, any other id as it is. */
export function providerNameText(id: string): string {
  const known = Object.values(QUANTUM_PROVIDER).find((p) => p === id);
  return known ? uiText(`providers.name.${known}`) : id;
}

/** Grafana's test id of one variable picker (its label and its select) in a page's controls. */
const VARIABLE_PICKER = 'data-testid template variable';

/** The browser page a root belongs to: an open select draws its menu at the end of the document, outside the app. */
function pageOf(root: Root): Page {
  return 'page' in root && typeof root.page === 'function' ? root.page() : (root as Page);
}

/** The Provider filter of a page: shows providers by name while the URL and the queries carry their ids. */
export class ProviderFilter {
  constructor(private readonly root: Root) {}

  private get label(): string {
    return uiText('variables.provider');
  }

  /** The picker: its label, then the chosen providers as the page names them. */
  get picker(): Locator {
    return this.root.getByTestId(VARIABLE_PICKER).filter({ hasText: new RegExp(`^${this.label}`) });
  }

  get input(): Locator {
    return this.root.getByRole('combobox', { name: this.label, exact: true });
  }

  /** The options of the open picker, "All" first. */
  get options(): Locator {
    return pageOf(this.root).getByRole('option');
  }

  /** Opens the picker, ticks the option shown as `name` and leaves it (the picker applies a choice on leaving). */
  async choose(name: string): Promise<void> {
    await this.input.click();
    await this.options.filter({ hasText: name }).click();
    await this.input.blur();
  }
}
