// Timezone fixed so date formatting in tests does not depend on the machine.
process.env.TZ = 'UTC';

const scaffold = require('./.config/jest.config');

const swc = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true } },
  },
];

/** The page harness's second install (React 19) is not for jest: neither crawled nor resolved. */
const notForJest = ['<rootDir>/playwright/ct/react19/'];

/** The plugin (jsdom) and every workspace package (node) in one run. */
module.exports = {
  // The longest files first when jest has no durations of its own (CI): scripts/test-sequencer.mjs.
  testSequencer: '<rootDir>/scripts/test-sequencer.mjs',
  projects: [
    {
      ...scaffold,
      displayName: 'plugin',
      rootDir: __dirname,
      // d3-color and friends ship only .mjs: transform those too.
      transform: { ...scaffold.transform, '^.+\\.mjs$': swc },
      // jsdom resolves yaml (imported by @hybridlens/testkit's rule helpers) to its ESM browser build: use the CJS one.
      moduleNameMapper: { ...scaffold.moduleNameMapper, '^yaml$': require.resolve('yaml') },
      modulePathIgnorePatterns: [...(scaffold.modulePathIgnorePatterns ?? []), ...notForJest],
    },
    {
      displayName: 'pkg',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/pkg/*/src/**/*.test.ts', '<rootDir>/pkg/*/test/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
      transformIgnorePatterns: scaffold.transformIgnorePatterns,
      modulePathIgnorePatterns: notForJest,
    },
  ],
};
