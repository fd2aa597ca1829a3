import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTelemetryDoc } from '../src/telemetryDoc';

const target = resolve(__dirname, '../../../TELEMETRY.md');
writeFileSync(target, renderTelemetryDoc());
console.log(`wrote ${target}`);
