import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { ScenarioConfig, ScenarioResult } from '../child/exportScenario';

const SCRIPT = resolve(__dirname, '../child/exportScenario.ts');

/** Run child/exportScenario.ts in a fresh Node process with the real OTLP exporter. */
export function runExportScenario(config: ScenarioConfig): Promise<ScenarioResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', SCRIPT, JSON.stringify(config)],
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`export scenario failed: ${error.message}\n${stderr}`));
          return;
        }
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolvePromise(JSON.parse(last) as ScenarioResult);
        } catch {
          reject(new Error(`export scenario printed no result:\n${stdout}\n${stderr}`));
        }
      }
    );
  });
}
