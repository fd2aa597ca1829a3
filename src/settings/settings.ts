import { DATASOURCE_UID, ENQUEUE_SLO_THRESHOLD_SECONDS } from '@hybridlens/conventions';

/** Thresholds users tune for the pages' checks and colours. The generated alert rules and SLOs use the contract's values (the defaults here), not these. */
export interface Thresholds {
  /** End-to-end latency SLO threshold in seconds. */
  latencySeconds: number;
  /** Quantum queue length above which a backend is saturated. */
  queueLengthCritical: number;
  /**
   * Enqueue P95 target in seconds, for the pages' checks. The ops guide leaves it per workload ("P95 < X ms"); the
   * shipped queue alert and queueing SLO use the contract's ENQUEUE_SLO_THRESHOLD_SECONDS, which this defaults to
   * and cannot change (they are generated rules).
   */
  enqueueP95Seconds: number;
  /** Hallucination rate above which the LLM is drifting (0..1). */
  hallucinationRate: number;
  /** Fewer events than this over the SLO period and an SLI is shown as "too little traffic to judge". */
  minEventsToJudge: number;
}

/** The app's jsonData. Every field is optional in storage; {@link resolveSettings} fills defaults. */
export interface AppSettings {
  prometheusUid: string;
  tempoUid: string;
  lokiUid: string;
  /** Root URL of Grafana used when building links for people outside the browser (alerts, exports). */
  grafanaBaseUrl: string;
  /**
   * The orchestrator's admin API (feature flags, mitigations, audit), reached only through the plugin proxy route
   * `admin` (src/plugin.json), which adds the token from secureJsonData. Empty: mitigations are not configured.
   */
  adminApiUrl: string;
  thresholds: Thresholds;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  latencySeconds: 2,
  queueLengthCritical: 50,
  enqueueP95Seconds: ENQUEUE_SLO_THRESHOLD_SECONDS,
  hallucinationRate: 0.05,
  minEventsToJudge: 100,
};

export const DEFAULT_SETTINGS: AppSettings = {
  prometheusUid: DATASOURCE_UID.prometheus,
  tempoUid: DATASOURCE_UID.tempo,
  lokiUid: DATASOURCE_UID.loki,
  grafanaBaseUrl: '',
  adminApiUrl: '',
  thresholds: DEFAULT_THRESHOLDS,
};

/** What was wrong with a stored value; the text is the page's business (see settingsProblemText.ts). */
export const SETTINGS_PROBLEM = {
  notAString: 'notAString',
  notADatasourceUid: 'notADatasourceUid',
  notAUrl: 'notAUrl',
  notHttp: 'notHttp',
  notAnObject: 'notAnObject',
  outOfRange: 'outOfRange',
} as const;
export type SettingsProblemCode = (typeof SETTINGS_PROBLEM)[keyof typeof SETTINGS_PROBLEM];

/** The jsonData fields the app reads: a top-level key or `thresholds.<key>`. */
export type SettingsField =
  | 'prometheusUid'
  | 'tempoUid'
  | 'lokiUid'
  | 'grafanaBaseUrl'
  | 'adminApiUrl'
  | 'thresholds'
  | `thresholds.${keyof Thresholds}`;

/** A stored value the app could not use: which field, what was wrong, what was stored and what is used instead. */
export interface SettingsProblem {
  code: SettingsProblemCode;
  field: SettingsField;
  /** The stored value as typed (strings as they are, anything else as JSON). */
  value: string;
  /** What the app uses instead (the default). */
  fallback: string;
  /** The accepted range, for `outOfRange`. */
  limits?: { min: number; max: number };
}

export interface ResolvedSettings {
  settings: AppSettings;
  /** Stored values that were unusable and replaced by defaults, each naming its field. */
  problems: SettingsProblem[];
}

const UID = /^[a-zA-Z0-9_-]{1,40}$/;

const shown = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

type StringField = 'prometheusUid' | 'tempoUid' | 'lokiUid' | 'grafanaBaseUrl' | 'adminApiUrl';

function pickString(
  raw: Record<string, unknown>,
  field: StringField,
  fallback: string,
  problems: SettingsProblem[],
  valid: (v: string) => SettingsProblemCode | undefined
): string {
  const value = raw[field];
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  if (typeof value !== 'string') {
    problems.push({ code: SETTINGS_PROBLEM.notAString, field, value: shown(value), fallback });
    return fallback;
  }
  const trimmed = value.trim();
  const code = valid(trimmed);
  if (code) {
    problems.push({ code, field, value: trimmed, fallback });
    return fallback;
  }
  return trimmed;
}

const uidRule = (v: string) => (UID.test(v) ? undefined : SETTINGS_PROBLEM.notADatasourceUid);

function baseUrlRule(v: string): SettingsProblemCode | undefined {
  if (v === '') {
    return undefined;
  }
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : SETTINGS_PROBLEM.notHttp;
  } catch {
    return SETTINGS_PROBLEM.notAUrl;
  }
}

export const THRESHOLD_LIMITS: Readonly<Record<keyof Thresholds, { min: number; max: number }>> = {
  latencySeconds: { min: 0.01, max: 3600 },
  queueLengthCritical: { min: 1, max: 1e6 },
  enqueueP95Seconds: { min: 0.01, max: 86400 },
  hallucinationRate: { min: 0, max: 1 },
  minEventsToJudge: { min: 0, max: 1e12 },
};

function pickThresholds(raw: unknown, problems: SettingsProblem[]): Thresholds {
  const out: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (raw === undefined || raw === null) {
    return out;
  }
  if (typeof raw !== 'object') {
    problems.push({
      code: SETTINGS_PROBLEM.notAnObject,
      field: 'thresholds',
      value: shown(raw),
      fallback: JSON.stringify(DEFAULT_THRESHOLDS),
    });
    return out;
  }
  for (const key of Object.keys(THRESHOLD_LIMITS) as Array<keyof Thresholds>) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === '') {
      continue;
    }
    const n = typeof value === 'string' ? Number(value) : value;
    const limits = THRESHOLD_LIMITS[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < limits.min || n > limits.max) {
      problems.push({
        code: SETTINGS_PROBLEM.outOfRange,
        field: `thresholds.${key}`,
        value: shown(value),
        fallback: String(DEFAULT_THRESHOLDS[key]),
        limits,
      });
      continue;
    }
    out[key] = n;
  }
  return out;
}

/** Merge stored jsonData with defaults; bad values never crash the app, they are reported by field. */
export function resolveSettings(jsonData: unknown): ResolvedSettings {
  const problems: SettingsProblem[] = [];
  const raw = jsonData && typeof jsonData === 'object' ? (jsonData as Record<string, unknown>) : {};
  const settings: AppSettings = {
    prometheusUid: pickString(raw, 'prometheusUid', DEFAULT_SETTINGS.prometheusUid, problems, uidRule),
    tempoUid: pickString(raw, 'tempoUid', DEFAULT_SETTINGS.tempoUid, problems, uidRule),
    lokiUid: pickString(raw, 'lokiUid', DEFAULT_SETTINGS.lokiUid, problems, uidRule),
    grafanaBaseUrl: pickString(raw, 'grafanaBaseUrl', DEFAULT_SETTINGS.grafanaBaseUrl, problems, baseUrlRule).replace(
      /\/+$/,
      ''
    ),
    adminApiUrl: pickString(raw, 'adminApiUrl', DEFAULT_SETTINGS.adminApiUrl, problems, baseUrlRule).replace(
      /\/+$/,
      ''
    ),
    thresholds: pickThresholds(raw.thresholds, problems),
  };
  return { settings, problems };
}
