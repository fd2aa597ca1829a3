import { SceneQueryRunner } from '@grafana/scenes';
import type { DataFrame } from '@grafana/data';
import { LABEL, METRIC, MITIGATION_ALL_PROVIDERS, selector } from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { FALLBACKS_REF, fallbackShareExpr } from './fallbacksDegraded';

export const MITIGATIONS_REF = 'mitigationsInForce';

/**
 * The mitigations in force, from telemetry: each series of hybrid_mitigation_applied_timestamp_seconds is one,
 * valued with the Unix time it was applied (several replicas of the service agree on it; max keeps one).
 */
export function mitigationsInForceExpr(): string {
  return `max by (${LABEL.action}, ${LABEL.provider}) (${selector(METRIC.mitigationApplied.name)})`;
}

/**
 * The degraded banner's two queries: the mitigations in force, an instant query at the end of the picked range
 * (now, on a range ending now); and the share of requests falling back, a range query, for since when.
 */
export function buildDegradedRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: MITIGATIONS_REF, expr: mitigationsInForceExpr(), instant: true, range: false },
      { refId: FALLBACKS_REF, expr: fallbackShareExpr(), instant: false, range: true },
    ],
  });
}

export interface TelemetryMitigation {
  action: string;
  /** Absent for pipeline-wide mitigations. */
  provider?: string;
  /** Epoch ms it was applied. */
  since: number;
}

/** The mitigations the query returned, oldest first; samples without a usable time are left out. */
export function mitigationsFromFrames(frames: readonly DataFrame[]): TelemetryMitigation[] {
  return samplesOf(frames, MITIGATIONS_REF)
    .filter((s) => Number.isFinite(s.value) && s.value > 0 && s.labels[LABEL.action])
    .map((s) => {
      const provider = s.labels[LABEL.provider];
      return {
        action: s.labels[LABEL.action]!,
        ...(provider && provider !== MITIGATION_ALL_PROVIDERS ? { provider } : {}),
        since: Math.round(s.value * 1000),
      };
    })
    .sort((a, b) => a.since - b.since || a.action.localeCompare(b.action));
}
