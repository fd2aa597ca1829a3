import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './process';
import { findBinary } from './tools';

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Run promtool; throws with its output on a non-zero exit. */
export function promtool(args: string[], input?: string): string {
  const bin = findBinary('promtool');
  if (!bin) {
    throw new Error('promtool is not installed (apt-get install prometheus)');
  }
  try {
    return execFileSync(bin, args, {
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/**
 * Turn an OpenMetrics file (timestamps in seconds, ending in `# EOF`) into TSDB blocks in `dir`.
 * `extraArgs` go before the file, e.g. `--max-block-duration=8760h` for sparse history months apart
 * (promtool re-reads its input once per 2-hour block by default).
 */
export function createBlocksFromOpenMetrics(file: string, dir: string, extraArgs: string[] = []): void {
  promtool(['tsdb', 'create-blocks-from', 'openmetrics', ...extraArgs, file, dir]);
}

export interface PromSample {
  metric: Record<string, string>;
  value?: [number, string];
  values?: Array<[number, string]>;
}

export interface PromQueryResult {
  resultType: string;
  result: PromSample[];
  stats?: { samples?: { totalQueryableSamples?: number } };
}

export interface RunningPrometheus {
  url: string;
  port: number;
  dataDir: string;
  query(expr: string, time?: number, opts?: { stats?: boolean }): Promise<PromQueryResult>;
  queryRange(expr: string, start: number, end: number, step: number): Promise<PromQueryResult>;
  /** Number of the first sample of an instant vector with exactly one element (throws otherwise). */
  scalar(expr: string, time?: number): Promise<number>;
  /**
   * Replace prometheus.yml and reload it (`POST /-/reload`). Rule groups loaded by a reload are "restored" from
   * the start: Prometheus holds back ALERTS and notifications of the groups it loads at start-up until their
   * second evaluation (while it restores `for` state), one or two group intervals; a reload does not.
   */
  reload(config: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartPrometheusOptions {
  /** prometheus.yml contents; default: no scrape jobs. */
  config?: string;
  /** Existing TSDB dir (e.g. made by createBlocksFromOpenMetrics); default: a fresh temp dir. */
  dataDir?: string;
  /** Default 3650d so old backfilled history is kept. */
  retention?: string;
  extraArgs?: string[];
}

async function api(url: string, params: Record<string, string>): Promise<PromQueryResult> {
  const body = new URLSearchParams(params);
  const res = await fetch(url, { method: 'POST', body });
  const json = (await res.json()) as { status: string; data: PromQueryResult; error?: string; errorType?: string };
  if (json.status !== 'success') {
    throw new Error(`Prometheus ${json.errorType ?? 'error'}: ${json.error ?? res.statusText} (query ${params.query})`);
  }
  return json.data;
}

/** Start the OS package's Prometheus on 127.0.0.1 and wait until it is ready. */
export async function startPrometheus(options: StartPrometheusOptions = {}): Promise<RunningPrometheus> {
  const bin = findBinary('prometheus');
  if (!bin) {
    throw new Error('prometheus is not installed (apt-get install prometheus)');
  }
  const workDir = mkdtempSync(join(tmpdir(), 'hl-prom-'));
  const dataDir = options.dataDir ?? join(workDir, 'data');
  const configFile = join(workDir, 'prometheus.yml');
  writeFileSync(configFile, options.config ?? 'global:\n  scrape_interval: 15s\n');
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--storage.tsdb.retention.time=${options.retention ?? '3650d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`prometheus not ready after 20 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const running: RunningPrometheus = {
    url,
    port,
    dataDir,
    query: (expr, time, opts) =>
      api(`${url}/api/v1/query`, {
        query: expr,
        ...(time !== undefined ? { time: String(time) } : {}),
        ...(opts?.stats ? { stats: 'all' } : {}),
      }),
    queryRange: (expr, start, end, step) =>
      api(`${url}/api/v1/query_range`, { query: expr, start: String(start), end: String(end), step: String(step) }),
    async scalar(expr, time) {
      const data = await running.query(expr, time);
      if (data.result.length !== 1 || !data.result[0]!.value) {
        throw new Error(`expected one sample for ${expr}, got ${data.result.length}`);
      }
      return Number(data.result[0]!.value[1]);
    },
    async reload(config) {
      writeFileSync(configFile, config);
      const res = await fetch(`${url}/-/reload`, { method: 'POST' });
      if (!res.ok) {
        throw new Error(`prometheus reload failed: HTTP ${res.status} ${await res.text()}`);
      }
    },
    async stop() {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return running;
}
