import { DATASOURCE_UID } from '@hybridlens/conventions';

/** Thresholds users tune; alert rules and page colouring read the same values. */
export interface Thresholds {
  /** End-to-end latency SLO threshold in seconds. */
  latencySeconds: number;
  /** Quantum queue length above which a backend is saturated. */
  queueLengthCritical: number;
  /** Enqueue P95 target in seconds. */
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
  thresholds: Thresholds;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  latencySeconds: 2,
  queueLengthCritical: 50,
  enqueueP95Seconds: 30,
  hallucinationRate: 0.05,
  minEventsToJudge: 100,
};

export const DEFAULT_SETTINGS: AppSettings = {
  prometheusUid: DATASOURCE_UID.prometheus,
  tempoUid: DATASOURCE_UID.tempo,
  lokiUid: DATASOURCE_UID.loki,
  grafanaBaseUrl: '',
  thresholds: DEFAULT_THRESHOLDS,
};

export interface SettingsProblem {
  field: string;
  message: string;
}

export interface ResolvedSettings {
  settings: AppSettings;
  /** Stored values that were unusable and replaced by defaults, each naming its field. */
  problems: SettingsProblem[];
}

const UID = /^[a-zA-Z0-9_-]{1,40}$/;

function pickString(
  raw: Record<string, unknown>,
  field: keyof AppSettings,
  fallback: string,
  problems: SettingsProblem[],
  valid: (v: string) => string | undefined
): string {
  const value = raw[field];
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  if (typeof value !== 'string') {
    problems.push({ field, message: `${field} must be a string, got ${typeof value}; using "${fallback}"` });
    return fallback;
  }
  const error = valid(value.trim());
  if (error) {
    problems.push({ field, message: `${field}: ${error}; using "${fallback}"` });
    return fallback;
  }
  return value.trim();
}

const uidRule = (v: string) =>
  UID.test(v) ? undefined : `"${v}" is not a datasource uid (letters, digits, - and _, at most 40)`;

function baseUrlRule(v: string): string | undefined {
  if (v === '') {
    return undefined;
  }
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? undefined
      : `"${v}" must start with http:// or https://`;
  } catch {
    return `"${v}" is not a URL (e.g. https://grafana.example.com)`;
  }
}

const THRESHOLD_LIMITS: Record<keyof Thresholds, { min: number; max: number }> = {
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
    problems.push({ field: 'thresholds', message: 'thresholds must be an object; using defaults' });
    return out;
  }
  for (const key of Object.keys(THRESHOLD_LIMITS) as Array<keyof Thresholds>) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === '') {
      continue;
    }
    const n = typeof value === 'string' ? Number(value) : value;
    const { min, max } = THRESHOLD_LIMITS[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
      problems.push({
        field: `thresholds.${key}`,
        message: `thresholds.${key} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}; using ${DEFAULT_THRESHOLDS[key]}`,
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
    thresholds: pickThresholds(raw.thresholds, problems),
  };
  return { settings, problems };
}
