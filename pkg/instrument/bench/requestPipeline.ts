import type { HybridTelemetry } from '../src';

/**
 * A stand-in hybrid request handler: the same little work per stage with or without telemetry, so
 * the difference between the two is the SDK's cost. `telemetry` undefined = uninstrumented.
 */
export function handleRequest(i: number, t0: number, telemetry?: HybridTelemetry): string {
  const prompt = `optimise portfolio #${i} with 5 assets`;
  const request = telemetry?.startRequest({
    route: '/v1/optimize',
    model: 'gpt-4o-mini',
    region: 'eu-west-1',
    tenant: 't1',
    httpMethod: 'POST',
    startTime: t0,
  });

  const llm = request?.llm({ model: 'gpt-4o-mini', provider: 'openai', prompt, temperature: 0.2, startTime: t0 + 1 });
  const circuit = `h q[0]; cx q[0],q[${i % 5}];`;
  const schemaOk = circuit.startsWith('h');
  llm?.evaluation({ validator: 'schema', pass: schemaOk, time: t0 + 300 });
  llm?.evaluation({ validator: 'hallucination', pass: true, score: 0.1, time: t0 + 301 });
  llm?.end({
    output: circuit,
    inputTokens: 400,
    outputTokens: 120,
    coldStart: i % 50 === 0,
    finishReasons: ['stop'],
    endTime: t0 + 310,
    firstTokenTime: t0 + 121,
  });

  const queueLength = i % 7;
  const path = queueLength > 5 ? 'simulator' : 'qpu';
  request?.orchestratorDecision({
    path,
    reason: path === 'qpu' ? 'qpu_healthy' : 'queue_saturated',
    provider: 'ibm',
    backend: 'ibm_torino',
    inputs: { queueLength, predictedFidelity: 0.9 },
    startTime: t0 + 311,
    endTime: t0 + 312,
  });

  const job = request?.quantumJob({
    provider: 'ibm',
    backend: 'ibm_torino',
    simulator: path === 'simulator',
    shots: 1000,
    circuitDepth: 12,
    circuitWidth: 5,
    optimizationLevel: 2,
  });
  job?.enqueue({ startTime: t0 + 313, endTime: t0 + 400, queuePosition: queueLength, providerJobId: `job-${i}` });
  job?.compile({ startTime: t0 + 400, endTime: t0 + 450 });
  const counts = { '00': 500 + (i % 13), '11': 500 - (i % 13) };
  job?.execute({
    startTime: t0 + 450,
    endTime: t0 + 800,
    providerJobId: `job-${i}`,
    providerStatus: 'DONE',
    outcome: 'success',
    fidelity: 0.92,
    spendUsd: 1.6,
  });

  const result = JSON.stringify(counts);
  request?.postprocess({ result, degraded: false, startTime: t0 + 801, endTime: t0 + 850 });
  request?.end({ outcome: 'ok', httpStatus: 200, endTime: t0 + 900 });
  return result;
}
