import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfill, DEFAULT_TOPOLOGY } from '../src';
import { writeFileAtomic } from '../src/atomicFile';
import { stageOutputDir } from '../src/outputDir';

const END = Date.parse('2026-11-20T12:00:00Z');
const tiny = { days: 0.02, end: END, stepSeconds: 60, calibration: false, scenario: { faults: [] } };

describe('nothing lost, nothing half-written', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-sim-out-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function earlierRun(out: string): void {
    mkdirSync(join(out, 'metrics'), { recursive: true });
    writeFileSync(join(out, 'metrics', '20200101T00.om'), 'old block\n# EOF\n');
    writeFileSync(join(out, 'notes.txt'), 'mine');
  }

  it('refuses a non-empty --out and leaves it exactly as it was', async () => {
    const out = join(dir, 'history');
    earlierRun(out);
    await expect(backfill({ ...tiny, out })).rejects.toThrow(/not empty .*pass --replace/);
    expect(readdirSync(out).sort()).toEqual(['metrics', 'notes.txt']);
    expect(readdirSync(dir)).toEqual(['history']);
  });

  it('--replace replaces the directory whole: no block file of the earlier run remains', async () => {
    const out = join(dir, 'history');
    earlierRun(out);
    const result = await backfill({ ...tiny, out, replace: true });
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(readdirSync(join(out, 'metrics')).sort()).toEqual(result.metricsFiles.map((f) => f.split('/').pop()).sort());
    expect(result.metricsFiles.every((f) => f.startsWith(out) && existsSync(f))).toBe(true);
    // No staging or retired directories are left beside it.
    expect(readdirSync(dir)).toEqual(['history']);
  });

  it('fills an empty directory in place (a fresh volume mount point) and creates a missing one', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const inode = statSync(empty).ino;
    const a = await backfill({ ...tiny, out: empty });
    expect(statSync(empty).ino).toBe(inode);
    expect(readdirSync(empty).sort()).toEqual(['logs.jsonl', 'metrics', 'traces.otlp.jsonl']);
    expect(existsSync(a.tracesFile)).toBe(true);
    const b = await backfill({ ...tiny, out: join(dir, 'new', 'nested') });
    expect(existsSync(b.logsFile)).toBe(true);
  });

  it('a backfill that fails half-way leaves the earlier run untouched and no partial output', async () => {
    const out = join(dir, 'history');
    earlierRun(out);
    // A route whose model is missing fails at the first request, after files were opened.
    const broken = { ...DEFAULT_TOPOLOGY, routes: [{ ...DEFAULT_TOPOLOGY.routes[0]!, model: 'no-such-model' }] };
    await expect(backfill({ ...tiny, out, replace: true, topology: broken })).rejects.toThrow();
    expect(readdirSync(out).sort()).toEqual(['metrics', 'notes.txt']);
    expect(readFileSync(join(out, 'metrics', '20200101T00.om'), 'utf8')).toBe('old block\n# EOF\n');
    expect(readdirSync(dir)).toEqual(['history']);
  });

  it('a run killed half-way leaves nothing that blocks the next one', async () => {
    const out = join(dir, 'volume');
    mkdirSync(join(out, '.staging-abc123', 'metrics'), { recursive: true });
    mkdirSync(join(dir, '.volume.staging-def456'), { recursive: true });
    const result = await backfill({ ...tiny, out });
    expect(readdirSync(out).sort()).toEqual(['logs.jsonl', 'metrics', 'traces.otlp.jsonl']);
    expect(readdirSync(dir)).toEqual(['volume']);
    expect(existsSync(result.logsFile)).toBe(true);
  });

  it('an aborted staging removes what it wrote', () => {
    const staged = stageOutputDir(join(dir, 'x'), false);
    writeFileSync(join(staged.dir, 'partial.om'), 'half');
    staged.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes snapshot files by rename: a reader holding the old file still reads it whole', () => {
    const file = join(dir, 'props.json');
    writeFileSync(file, JSON.stringify({ version: 1, pad: 'a'.repeat(10_000) }));
    const before = statSync(file).ino;
    const reader = openSync(file, 'r');
    writeFileAtomic(file, JSON.stringify({ version: 2 }));
    const buffer = Buffer.alloc(20_000);
    const n = readSync(reader, buffer, 0, buffer.length, 0);
    // The open descriptor still sees the complete old document: the new one is a different file.
    expect(JSON.parse(buffer.subarray(0, n).toString()).version).toBe(1);
    expect(statSync(file).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2 });
    expect(readdirSync(dir)).toEqual(['props.json']);
  });
});
