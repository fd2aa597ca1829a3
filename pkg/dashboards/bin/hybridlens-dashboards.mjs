#!/usr/bin/env node
import { register } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';
// The package's .ts files load as CommonJS: without the CJS hook Node 20 refuses them (ERR_REQUIRE_CYCLE_MODULE).
registerCjs();
register();
await import('../src/main.ts');
