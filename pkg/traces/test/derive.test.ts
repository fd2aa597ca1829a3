import {
  GEN_AI_ATTR,
  LLM_ATTR,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  QUANTUM_JOB_STATES,
  QUANTUM_ERROR_TYPE,
  REQUEST_ATTR,
  SPAN,
  STAGE,
} from '@hybridlens/conventions';
import { deriveLifecycle, groupAttributes, readTrace, timeAxis, type QuantumJob } from '../src';
import { byName, derive, id, otlpDocument, otlpSpan } from './helpers';

describe('self time and unattributed gaps', () => {
  it('is the time not covered by any child; overlapping children count once', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: 'a', parent: 'root', start: 10, end: 40 },
      { name: 'b', parent: 'root', start: 30, end: 50 },
      { name: 'c', parent: 'root', start: 70, end: 80 },
    ]);
    expect(byName(lc, 'root').selfMs).toBeCloseTo(50, 6);
    expect(byName(lc, 'a').selfMs).toBeCloseTo(30, 6);
    const gaps = lc.gaps.map((g) => [g.spanId, Math.round(g.startMs - lc.startMs), Math.round(g.endMs - lc.startMs)]);
    expect(gaps).toEqual([
      [id('root'), 0, 10],
      [id('root'), 50, 70],
      [id('root'), 80, 100],
    ]);
    // The root is the request's envelope: what its children do not explain is unattributed.
    expect(lc.gaps.every((g) => g.stage === 'unattributed')).toBe(true);
  });

  it('lists only gaps a waterfall can show (0.1 % of the trace by default); self time still counts the rest', () => {
    const specs = [
      { name: 'root', start: 0, end: 10_000 },
      { name: 'a', parent: 'root', start: 0, end: 4_999.995 },
      { name: 'b', parent: 'root', start: 5_000, end: 10_000 },
    ];
    const lc = derive(specs);
    expect(lc.gaps).toEqual([]);
    // Epoch milliseconds in a double keep about a quarter microsecond.
    expect(byName(lc, 'root').selfMs).toBeCloseTo(0.005, 3);
    const all = deriveLifecycle(readTrace(otlpDocument(specs.map(otlpSpan))).traces[0]!, { minGapShare: 0 });
    expect(all.gaps.map((g) => Math.round(g.durationMs * 1000))).toEqual([5]);
  });

  it('counts a non-root parent’s uncovered time as its own stage', () => {
    const lc = derive([
      { name: SPAN.ingress, start: 0, end: 100 },
      { name: SPAN.llm, parent: SPAN.ingress, start: 0, end: 80 },
      {
        name: 'POST /v1/chat',
        parent: SPAN.llm,
        start: 10,
        end: 70,
        kind: 3,
        attributes: { [REQUEST_ATTR.httpMethod.key]: 'POST' },
      },
    ]);
    const llm = lc.stages.find((s) => s.stage === STAGE.llm)!;
    expect(llm.selfMs).toBeCloseTo(80, 6);
    expect(lc.stages.find((s) => s.stage === 'unattributed')!.selfMs).toBeCloseTo(20, 6);
    expect(lc.gaps.filter((g) => g.stage === STAGE.llm).map((g) => g.durationMs)).toEqual([10, 10]);
  });
});

describe('critical path', () => {
  it('follows the child that finished last, then the one that finished before it started', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: 'fast', parent: 'root', start: 5, end: 20 },
      { name: 'slow', parent: 'root', start: 5, end: 60 },
      { name: 'after', parent: 'root', start: 65, end: 95 },
      { name: 'inner', parent: 'after', start: 70, end: 90 },
    ]);
    expect(lc.criticalPathSpanIds).toEqual([id('root'), id('slow'), id('after'), id('inner')]);
    const stretches = lc.criticalPath.map((s) => [
      s.spanId,
      Math.round(s.startMs - lc.startMs),
      Math.round(s.endMs - lc.startMs),
    ]);
    expect(stretches).toEqual([
      [id('root'), 0, 5],
      [id('slow'), 5, 60],
      [id('root'), 60, 65],
      [id('after'), 65, 70],
      [id('inner'), 70, 90],
      [id('after'), 90, 95],
      [id('root'), 95, 100],
    ]);
    expect(byName(lc, 'fast').criticalPathMs).toBe(0);
    expect(byName(lc, 'after').criticalPathMs).toBeCloseTo(10, 6);
  });

  it('skips a child that overlaps the next one on the path', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: 'a', parent: 'root', start: 10, end: 70 },
      { name: 'b', parent: 'root', start: 50, end: 90 },
    ]);
    // b ends last; a ends after b starts, so a is not on the path.
    expect(lc.criticalPathSpanIds).toEqual([id('root'), id('b')]);
  });

  it('covers the whole trace without overlap, so stage shares add up to one', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: SPAN.llm, parent: 'root', start: 0, end: 30 },
      {
        name: SPAN.quantumExecute,
        parent: 'root',
        start: 40,
        end: 90,
        attributes: { [QUANTUM_ATTR.provider.key]: 'ibm' },
      },
    ]);
    let cursor = lc.startMs;
    for (const s of lc.criticalPath) {
      expect(s.startMs).toBeCloseTo(cursor, 6);
      cursor = s.endMs;
    }
    expect(cursor).toBeCloseTo(lc.endMs, 6);
    const shares = Object.fromEntries(lc.stages.map((s) => [s.stage, Math.round(s.share * 100)]));
    expect(shares).toEqual({ other: 0, llm: 30, quantum: 50, unattributed: 20 });
  });
});

describe('stages', () => {
  it('comes from the contract span name, then hybrid.stage, then contract attributes, then OTel conventions', () => {
    const lc = derive([
      {
        name: 'GET /v1/optimize',
        start: 0,
        end: 100,
        kind: 2,
        attributes: { [REQUEST_ATTR.httpRoute.key]: '/v1/optimize' },
      },
      { name: SPAN.orchestrator, parent: 'GET /v1/optimize', start: 1, end: 2 },
      {
        name: 'declared',
        parent: 'GET /v1/optimize',
        start: 2,
        end: 3,
        attributes: { [REQUEST_ATTR.stage.key]: STAGE.postprocess },
      },
      {
        name: 'submit',
        parent: 'GET /v1/optimize',
        start: 3,
        end: 4,
        attributes: { [QUANTUM_ATTR.backend.key]: 'Garnet' },
      },
      {
        name: 'chat gpt-4.1',
        parent: 'GET /v1/optimize',
        start: 4,
        end: 9,
        attributes: { [GEN_AI_ATTR.operationName.key]: 'chat' },
      },
      {
        name: 'POST',
        parent: 'chat gpt-4.1',
        start: 5,
        end: 8,
        kind: 3,
        attributes: { [REQUEST_ATTR.httpMethod.key]: 'POST' },
      },
      {
        name: 'decide',
        parent: 'GET /v1/optimize',
        start: 9,
        end: 10,
        attributes: { [ORCHESTRATOR_ATTR.path.key]: 'qpu' },
      },
      {
        name: 'SELECT',
        parent: 'GET /v1/optimize',
        start: 10,
        end: 11,
        kind: 3,
        attributes: { 'db.system.name': 'postgresql' },
      },
      {
        name: 'publish',
        parent: 'GET /v1/optimize',
        start: 11,
        end: 12,
        kind: 4,
        attributes: { 'messaging.system': 'kafka' },
      },
      {
        name: 'GET',
        parent: 'GET /v1/optimize',
        start: 12,
        end: 13,
        kind: 3,
        attributes: { [REQUEST_ATTR.httpMethod.key]: 'GET' },
      },
      { name: 'work', parent: 'GET /v1/optimize', start: 13, end: 14 },
    ]);
    const stage = (name: string) => [byName(lc, name).stage, byName(lc, name).stageSource];
    expect(stage('GET /v1/optimize')).toEqual(['ingress', 'convention']);
    expect(stage(SPAN.orchestrator)).toEqual(['orchestrator', 'span-name']);
    expect(stage('declared')).toEqual(['postprocess', 'stage-attribute']);
    expect(stage('submit')).toEqual(['quantum', 'contract-attributes']);
    expect(stage('chat gpt-4.1')).toEqual(['llm', 'contract-attributes']);
    // An HTTP call made inside the LLM call is LLM time.
    expect(stage('POST')).toEqual(['llm', 'inherited']);
    expect(stage('decide')).toEqual(['orchestrator', 'contract-attributes']);
    expect(stage('SELECT')).toEqual(['db', 'convention']);
    expect(stage('publish')).toEqual(['messaging', 'convention']);
    // Under the request itself nothing is inherited: an outgoing call stays visible as such.
    expect(stage('GET')).toEqual(['http', 'convention']);
    expect(stage('work')).toEqual(['other', 'none']);
  });

  it('totals spans, failures, self time and critical-path time per stage, in lifecycle order', () => {
    const lc = derive([
      { name: SPAN.ingress, start: 0, end: 100 },
      { name: SPAN.llm, parent: SPAN.ingress, start: 0, end: 20, error: true },
      { name: SPAN.llm, key: 'llm2', parent: SPAN.ingress, start: 0, end: 10 },
      { name: SPAN.postprocess, parent: SPAN.ingress, start: 20, end: 100 },
    ]);
    expect(
      lc.stages.map((s) => [s.stage, s.spanCount, s.errorCount, Math.round(s.selfMs), Math.round(s.criticalPathMs)])
    ).toEqual([
      ['ingress', 1, 0, 0, 0],
      ['llm', 2, 1, 30, 20],
      ['postprocess', 1, 0, 80, 80],
    ]);
  });
});

describe('cost', () => {
  it('rolls LLM tokens and quantum spend up the tree without counting an aggregate twice', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: 'agent', parent: 'root', start: 0, end: 50, attributes: { [GEN_AI_ATTR.inputTokens.key]: 300 } },
      {
        name: 'call1',
        parent: 'agent',
        start: 0,
        end: 20,
        attributes: { [GEN_AI_ATTR.inputTokens.key]: 100, [GEN_AI_ATTR.outputTokens.key]: 10 },
      },
      {
        name: 'call2',
        parent: 'agent',
        start: 20,
        end: 40,
        attributes: { [GEN_AI_ATTR.inputTokens.key]: 200, [GEN_AI_ATTR.outputTokens.key]: 20 },
      },
      {
        name: SPAN.quantumExecute,
        parent: 'root',
        start: 50,
        end: 90,
        attributes: { [QUANTUM_ATTR.estimatedSpendUsd.key]: 1.25 },
      },
      {
        name: SPAN.quantumExecute,
        key: 'x2',
        parent: 'root',
        start: 90,
        end: 95,
        attributes: { [QUANTUM_ATTR.estimatedSpendUsd.key]: 0.75 },
      },
    ]);
    expect(lc.cost).toEqual({ quantumUsd: 2, inputTokens: 300, outputTokens: 30 });
    expect(byName(lc, 'agent').cost).toEqual({ quantumUsd: 0, inputTokens: 300, outputTokens: 30 });
    expect(byName(lc, 'call1').cost).toEqual({ quantumUsd: 0, inputTokens: 100, outputTokens: 10 });
    expect(byName(lc, 'root').cost).toEqual(lc.cost);
  });
});

describe('quantum jobs', () => {
  const job = (provider: string, backend: string) => ({
    [QUANTUM_ATTR.provider.key]: provider,
    [QUANTUM_ATTR.backend.key]: backend,
    [QUANTUM_ATTR.shots.key]: 1000,
  });

  it('joins enqueue, compile and execute into jobs with the provider-native state timeline', () => {
    const lc = derive([
      { name: SPAN.ingress, start: 0, end: 1000 },
      {
        name: SPAN.quantumEnqueue,
        key: 'e1',
        parent: SPAN.ingress,
        start: 10,
        end: 400,
        attributes: {
          ...job('braket', 'Garnet'),
          [QUANTUM_ATTR.jobId.key]: 'arn:task/1',
          [QUANTUM_ATTR.queuePosition.key]: 7,
        },
      },
      {
        name: SPAN.quantumCompile,
        key: 'c1',
        parent: SPAN.ingress,
        start: 400,
        end: 450,
        attributes: job('braket', 'Garnet'),
      },
      {
        name: SPAN.quantumExecute,
        key: 'x1',
        parent: SPAN.ingress,
        start: 450,
        end: 600,
        error: true,
        attributes: {
          ...job('braket', 'Garnet'),
          [QUANTUM_ATTR.jobId.key]: 'arn:task/1',
          [QUANTUM_ATTR.jobStatus.key]: 'FAILED',
          [QUANTUM_ATTR.errorType.key]: QUANTUM_ERROR_TYPE.hardwareFailure,
          [QUANTUM_ATTR.estimatedSpendUsd.key]: 3.5,
        },
      },
      {
        name: SPAN.quantumEnqueue,
        key: 'e2',
        parent: SPAN.ingress,
        start: 600,
        end: 700,
        attributes: { ...job('azure', 'ionq.qpu.aria-1'), [QUANTUM_ATTR.jobId.key]: 'uuid-2' },
      },
      {
        name: SPAN.quantumCompile,
        key: 'c2',
        parent: SPAN.ingress,
        start: 700,
        end: 720,
        attributes: job('azure', 'ionq.qpu.aria-1'),
      },
      {
        name: SPAN.quantumExecute,
        key: 'x2',
        parent: SPAN.ingress,
        start: 720,
        end: 990,
        attributes: {
          ...job('azure', 'ionq.qpu.aria-1'),
          [QUANTUM_ATTR.jobId.key]: 'uuid-2',
          [QUANTUM_ATTR.jobStatus.key]: 'Succeeded',
          [QUANTUM_ATTR.fidelity.key]: 0.91,
        },
      },
    ]);
    expect(lc.quantumJobs).toHaveLength(2);
    const [failed, ok] = lc.quantumJobs;
    expect(failed).toMatchObject({
      jobId: 'arn:task/1',
      provider: 'braket',
      backend: 'Garnet',
      outcome: 'error',
      providerStatus: 'FAILED',
      errorType: 'hardware_failure',
      queuePosition: 7,
      shots: 1000,
      spendUsd: 3.5,
    });
    expect(failed!.phases.map((p) => [p.phase, p.durationMs, p.error])).toEqual([
      ['enqueue', 390, false],
      ['compile', 50, false],
      ['execute', 150, true],
    ]);
    const offsets = (states: QuantumJob['states']) =>
      states.map((s) => [s.state, Math.round(s.startMs - lc.startMs), Math.round(s.endMs - lc.startMs)]);
    expect(offsets(failed!.states)).toEqual([
      [QUANTUM_JOB_STATES.braket.pending[1], 10, 400],
      [QUANTUM_JOB_STATES.braket.running, 400, 600],
      [QUANTUM_JOB_STATES.braket.final.error, 600, 600],
    ]);
    expect(ok).toMatchObject({ jobId: 'uuid-2', provider: 'azure', outcome: 'success', fidelity: 0.91 });
    expect(ok!.states.map((s) => s.state)).toEqual(['Waiting', 'Executing', 'Succeeded']);
  });

  it('derives the final state from the outcome when the status attribute is missing (IBM: DONE)', () => {
    const lc = derive([
      {
        name: SPAN.quantumEnqueue,
        start: 0,
        end: 5,
        attributes: { ...job('ibm', 'ibm_sherbrooke'), [QUANTUM_ATTR.jobId.key]: 'd1' },
      },
      {
        name: SPAN.quantumExecute,
        start: 5,
        end: 9,
        attributes: { ...job('ibm', 'ibm_sherbrooke'), [QUANTUM_ATTR.jobId.key]: 'd1' },
      },
    ]);
    expect(lc.quantumJobs[0]!.outcome).toBe('success');
    expect(lc.quantumJobs[0]!.states.map((s) => s.state)).toEqual(['QUEUED', 'RUNNING', 'DONE']);
  });

  it('keeps a rate-limited submission that never got a job id as its own failed job, without queue states', () => {
    const lc = derive([
      {
        name: SPAN.quantumEnqueue,
        key: 'rl',
        start: 0,
        end: 5,
        error: true,
        attributes: { ...job('ibm', 'ibm_sherbrooke'), [QUANTUM_ATTR.errorType.key]: QUANTUM_ERROR_TYPE.rateLimited },
      },
      {
        name: SPAN.quantumEnqueue,
        key: 'ok',
        start: 10,
        end: 20,
        attributes: { ...job('local', 'aer_simulator'), [QUANTUM_ATTR.jobId.key]: 'local-1' },
      },
    ]);
    expect(lc.quantumJobs.map((j) => [j.jobId, j.outcome, j.errorType, j.states.map((s) => s.state)])).toEqual([
      [undefined, 'error', 'rate_limited', []],
      ['local-1', 'unknown', undefined, ['QUEUED']],
    ]);
  });
});

describe('LLM calls', () => {
  it('splits a streamed call at the time to first token, clamped to the call', () => {
    const lc = derive([
      {
        name: SPAN.llm,
        start: 0,
        end: 1000,
        attributes: {
          [LLM_ATTR.timeToFirstToken.key]: 0.25,
          [GEN_AI_ATTR.requestModel.key]: 'gpt-4.1-mini',
          [LLM_ATTR.promptHash.key]: 'abcd',
        },
      },
      {
        name: 'chat',
        start: 0,
        end: 100,
        attributes: { [GEN_AI_ATTR.operationName.key]: 'chat', [LLM_ATTR.timeToFirstToken.key]: 5 },
      },
    ]);
    const [streamed, odd] = lc.llmCalls;
    expect(streamed).toMatchObject({ requestModel: 'gpt-4.1-mini', timeToFirstTokenMs: 250, promptHash: 'abcd' });
    expect(streamed!.phases.map((p) => [p.phase, Math.round(p.endMs - p.startMs)])).toEqual([
      ['time_to_first_token', 250],
      ['generation', 750],
    ]);
    expect(odd!.timeToFirstTokenMs).toBe(100);
  });
});

describe('idle gaps and the compressed time axis', () => {
  it('compresses an hour in a QPU queue, then other long waits, but not the request’s own work', () => {
    const hour = 3_600_000;
    const lc = derive([
      { name: SPAN.ingress, start: 0, end: hour + 40_000 },
      { name: SPAN.llm, parent: SPAN.ingress, start: 0, end: 1500 },
      { name: SPAN.quantumEnqueue, parent: SPAN.ingress, start: 1500, end: hour + 1500 },
      { name: SPAN.quantumExecute, parent: SPAN.ingress, start: hour + 1500, end: hour + 31_500 },
      { name: SPAN.postprocess, parent: SPAN.ingress, start: hour + 31_500, end: hour + 40_000 },
    ]);
    expect(lc.idleGaps.map((g) => [lc.spans[g.waitingOn[0]!]!.span.name, g.durationMs])).toEqual([
      [SPAN.quantumEnqueue, hour],
      [SPAN.quantumExecute, 30_000],
    ]);
    expect(lc.idleGaps[0]!.activeSpanCount).toBe(2);
    const axis = timeAxis(lc.startMs, lc.endMs, lc.idleGaps);
    // The LLM call (1.5 s of an hour) gets a visible share of the width.
    expect(axis.x(lc.startMs + 1500)).toBeGreaterThan(0.1);
    expect(axis.segments.filter((s) => s.compressed).map((s) => Math.round((s.toX - s.fromX) * 100))).toEqual([4, 4]);
  });

  it('never compresses a span that works (internal, no children), however long', () => {
    const lc = derive([
      { name: SPAN.ingress, start: 0, end: 120_000 },
      { name: SPAN.llm, parent: SPAN.ingress, start: 0, end: 1000, kind: 3 },
      { name: 'solve locally', parent: SPAN.ingress, start: 1000, end: 119_000 },
    ]);
    expect(lc.idleGaps).toEqual([]);
  });

  it('never compresses a fast request, nor the whole of a one-span trace', () => {
    expect(
      derive([
        { name: 'root', start: 0, end: 800 },
        { name: 'a', parent: 'root', start: 10, end: 600 },
      ]).idleGaps
    ).toEqual([]);
    expect(derive([{ name: 'only', start: 0, end: 60_000 }]).idleGaps).toEqual([]);
  });

  it('maps time to position monotonically and back', () => {
    const axis = timeAxis(0, 1000, [{ startMs: 100, endMs: 900 }]);
    let last = -1;
    for (let t = 0; t <= 1000; t += 10) {
      const x = axis.x(t);
      expect(x).toBeGreaterThanOrEqual(last);
      expect(axis.time(x)).toBeCloseTo(t, 6);
      last = x;
    }
    expect(axis.x(100)).toBeCloseTo(0.48, 6);
    expect(axis.x(900)).toBeCloseTo(0.52, 6);
    expect(timeAxis(0, 1000).x(250)).toBe(0.25);
  });
});

describe('request and decisions', () => {
  it('summarizes the request from its ingress span and lists the orchestrator decisions with their inputs', () => {
    const lc = derive([
      {
        name: SPAN.ingress,
        start: 0,
        end: 100,
        error: true,
        attributes: {
          [REQUEST_ATTR.httpRoute.key]: '/v1/optimize',
          [REQUEST_ATTR.httpStatus.key]: 503,
          [REQUEST_ATTR.path.key]: 'classical',
          [REQUEST_ATTR.degraded.key]: true,
        },
      },
      {
        name: SPAN.orchestrator,
        parent: SPAN.ingress,
        start: 10,
        end: 11,
        attributes: {
          [ORCHESTRATOR_ATTR.path.key]: 'qpu',
          [ORCHESTRATOR_ATTR.reason.key]: 'qpu_healthy',
          [ORCHESTRATOR_ATTR.inputQueueLength.key]: 3,
          [ORCHESTRATOR_ATTR.inputFlags.key]: ['a', 'b'],
        },
      },
      {
        name: SPAN.orchestrator,
        key: 'o2',
        parent: SPAN.ingress,
        start: 50,
        end: 51,
        attributes: {
          [ORCHESTRATOR_ATTR.path.key]: 'classical',
          [ORCHESTRATOR_ATTR.reason.key]: 'simulator_failed',
          [ORCHESTRATOR_ATTR.fallback.key]: true,
        },
      },
    ]);
    expect(lc.request).toEqual({
      spanId: id(SPAN.ingress),
      name: SPAN.ingress,
      serviceName: 'svc',
      route: '/v1/optimize',
      statusCode: 503,
      path: 'classical',
      degraded: true,
      error: true,
    });
    expect(lc.decisions.map((d) => [d.path, d.reason, d.fallback, d.inputs])).toEqual([
      ['qpu', 'qpu_healthy', undefined, { queueLength: 3, flags: ['a', 'b'] }],
      ['classical', 'simulator_failed', true, {}],
    ]);
  });
});

describe('attribute groups for the detail pane', () => {
  it('groups contract attributes in contract order, then the rest by key', () => {
    const lc = derive([
      {
        name: SPAN.llm,
        start: 0,
        end: 10,
        attributes: {
          zeta: 1,
          [GEN_AI_ATTR.outputTokens.key]: 5,
          [LLM_ATTR.promptHash.key]: 'abcd',
          [GEN_AI_ATTR.requestModel.key]: 'm',
          alpha: 'a',
          [REQUEST_ATTR.stage.key]: STAGE.llm,
        },
      },
    ]);
    expect(groupAttributes(lc.spans[0]!.span).map((g) => [g.group, g.attributes.map((a) => a.key)])).toEqual([
      ['genAi', [GEN_AI_ATTR.requestModel.key, GEN_AI_ATTR.outputTokens.key]],
      ['llm', [LLM_ATTR.promptHash.key]],
      ['request', [REQUEST_ATTR.stage.key]],
      ['other', ['alpha', 'zeta']],
    ]);
  });
});
