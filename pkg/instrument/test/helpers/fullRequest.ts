import type { HybridTelemetry, RequestScope } from '../../src';

/** A distinctive prompt: the privacy tests look for it (and its parts) everywhere telemetry goes. */
export const SECRET_PROMPT = 'Summarise customer ZEBRA-QUOKKA-7731 portfolio and route to qpu';
export const SECRET_OUTPUT = 'MODEL-OUTPUT-PLATYPUS-0042 circuit: h q[0]; cx q[0],q[1]';
export const SECRET_RESULT = 'RESULT-NARWHAL-5519 {"00": 512, "11": 488}';
export const SECRET_TENANT = 'tenant-AXOLOTL-88';

export interface FullRequestOptions {
  start?: number;
  outcome?: 'ok' | 'degraded' | 'error';
  /** Total request duration (ms). */
  durationMs?: number;
  route?: string;
}

/** One request through every lifecycle stage, in explicit (virtual) time. */
export function runFullRequest(telemetry: HybridTelemetry, o: FullRequestOptions = {}): RequestScope {
  const t0 = o.start ?? Date.UTC(2026, 10, 1, 12, 0, 0);
  const total = o.durationMs ?? 900;
  const outcome = o.outcome ?? 'ok';
  const request = telemetry.startRequest({
    route: o.route ?? '/v1/optimize',
    model: 'gpt-4o-mini',
    region: 'eu-west-1',
    tenant: SECRET_TENANT,
    httpMethod: 'POST',
    startTime: t0,
  });
  const llm = request.llm({
    model: 'gpt-4o-mini',
    provider: 'openai',
    prompt: SECRET_PROMPT,
    promptTemplateVersion: 'v3',
    temperature: 0.2,
    startTime: t0 + 5,
  });
  llm.evaluation({ validator: 'schema', pass: true, score: 1, time: t0 + 300 });
  llm.evaluation({ validator: 'hallucination', pass: outcome === 'ok', score: 0.3, time: t0 + 305 });
  llm.consistency(0.93, t0 + 306);
  llm.end({
    output: SECRET_OUTPUT,
    inputTokens: 412,
    outputTokens: 128,
    responseModel: 'gpt-4o-mini-2024-07-18',
    coldStart: true,
    finishReasons: ['stop'],
    endTime: t0 + 310,
    firstTokenTime: t0 + 125,
  });
  request.orchestratorDecision({
    path: 'qpu',
    reason: 'qpu_healthy',
    provider: 'ibm',
    backend: 'ibm_torino',
    inputs: {
      queueLength: 4,
      backlogSeconds: 30,
      rateLimitRemaining: 90,
      calibrationAgeSeconds: 3600,
      predictedFidelity: 0.91,
      providerAvailable: true,
      flags: ['shot_reduction'],
    },
    startTime: t0 + 311,
    endTime: t0 + 312,
  });
  const job = request.quantumJob({
    provider: 'ibm',
    backend: 'ibm_torino',
    simulator: false,
    shots: 1000,
    originalShots: 4000,
    calibrationVersion: '2026-11-01T10:00:00Z',
    circuitDepth: 42,
    circuitWidth: 5,
    qubitsUsed: [0, 1, 2],
    transpilerOptions: { layout: 'sabre' },
    optimizationLevel: 2,
  });
  job.enqueue({ startTime: t0 + 313, endTime: t0 + 400, queuePosition: 3, providerJobId: 'd1abc2def3' });
  job.compile({ startTime: t0 + 400, endTime: t0 + 450 });
  const failed = outcome !== 'ok';
  job.execute({
    startTime: t0 + 450,
    endTime: t0 + total - 100,
    providerJobId: 'd1abc2def3',
    providerStatus: failed ? 'ERROR' : 'DONE',
    outcome: failed ? 'error' : 'success',
    ...(failed ? { errorType: 'hardware_failure' as const } : { fidelity: 0.93 }),
    spendUsd: 1.6,
    coherenceMarginSeconds: 0.00011,
  });
  if (outcome === 'degraded') {
    request.fallback({
      from: 'qpu',
      to: 'simulator',
      reason: 'hardware_failure',
      outcome: 'success',
      time: t0 + total - 90,
    });
  }
  request.postprocess({
    result: SECRET_RESULT,
    degraded: outcome === 'degraded',
    startTime: t0 + total - 80,
    endTime: t0 + total - 5,
  });
  request.end({ outcome, httpStatus: outcome === 'error' ? 502 : 200, endTime: t0 + total });
  return request;
}
