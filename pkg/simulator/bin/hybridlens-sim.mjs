#!/usr/bin/env node
import { register } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';
// The package's .ts files load as CommonJS; Node 20 needs tsx's CJS hook for them (else ERR_REQUIRE_CYCLE_MODULE).
registerCjs();
register();
await import('../src/cliMain.ts');
