/**
 * The plugin id, for the 10 KB entry only. Importing the contract from the entry would put the contract's
 * modules in module.js (webpack places modules shared with the lazy chunks in the entry chunk), doubling it.
 * A unit test keeps this equal to the contract's APP_ID; everything outside src/entry and src/module.tsx
 * imports the contract.
 */
export const ENTRY_APP_ID = 'hybridlens-observability-app';

/** The app's root path in Grafana (the contract's APP_BASE_PATH). */
export const ENTRY_APP_ROOT = `/a/${ENTRY_APP_ID}/`;
