/**
 * Logs through the default stdout sink while nobody reads this process's stdout (the parent test
 * holds the pipe paused). Reports on stderr: how much waited in stdout's buffer, how many lines were
 * dropped, and how late a timer fired.
 */
import { createTelemetry } from '../../src';

const LINES = 60_000;

async function main(): Promise<void> {
  const telemetry = createTelemetry({ serviceName: 'hybrid-api' });
  let maxLateMs = 0;
  let expected = Date.now() + 10;
  const probe = setInterval(() => {
    maxLateMs = Math.max(maxLateMs, Date.now() - expected);
    expected = Date.now() + 10;
  }, 10);
  let maxBuffered = 0;
  for (let i = 0; i < LINES; i++) {
    telemetry.log({ level: 'info', event: 'load_test', message: `line ${i} ${'x'.repeat(150)}` });
    maxBuffered = Math.max(maxBuffered, process.stdout.writableLength);
    if (i % 1000 === 999) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  clearInterval(probe);
  process.stderr.write(
    JSON.stringify({ lines: LINES, dropped: telemetry.droppedCounts().logs, maxBuffered, maxLateMs }) + '\n'
  );
  process.exit(0);
}

void main();
