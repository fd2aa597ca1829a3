import { defineConfig } from 'i18next-cli';

/**
 * Extraction of the app's UI text (`t('key', 'English')`, `<Trans i18nKey="key">English</Trans>`) into the
 * English catalog. `npm run i18n:extract` writes it; the `i18n` step of `npm test` fails when it is stale.
 */
export default defineConfig({
  locales: ['en-US'],
  extract: {
    input: ['src/**/*.{ts,tsx}'],
    ignore: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    output: 'src/locales/{{language}}/{{namespace}}.json',
    defaultNS: 'hybridlens-observability-app',
    keySeparator: '.',
    nsSeparator: false,
    contextSeparator: '_',
    pluralSeparator: '_',
    sort: true,
    indentation: 2,
    functions: ['t', '*.t'],
    transComponents: ['Trans'],
    warnOnConflicts: 'error',
  },
});
