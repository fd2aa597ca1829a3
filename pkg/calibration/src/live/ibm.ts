import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { CalibrationInputError } from '../errors';
import { parseDocument } from '../detect';
import type { BackendCalibration } from '../model';
import { mergeIbm } from '../formats/ibm';
import { parseRetryAfter } from './poller';

/**
 * IBM Quantum Platform REST: GET {baseUrl}/backends/{name}/properties (BackendProperties JSON) and
 * /configuration, with an IAM bearer token (exchanged from an API key) and the instance's Service-CRN.
 */
export interface IbmLiveOptions {
  baseUrl: string;
  backends: string[];
  /** A ready bearer token, or an API key to exchange at iamUrl. */
  bearerToken?: string;
  apiKey?: string;
  iamUrl: string;
  serviceCrn?: string;
  apiVersion?: string;
}

export const IBM_DEFAULTS = {
  baseUrl: 'https://quantum.cloud.ibm.com/api/v1',
  iamUrl: 'https://iam.cloud.ibm.com/identity/token',
  apiVersion: '2025-05-01',
};

/** Options from the environment, or null when no IBM credentials are configured. */
export function ibmOptionsFromEnv(env: NodeJS.ProcessEnv): IbmLiveOptions | null {
  const backends = (env.IBM_QUANTUM_BACKENDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bearerToken = env.IBM_QUANTUM_BEARER_TOKEN || undefined;
  const apiKey = env.IBM_CLOUD_API_KEY || undefined;
  if (backends.length === 0 || (!bearerToken && !apiKey)) {
    return null;
  }
  return {
    baseUrl: env.IBM_QUANTUM_URL || IBM_DEFAULTS.baseUrl,
    iamUrl: env.IBM_IAM_URL || IBM_DEFAULTS.iamUrl,
    apiVersion: env.IBM_QUANTUM_API_VERSION || IBM_DEFAULTS.apiVersion,
    serviceCrn: env.IBM_QUANTUM_CRN || undefined,
    bearerToken,
    apiKey,
    backends,
  };
}

async function bearer(options: IbmLiveOptions): Promise<string> {
  if (options.bearerToken) {
    return options.bearerToken;
  }
  const res = await fetch(options.iamUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: options.apiKey ?? '' }),
  });
  if (!res.ok) {
    // Never echo the key or the response body (it may contain it): status only.
    throw httpError('ibm:iam', 'access_token', `IAM token exchange failed with HTTP ${res.status}`, res);
  }
  const json = (await res.json()) as { access_token?: unknown };
  if (typeof json.access_token !== 'string') {
    throw new CalibrationInputError(
      'ibm:iam',
      'access_token',
      'IAM response has no access_token',
      CALIBRATION_INGEST_REASON.requestFailed
    );
  }
  return json.access_token;
}

/** An HTTP failure: 429 is rate limiting (with the provider's Retry-After), anything else a failed request. */
function httpError(source: string, field: string, problem: string, res: Response): CalibrationInputError {
  if (res.status === 429) {
    return new CalibrationInputError(
      source,
      field,
      problem,
      CALIBRATION_INGEST_REASON.rateLimited,
      parseRetryAfter(res.headers.get('retry-after')),
      true
    );
  }
  return new CalibrationInputError(
    source,
    field,
    problem,
    CALIBRATION_INGEST_REASON.requestFailed,
    undefined,
    res.status >= 500
  );
}

async function getText(url: string, headers: Record<string, string>, source: string, field: string): Promise<string> {
  const res = await fetch(url, { headers });
  if (!res.ok) {
    throw httpError(source, field, `HTTP ${res.status} from ${new URL(url).pathname}`, res);
  }
  return res.text();
}

export interface LiveResult {
  backends: BackendCalibration[];
  errors: CalibrationInputError[];
}

/**
 * Fetch and normalize each configured backend; one backend failing does not stop the others, but a 429 stops
 * the round (the rest keep their last good calibration until the next, later round).
 */
export async function fetchIbm(options: IbmLiveOptions): Promise<LiveResult> {
  const backends: BackendCalibration[] = [];
  const errors: CalibrationInputError[] = [];
  let token: string;
  try {
    token = await bearer(options);
  } catch (e) {
    return { backends, errors: [toInputError(e, 'ibm:iam')] };
  }
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (options.serviceCrn) {
    headers['Service-CRN'] = options.serviceCrn;
  }
  if (options.apiVersion) {
    headers['IBM-API-Version'] = options.apiVersion;
  }
  for (const name of options.backends) {
    const source = `ibm:${name}`;
    try {
      const base = `${options.baseUrl.replace(/\/$/, '')}/backends/${encodeURIComponent(name)}`;
      const props = parseDocument(await getText(`${base}/properties`, headers, source, 'properties'), source);
      if (props.kind !== 'backends' || props.backends.length !== 1 || props.backends[0]!.provider !== 'ibm') {
        throw new CalibrationInputError(source, 'properties', 'response is not an IBM BackendProperties document');
      }
      let backend = props.backends[0]!;
      // The configuration only refines the native-gate choice and family: a failure there is not fatal.
      try {
        const conf = parseDocument(await getText(`${base}/configuration`, headers, source, 'configuration'), source);
        if (conf.kind === 'ibm-configuration') {
          backend = mergeIbm(backend, conf.configuration);
        }
      } catch (e) {
        errors.push(toInputError(e, source));
      }
      backends.push(backend);
    } catch (e) {
      const error = toInputError(e, source);
      errors.push(error);
      if (error.reason === CALIBRATION_INGEST_REASON.rateLimited) {
        break;
      }
    }
  }
  return { backends, errors };
}

/** Anything but our own errors is the network failing (refused, reset, DNS, timeout): worth retrying later. */
function toInputError(e: unknown, source: string): CalibrationInputError {
  return e instanceof CalibrationInputError
    ? e
    : new CalibrationInputError(
        source,
        '(request)',
        (e as Error).message,
        CALIBRATION_INGEST_REASON.requestFailed,
        undefined,
        true
      );
}
