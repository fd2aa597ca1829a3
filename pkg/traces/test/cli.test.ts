import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { SPAN } from '@hybridlens/conventions';
import type { LifecycleReport } from '../src';
import { main } from '../src/cli/main';
import { generateSyntheticTrace, toJaeger, toTempoV2 } from '../src/testing';
import { TRACE, id, otlpDocument, otlpSpan } from './helpers';

const BIN = resolve(__dirname, '../bin/hybridlens-trace.mjs');

async function run(argv: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) },
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('hybridlens-trace lifecycle', () => {
  let dir: string;
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };
  const twoJobs = generateSyntheticTrace({ spans: 300, quantumJobs: 2, failedJobs: 1, seed: 4 });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-trace-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the lifecycle as JSON: stages with time and share, critical path, quantum jobs, problems', async () => {
    const r = await run(['lifecycle', file('v2.json', toTempoV2(twoJobs.document))]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(r.out) as LifecycleReport;
    expect(report.traceId).toBe(twoJobs.traceId);
    expect(report.format).toBe('tempo-v2');
    expect(report.spanCount).toBe(300);
    expect(report.stages.map((s) => s.stage)).toEqual(expect.arrayContaining(['llm', 'quantum', 'postprocess']));
    expect(report.stages.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 3);
    expect(report.criticalPath[0]).toBe(twoJobs.rootSpanId);
    expect(report.quantumJobs.map((j) => [j.jobId, j.outcome])).toEqual([
      [twoJobs.quantumJobIds[0], 'error'],
      [twoJobs.quantumJobIds[1], 'success'],
    ]);
    expect(report.quantumJobs[0]!.phases.map((p) => p.phase)).toEqual(['enqueue', 'compile', 'execute']);
    expect(report.problems).toMatchObject({ total: expect.any(Number), counts: expect.any(Object) });
  });

  it('prints a terminal waterfall with --text: one row per span, critical path and errors marked, gaps compressed', async () => {
    const r = await run(['lifecycle', '--text', '--width', '100', file('jaeger.json', toJaeger(twoJobs.document))]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^trace ${twoJobs.traceId}  1h 0\\dm  300 spans  Jaeger JSON`));
    const rootRow = lines.find((l) => l.includes(SPAN.ingress))!;
    expect(rootRow.startsWith('* ')).toBe(true);
    // The hour in the queue is compressed: the root's bar crosses it.
    expect(rootRow).toContain('≈');
    expect(lines.some((l) => /^\*! +quantum\.job\.execute/.test(l))).toBe(true);
    const header = lines.findIndex((l) => l.trimStart().startsWith('span '));
    const rows = lines.slice(header + 1, lines.indexOf('', header + 1) - 1);
    expect(rows).toHaveLength(200);
    expect(rows.filter((l) => l.length !== 100)).toEqual([]);
    expect(r.out).toContain('quantum jobs:');
    expect(r.out).toMatch(/QUEUED → RUNNING → ERROR/);
    expect(r.out).toMatch(/… 100 more spans/);
  });

  it('reads standard input with "-"', async () => {
    const r = await run(
      ['lifecycle', '-'],
      JSON.stringify(otlpDocument([otlpSpan({ name: 'only', start: 0, end: 5 })]))
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as LifecycleReport).criticalPath).toEqual([id('only')]);
  });

  it('says in one line which formats were tried and where each failed, exit 2', async () => {
    const r = await run(['lifecycle', file('prom.json', { status: 'success', data: { result: [] } })]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /^hybridlens-trace lifecycle: .*prom\.json: not a trace in any known format: Tempo v2 .*; Tempo v1 .*; OTLP JSON .*; Jaeger JSON .*: "data" is an object, expected an array\n$/
    );
    const text = await run(['lifecycle', file('notes.txt', 'hello\nworld\n')]);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/OTLP JSON lines .*: line 1 is not JSON/);
  });

  it('asks which trace when the input holds several, and shows them all with --all', async () => {
    const path = file(
      'two.json',
      otlpDocument([
        otlpSpan({ name: 'a', start: 0, end: 1 }),
        { ...otlpSpan({ name: 'b', start: 0, end: 2 }), traceId: 'f'.repeat(32) },
      ])
    );
    const ask = await run(['lifecycle', path]);
    expect(ask.code).toBe(2);
    expect(ask.err).toMatch(
      /holds 2 traces: choose one with --trace-id \(e\.g\. 0af7651916cd43dd8448eb211c80319c\) or show every one with --all/
    );
    const one = await run(['lifecycle', '--trace-id', 'f'.repeat(32), path]);
    expect((JSON.parse(one.out) as LifecycleReport).traceId).toBe('f'.repeat(32));
    const all = await run(['lifecycle', '--all', path]);
    expect(
      all.out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as LifecycleReport).traceId)
    ).toEqual([TRACE, 'f'.repeat(32)]);
    const missing = await run(['lifecycle', '--trace-id', '1'.repeat(32), path]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/trace 1{32} is not in the input \(it holds 2 traces: /);
  });

  it('refuses bad command lines with one line and exit 2', async () => {
    expect((await run(['lifecycle'])).err).toMatch(/needs at least 1 FILE argument/);
    expect((await run(['lifecycle', '--width', '10', 'x'])).err).toMatch(/--width: 10 is out of range \(60 to 400\)/);
    expect((await run(['lifecycle', '--widht', '80', 'x'])).code).toBe(2);
  });

  it('prints help on stdout, exit 0', async () => {
    const r = await run(['lifecycle', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: hybridlens-trace lifecycle \[options\] FILE/);
    expect(r.out).toMatch(/--text\s+print a terminal waterfall instead of JSON/);
  });

  it('runs as an executable: stdin, exit codes 0, 1 and 2, nothing on stdout for a failure', () => {
    const body = JSON.stringify(toTempoV2(twoJobs.document));
    const ok = spawnSync(process.execPath, [BIN, 'lifecycle', '--text', '-'], { input: body, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`trace ${twoJobs.traceId}`);
    const bad = spawnSync(process.execPath, [BIN, 'lifecycle', '-'], { input: '[]', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/the top level is an array, not an object/);
    // (In-process under jest, node:fs errors come from another realm and pkg/cli cannot recognise them.)
    const missing = join(dir, 'nope.json');
    const gone = spawnSync(process.execPath, [BIN, 'lifecycle', missing], { encoding: 'utf8' });
    expect({ status: gone.status, stdout: gone.stdout, stderr: gone.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: `hybridlens-trace lifecycle: ${missing}: no such file or directory\n`,
    });
  }, 60_000);
});
