import type { HybridTelemetry, RequestScope } from '@hybridlens/instrument';
import type { JobPlan, RequestPlan } from './plan';

/** Replay a simulated request through @hybridlens/instrument, with every time shifted by `base` (epoch ms). */
export function emitRequest(telemetry: HybridTelemetry, plan: RequestPlan, base: number): string {
  const at = (offset: number) => base + offset;
  const request = telemetry.startRequest({
    route: plan.route,
    model: plan.model,
    region: plan.region,
    tenant: plan.tenant,
    httpMethod: 'POST',
    startTime: base,
  });
  const llm = plan.llm;
  const llmScope = request.llm({
    model: llm.model,
    provider: llm.genAiProvider,
    operation: 'chat',
    prompt: plan.prompt,
    promptTemplateVersion: llm.promptTemplateVersion,
    temperature: llm.temperature,
    startTime: at(llm.start),
  });
  for (const v of llm.validations) {
    llmScope.evaluation({ validator: v.validator, pass: v.pass, score: v.score, time: at(llm.end) });
  }
  if (llm.consistency !== undefined) {
    llmScope.consistency(llm.consistency, at(llm.end));
  }
  llmScope.end({
    output: `${plan.result} llm`,
    inputTokens: llm.inputTokens,
    outputTokens: llm.outputTokens,
    responseModel: llm.responseModel,
    coldStart: llm.coldStart,
    finishReasons: llm.finishReasons,
    ...(llm.error ? { error: llm.error } : {}),
    ...(llm.firstToken !== undefined ? { firstTokenTime: at(llm.firstToken) } : {}),
    endTime: at(llm.end),
  });
  for (const step of plan.steps) {
    switch (step.type) {
      case 'decision': {
        const d = step.decision;
        request.orchestratorDecision({
          path: d.path,
          reason: d.reason,
          ...(d.provider ? { provider: d.provider } : {}),
          ...(d.backend ? { backend: d.backend } : {}),
          inputs: d.inputs,
          ...(d.fallbackFrom ? { fallbackFrom: d.fallbackFrom } : {}),
          startTime: at(d.start),
          endTime: at(d.end),
        });
        break;
      }
      case 'job':
        emitJob(request, step.job, at);
        break;
      case 'fallback':
        request.fallback({
          from: step.from,
          to: step.to,
          reason: step.reason,
          outcome: step.outcome,
          time: at(step.time),
        });
        break;
    }
  }
  if (plan.postprocess) {
    request.postprocess({
      result: plan.result,
      degraded: plan.postprocess.degraded,
      startTime: at(plan.postprocess.start),
      endTime: at(plan.postprocess.end),
    });
  }
  request.end({ outcome: plan.outcome, httpStatus: plan.httpStatus, endTime: at(plan.duration) });
  return request.traceId;
}

function emitJob(request: RequestScope, job: JobPlan, at: (offset: number) => number): void {
  const scope = request.quantumJob({
    provider: job.provider,
    backend: job.backend,
    simulator: job.simulator,
    shots: job.shots,
    ...(job.originalShots !== undefined ? { originalShots: job.originalShots } : {}),
    ...(job.calibrationVersion ? { calibrationVersion: job.calibrationVersion } : {}),
    circuitDepth: job.circuitDepth,
    circuitWidth: job.circuitWidth,
    qubitsUsed: job.qubitsUsed,
    transpilerOptions: job.transpilerOptions,
    optimizationLevel: job.optimizationLevel,
  });
  const e = job.enqueue;
  scope.enqueue({
    startTime: at(e.start),
    endTime: at(e.end),
    ...(e.queuePosition !== undefined ? { queuePosition: e.queuePosition } : {}),
    ...(e.providerJobId ? { providerJobId: e.providerJobId } : {}),
    ...(e.rateLimited ? { rateLimited: true } : {}),
  });
  if (job.compile) {
    scope.compile({
      startTime: at(job.compile.start),
      endTime: at(job.compile.end),
      ...(job.compile.error ? { error: job.compile.error } : {}),
    });
  }
  if (job.execute) {
    const x = job.execute;
    scope.execute({
      startTime: at(x.start),
      endTime: at(x.end),
      providerJobId: x.providerJobId,
      providerStatus: x.providerStatus,
      outcome: x.outcome,
      ...(x.errorType ? { errorType: x.errorType } : {}),
      ...(x.fidelity !== undefined ? { fidelity: x.fidelity } : {}),
      ...(x.spendUsd !== undefined ? { spendUsd: x.spendUsd } : {}),
      ...(x.coherenceMarginSeconds !== undefined ? { coherenceMarginSeconds: x.coherenceMarginSeconds } : {}),
    });
  }
}
