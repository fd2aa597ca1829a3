import i18next from 'i18next';
import { ENTRY_APP_ID } from '../entry/appId';

/**
 * `t()` for the few strings of the 10 KB entry (module.tsx). @grafana/i18n would add 10 KB to the entry;
 * i18next itself is shared by Grafana with every plugin, and @grafana/i18n's own `t()` reads the same
 * instance and namespace. Before Grafana has initialised i18next (the page harness), the English default.
 */
export function t(key: string, defaultValue: string): string {
  return i18next.isInitialized ? i18next.t(key, { ns: ENTRY_APP_ID, defaultValue }) : defaultValue;
}
