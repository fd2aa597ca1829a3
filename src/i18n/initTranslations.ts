import { initPluginTranslations } from '@grafana/i18n';
import { APP_ID } from '@hybridlens/conventions';

/**
 * Registers the app's namespace (its plugin id) with Grafana's i18next, so `t()` and `<Trans>` of
 * @grafana/i18n read the app's catalog. Grafana (12.1 and later) loads the catalog itself from
 * `locales/<language>/<plugin id>.json` for the languages plugin.json lists; no loader is needed, and the
 * English text is the default written next to each key in the code.
 */
export async function initTranslations(): Promise<void> {
  await initPluginTranslations(APP_ID, []);
}
