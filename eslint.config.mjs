import { defineConfig } from 'eslint/config';
import grafanaI18n from '@grafana/i18n/eslint-plugin';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'bench-results/',
      // Loads the scaffold's webpack config, which is typechecked by webpack itself, not by our tsconfig.
      'webpack.config.ts',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The scaffold only lints src/: lint the packages, scripts and browser tests with the same rules.
    files: ['pkg/**/*.ts', 'scripts/**/*.ts', 'playwright/**/*.{ts,tsx}', '*.ts'],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
      },
    },
    rules: {
      '@typescript-eslint/no-deprecated': 'warn',
    },
  },
  {
    files: ['playwright/**/*.{ts,tsx}'],
    rules: {
      // Playwright fixtures are called `use`, which the hooks rule mistakes for React's.
      'react-hooks/rules-of-hooks': 'off',
      // The harness stands in for Grafana's own runtime, whose interfaces still carry deprecated members.
      '@typescript-eslint/no-deprecated': 'off',
    },
  },
  {
    // Every user-facing string of the app goes through @grafana/i18n (t() / <Trans>), as in Grafana's own apps.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { basePaths: ['src'], calleesToIgnore: ['^css$'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
]);
