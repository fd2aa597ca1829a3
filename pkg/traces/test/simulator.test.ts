import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  QUANTUM_JOB_STATES,
  REQUEST_PATH,
  SIMULATOR_PROVIDERS,
  SPAN,
  type ProviderJobStates,
} from '@hybridlens/conventions';
import { backfill } from '@hybridlens/simulator';
import { deriveFromDocument, problemTotal, readTrace, type TraceDocument, type TraceLifecycle } from '../src';
import { acrossFormats, differences, formatFree } from './equivalence';
import { shapeViolations } from './shape';

const STATES = QUANTUM_JOB_STATES as Readonly<Record<string, ProviderJobStates>>;

describe("the simulator's traces (a one-day backfill)", () => {
  let dir: string;
  let document: TraceDocument;
  let lifecycles: TraceLifecycle[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-traces-sim-'));
    const result = await backfill({
      days: 1,
      out: join(dir, 'history'),
      end: Date.parse('2026-11-26T00:00:00Z'),
      seed: 11,
    });
    document = readTrace(readFileSync(result.tracesFile, 'utf8'));
    lifecycles = document.traces.map((t) => deriveFromDocument(document, t));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads traces.otlp.jsonl as OTLP JSON lines, traces spread over lines joined by id', () => {
    expect(document.format).toBe('otlp-jsonl');
    expect(lifecycles.length).toBeGreaterThan(10);
    expect(problemTotal(document.documentProblems)).toBe(0);
  });

  it('derives every trace without a problem: one ingress root, a consistent tree, shares adding up', () => {
    for (const lc of lifecycles) {
      expect({ trace: lc.traceId, problems: lc.problems.counts, shape: shapeViolations(lc) }).toEqual({
        trace: lc.traceId,
        problems: {},
        shape: [],
      });
      expect(lc.roots.map((r) => lc.spans[r]!.span.name)).toEqual([SPAN.ingress]);
      expect(lc.criticalPathSpanIds[0]).toBe(lc.request!.spanId);
    }
  });

  it("gives each quantum job the provider's own states, ending in the state the span reports", () => {
    const jobs = lifecycles.flatMap((lc) => lc.quantumJobs);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const machine = STATES[job.provider!]!;
      expect(machine).toBeDefined();
      expect(job.phases.map((p) => p.phase)).toEqual(expect.arrayContaining(['enqueue']));
      const states = job.states.map((s) => s.state);
      if (job.jobId !== undefined) {
        expect(states[0]).toBe(machine.pending[machine.pending.length - 1]);
      }
      if (job.providerStatus !== undefined) {
        expect(states[states.length - 1]).toBe(job.providerStatus);
        expect(Object.values(machine.final)).toContain(job.providerStatus);
        expect(machine.final[job.outcome as keyof typeof machine.final]).toBe(job.providerStatus);
      }
      // Phases in order, states in order.
      for (let i = 1; i < job.states.length; i++) {
        expect(job.states[i]!.startMs).toBeGreaterThanOrEqual(job.states[i - 1]!.startMs);
      }
    }
  });

  it('agrees with the request path: qpu and simulator requests end with a successful job on that kind of backend', () => {
    for (const lc of lifecycles) {
      const path = lc.request!.path;
      const served = [...lc.quantumJobs].reverse().find((j) => j.outcome === 'success');
      if (path === REQUEST_PATH.qpu || path === REQUEST_PATH.simulator) {
        expect({ trace: lc.traceId, path, onSimulator: SIMULATOR_PROVIDERS.includes(served?.provider ?? '') }).toEqual({
          trace: lc.traceId,
          path,
          onSimulator: path === REQUEST_PATH.simulator,
        });
      }
      if (path === REQUEST_PATH.none) {
        expect(lc.decisions).toEqual([]);
      }
    }
  });

  it('rolls up cost: tokens of the LLM calls and the spend of the jobs', () => {
    for (const lc of lifecycles) {
      expect(lc.cost.inputTokens).toBe(lc.llmCalls.reduce((sum, c) => sum + (c.inputTokens ?? 0), 0));
      expect(lc.cost.quantumUsd).toBeCloseTo(
        lc.quantumJobs.reduce((sum, j) => sum + (j.spendUsd ?? 0), 0),
        9
      );
    }
  });

  it('derives the same lifecycle from Tempo v1 (base64), Tempo v2 and Jaeger renderings of each trace', () => {
    for (const lc of lifecycles.slice(0, 15)) {
      for (const { format, derived } of acrossFormats(lc)) {
        // The simulator writes whole milliseconds: even Jaeger's microseconds lose nothing.
        expect({ format, differences: differences(formatFree(derived), formatFree(lc), 0) }).toEqual({
          format,
          differences: [],
        });
      }
    }
  });
});
