import {
  LABEL,
  LATENCY_SLO_THRESHOLD_SECONDS,
  LOG_LEVEL,
  MITIGATION_ALL_PROVIDERS,
  TELEMETRY_SIGNAL,
  isLlmVersion,
} from '@hybridlens/conventions';
import { type OpenMetricsContentType, Registry } from 'prom-client';
import type {
  HybridTelemetry,
  LogEntry,
  MitigationInForce,
  QueueState,
  RequestStart,
  RequestScope,
  SamplingOptions,
  TelemetryOptions,
} from './api';
import type { TelemetryCore } from './core';
import {
  InstrumentInputError,
  optionalHttpUrl,
  optionalNumber,
  requireBoolean,
  requireNumber,
  requireOneOf,
  requireString,
  timeOr,
} from './errors';
import { entryToRecord } from './logEntry';
import { JsonLogger, stdoutSink } from './logger';
import { ContractMetrics } from './metrics';
import { createOtlpLogs } from './otlpLogs';
import type { ServiceIdentity } from './resource';
import { RequestScopeImpl } from './requestScope';
import { createTracing } from './tracing';

type Signal = 'traces' | 'logs' | 'metrics';

function checkSampling(sampling: SamplingOptions | undefined): SamplingOptions | undefined {
  if (!sampling) {
    return undefined;
  }
  const call = 'createTelemetry()';
  requireNumber(call, 'sampling.ratio', sampling.ratio, 0, 1);
  optionalNumber(call, 'sampling.slowRequestSeconds', sampling.slowRequestSeconds, 0);
  for (const [route, ratio] of Object.entries(sampling.routeRatios ?? {})) {
    requireNumber(call, `sampling.routeRatios[${JSON.stringify(route)}]`, ratio, 0, 1);
  }
  return sampling;
}

function metricsRegistry(options: TelemetryOptions): Registry {
  const call = 'createTelemetry()';
  const openMetrics = options.openMetrics ?? false;
  if (typeof openMetrics !== 'boolean') {
    requireBoolean(call, 'openMetrics', openMetrics);
  }
  if (!options.registry) {
    if (!openMetrics) {
      return new Registry();
    }
    const registry = new Registry<OpenMetricsContentType>();
    registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    // prom-client types a registry by its content type; the SDK only needs the common surface.
    return registry as unknown as Registry;
  }
  if (openMetrics && options.registry.contentType !== Registry.OPENMETRICS_CONTENT_TYPE) {
    throw new InstrumentInputError(
      call,
      'openMetrics',
      'needs the registry passed in to be created with Registry.OPENMETRICS_CONTENT_TYPE (or no registry)'
    );
  }
  return options.registry as unknown as Registry;
}

/** Wire the contract's metrics, spans and logs for one service. */
export function createTelemetry(options: TelemetryOptions): HybridTelemetry {
  const call = 'createTelemetry()';
  if (!options || typeof options !== 'object') {
    throw new InstrumentInputError(call, 'options', 'must be an object');
  }
  const serviceName = requireString(call, 'serviceName', options.serviceName);
  const logLevel =
    options.logLevel === undefined ? LOG_LEVEL.info : requireOneOf(call, 'logLevel', options.logLevel, LOG_LEVEL);
  const sampling = checkSampling(options.sampling);
  const otlpTracesUrl = optionalHttpUrl(call, 'otlpTracesUrl', options.otlpTracesUrl);
  const otlpLogsUrl = optionalHttpUrl(call, 'otlpLogsUrl', options.otlpLogsUrl);
  const maxQueueSize = optionalNumber(call, 'maxQueueSize', options.maxQueueSize, 1) ?? 2048;
  const registry = metricsRegistry(options);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  const metrics = new ContractMetrics(registry);
  const dropped: Record<Signal, number> = { traces: 0, logs: 0, metrics: 0 };
  const countDropped = (signal: Signal) => (count: number) => {
    if (count > 0) {
      dropped[signal] += count;
      metrics.inc('telemetryDropped', { [LABEL.signal]: TELEMETRY_SIGNAL[signal] }, count);
    }
  };

  const identity: ServiceIdentity = {
    serviceName,
    ...(options.serviceVersion ? { serviceVersion: options.serviceVersion } : {}),
    ...(options.environment ? { environment: options.environment } : {}),
  };
  // Spans and log records each get a queue of this shape.
  const queueOptions = {
    maxQueueSize,
    maxExportBatchSize: Math.min(
      maxQueueSize,
      optionalNumber(call, 'maxExportBatchSize', options.maxExportBatchSize, 1) ?? 512
    ),
    scheduledDelayMillis: optionalNumber(call, 'scheduledDelayMillis', options.scheduledDelayMillis, 0) ?? 1000,
    exportTimeoutMillis: optionalNumber(call, 'exportTimeoutMillis', options.exportTimeoutMillis, 1) ?? 10_000,
  };
  const tracing = createTracing({
    ...identity,
    ...(options.traceExporter ? { exporter: options.traceExporter } : {}),
    ...(otlpTracesUrl ? { otlpTracesUrl } : {}),
    ...queueOptions,
    ...(options.random ? { random: options.random } : {}),
    onDropped: countDropped('traces'),
  });
  const otlpLogs =
    options.logExporter || otlpLogsUrl
      ? createOtlpLogs({
          ...identity,
          ...(options.logExporter ? { exporter: options.logExporter } : {}),
          ...(otlpLogsUrl ? { url: otlpLogsUrl } : {}),
          ...queueOptions,
          onDropped: countDropped('logs'),
        })
      : undefined;
  const logger = new JsonLogger(serviceName, options.logSink ?? stdoutSink, logLevel, countDropped('logs'), otlpLogs);

  const defaultRatio = sampling?.ratio ?? 1;
  const core: TelemetryCore = {
    serviceName,
    metrics,
    logger,
    tracer: tracing.tracer,
    ...(tracing.sampler ? { sampler: tracing.sampler } : {}),
    now,
    random,
    slowRequestSeconds: sampling?.slowRequestSeconds ?? LATENCY_SLO_THRESHOLD_SECONDS,
    sampleOrdinary(route) {
      const ratio = sampling?.routeRatios?.[route] ?? defaultRatio;
      return ratio >= 1 || (ratio > 0 && random() < ratio);
    },
  };

  // The hybrid_llm_model_info series of each model, to remove it when the model's versions change.
  const llmModelSeries = new Map<string, Record<string, string>>();
  // The series of hybrid_mitigation_applied_timestamp_seconds set last, to remove those lifted since.
  let mitigationSeries = new Map<string, Record<string, string>>();
  return {
    registry,
    serviceName,
    startRequest(init: RequestStart): RequestScope {
      return new RequestScopeImpl(core, init);
    },
    setQueueState(s: QueueState) {
      const c = 'setQueueState()';
      const labels = {
        [LABEL.provider]: requireString(c, 'provider', s.provider),
        [LABEL.backend]: requireString(c, 'backend', s.backend),
      };
      metrics.set('quantumQueueLength', labels, requireNumber(c, 'queueLength', s.queueLength, 0));
      metrics.set('quantumQueueBacklog', labels, requireNumber(c, 'backlogSeconds', s.backlogSeconds, 0));
    },
    setRateLimitRemaining(s) {
      const c = 'setRateLimitRemaining()';
      metrics.set(
        'providerRateLimitRemaining',
        { [LABEL.provider]: requireString(c, 'provider', s.provider) },
        requireNumber(c, 'remaining', s.remaining, 0)
      );
    },
    setProviderAvailable(s) {
      const c = 'setProviderAvailable()';
      const labels = {
        [LABEL.provider]: requireString(c, 'provider', s.provider),
        [LABEL.backend]: requireString(c, 'backend', s.backend),
      };
      const available = requireBoolean(c, 'available', s.available);
      timeOr(c, 'time', s.time, now);
      metrics.set('providerAvailable', labels, available ? 1 : 0);
    },
    setMitigationsInForce(list) {
      const c = 'setMitigationsInForce()';
      if (!Array.isArray(list)) {
        throw new InstrumentInputError(c, 'mitigations', 'must be a list');
      }
      const next = new Map<string, Record<string, string>>();
      const values: number[] = [];
      list.forEach((m: MitigationInForce, i) => {
        const labels = {
          [LABEL.action]: requireString(c, `mitigations[${i}].action`, m.action),
          [LABEL.provider]:
            m.provider === undefined
              ? MITIGATION_ALL_PROVIDERS
              : requireString(c, `mitigations[${i}].provider`, m.provider),
        };
        values.push(requireNumber(c, `mitigations[${i}].since`, m.since, 0) / 1000);
        next.set(`${labels[LABEL.action]}\u0000${labels[LABEL.provider]}`, labels);
      });
      // Validated whole before any series changes.
      [...next.values()].forEach((labels, i) => metrics.set('mitigationApplied', labels, values[i]!));
      for (const [key, labels] of mitigationSeries) {
        if (!next.has(key)) {
          metrics.unset('mitigationApplied', labels);
        }
      }
      mitigationSeries = next;
    },
    setLlmModelInfo(v) {
      const c = 'setLlmModelInfo()';
      const version = (field: 'modelVersion' | 'promptTemplateVersion'): string => {
        const value = requireString(c, field, v?.[field]);
        if (!isLlmVersion(value)) {
          throw new InstrumentInputError(
            c,
            field,
            'must be a short release name: letters, digits, . _ : - (at most 64)'
          );
        }
        return value;
      };
      const labels = {
        [LABEL.model]: requireString(c, 'model', v?.model),
        [LABEL.modelVersion]: version('modelVersion'),
        [LABEL.promptTemplateVersion]: version('promptTemplateVersion'),
      };
      const previous = llmModelSeries.get(labels[LABEL.model]);
      if (
        previous &&
        (previous[LABEL.modelVersion] !== labels[LABEL.modelVersion] ||
          previous[LABEL.promptTemplateVersion] !== labels[LABEL.promptTemplateVersion])
      ) {
        metrics.unset('llmModelInfo', previous);
      }
      metrics.set('llmModelInfo', labels, 1);
      llmModelSeries.set(labels[LABEL.model], labels);
    },
    recordRateLimited(s) {
      const c = 'recordRateLimited()';
      timeOr(c, 'time', s.time, now);
      metrics.inc('providerRateLimited', { [LABEL.provider]: requireString(c, 'provider', s.provider) });
    },
    log(entry: LogEntry) {
      logger.write(entryToRecord('log()', entry, now));
    },
    exemplars: () => metrics.exemplars(),
    droppedCounts: () => ({ ...dropped }),
    flush: async () => {
      await Promise.all([tracing.flush(), otlpLogs?.flush()]);
    },
    shutdown: async () => {
      await Promise.all([tracing.shutdown(), otlpLogs?.shutdown()]);
    },
  };
}
