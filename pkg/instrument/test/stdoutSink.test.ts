import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

interface Report {
  lines: number;
  dropped: number;
  maxBuffered: number;
  maxLateMs: number;
}

/** Run child/blockedStdout.ts with its stdout pipe never read. */
function runWithBlockedStdout(): Promise<Report> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'child/blockedStdout.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pause();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => {
      clearTimeout(timer);
      child.stdout.destroy();
      try {
        resolvePromise(JSON.parse(stderr.trim().split('\n').pop() ?? '') as Report);
      } catch {
        reject(new Error(`no report from the child:\n${stderr}`));
      }
    });
  });
}

describe('the default stdout log sink', () => {
  it('drops (and counts) lines instead of buffering without bound when nobody reads stdout', async () => {
    const report = await runWithBlockedStdout();
    // 60 000 lines of ~300 bytes would be ~18 MB; the sink stops adding past 4 MiB.
    expect(report.dropped).toBeGreaterThan(report.lines / 2);
    expect(report.maxBuffered).toBeLessThan(4 * 1024 * 1024 + 4096);
    // A blocking write would stall the loop until the child is killed (30 s); 5 s tolerates a
    // CI machine running other suites on both cores.
    expect(report.maxLateMs).toBeLessThan(5000);
  }, 40_000);
});
