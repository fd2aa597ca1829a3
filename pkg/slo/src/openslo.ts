import {
  PLAYBOOK,
  type PlaybookId,
  SLI_TYPE,
  type SliType,
  formatDuration,
  parseDuration,
} from '@hybridlens/conventions';
import { parseAllDocuments } from 'yaml';
import { parseCounterSelector, renderCounterSelector } from './counterSelector';
import { type LinkScope, SLO_NAME, type SliCounters, type SloSpec, periodProblem } from './spec';

/**
 * OpenSLO v1 input: `kind: SLO` (with an inline `indicator` or an `indicatorRef`) and `kind: SLI`
 * documents with a `ratioMetric` over Prometheus counters, a rolling `timeWindow` and one objective.
 * Hybrid Lens extras ride in `metadata.annotations` (see ANNOTATION).
 */

export const OPENSLO_API_VERSION = 'openslo/v1';

/** Optional metadata.annotations understood by the generator. */
export const ANNOTATION = {
  sliType: 'hybridlens.io/sli-type',
  playbook: 'hybridlens.io/playbook',
  minBadEvents: 'hybridlens.io/min-bad-events',
  provider: 'hybridlens.io/provider',
  backend: 'hybridlens.io/backend',
  model: 'hybridlens.io/model',
  route: 'hybridlens.io/route',
  region: 'hybridlens.io/region',
  path: 'hybridlens.io/path',
} as const;

/** Kinds of OpenSLO v1 that are valid but carry nothing the rule generator needs. */
const IGNORED_KINDS = new Set(['Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget', 'DataSource']);

const DEFAULT_MIN_BAD_EVENTS = 5;

export interface OpenSloInput {
  /** File name (or any label) used in messages. */
  name: string;
  text: string;
}

export interface OpenSloResult {
  specs: SloSpec[];
  /** One message per problem: `file: document N (SLO "x"): field.path: what is wrong`. */
  errors: string[];
}

type Json = unknown;

class DocumentError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message);
  }
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(obj: Json, path: string): Json {
  let cur: Json = obj;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) {
      return undefined;
    }
    cur = cur[key];
  }
  return cur;
}

function requireString(obj: Json, path: string, prefix = ''): string {
  const value = at(obj, path);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DocumentError(
      prefix + path,
      `required string${value === undefined ? ' is missing' : `, got ${JSON.stringify(value)}`}`
    );
  }
  return value.trim();
}

function optionalString(obj: Json, path: string, prefix = ''): string | undefined {
  const value = at(obj, path);
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new DocumentError(prefix + path, `must be a string, got ${JSON.stringify(value)}`);
  }
  return value;
}

interface SliDoc {
  name: string;
  where: string;
  spec: Json;
}

/** The counters of an SLI `spec` (the object holding `ratioMetric`). */
function readRatioMetric(sliSpec: Json, prefix: string): SliCounters {
  const ratio = at(sliSpec, 'ratioMetric');
  if (!isRecord(ratio)) {
    if (at(sliSpec, 'thresholdMetric') !== undefined) {
      throw new DocumentError(
        `${prefix}thresholdMetric`,
        'threshold metrics are not supported: use ratioMetric with good/total or bad/total counters'
      );
    }
    throw new DocumentError(`${prefix}ratioMetric`, 'required: ratioMetric with good/total or bad/total');
  }
  if (ratio.counter !== true) {
    throw new DocumentError(
      `${prefix}ratioMetric.counter`,
      'must be true: the generator reads counters with increase()'
    );
  }
  const query = (key: 'good' | 'bad' | 'total'): string | undefined => {
    const part = ratio[key];
    if (part === undefined) {
      return undefined;
    }
    const field = `${prefix}ratioMetric.${key}`;
    if (isRecord(part) && part.metricSourceRef !== undefined) {
      throw new DocumentError(`${field}.metricSourceRef`, 'is not supported: give metricSource inline');
    }
    const type = at(part, 'metricSource.type');
    if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
      throw new DocumentError(`${field}.metricSource.type`, `must be "Prometheus", got ${JSON.stringify(type)}`);
    }
    const q = requireString(part, 'metricSource.spec.query', `${field}.`);
    const parsed = parseCounterSelector(q);
    if (typeof parsed === 'string') {
      throw new DocumentError(
        `${field}.metricSource.spec.query`,
        `must be a counter selector like hybrid_requests_total{outcome="error"} (the generator adds increase()): ${parsed}; got ${JSON.stringify(q)}`
      );
    }
    return renderCounterSelector(parsed);
  };
  const total = query('total');
  const good = query('good');
  const bad = query('bad');
  if (total === undefined) {
    throw new DocumentError(`${prefix}ratioMetric.total`, 'required');
  }
  if ((good === undefined) === (bad === undefined)) {
    throw new DocumentError(`${prefix}ratioMetric`, 'give exactly one of good or bad (with total)');
  }
  return good !== undefined ? { total, good } : { total, bad: bad! };
}

function readTarget(spec: Json): number {
  const objectives = at(spec, 'objectives');
  if (!Array.isArray(objectives) || objectives.length === 0) {
    throw new DocumentError('spec.objectives', 'required: a list with one objective');
  }
  if (objectives.length > 1) {
    throw new DocumentError('spec.objectives', `a ratio SLO has one objective, got ${objectives.length}`);
  }
  const objective: Json = objectives[0];
  const percent = at(objective, 'targetPercent');
  if (percent !== undefined && at(objective, 'target') !== undefined) {
    throw new DocumentError(
      'spec.objectives[0]',
      'give target (0..1) or targetPercent (0..100), not both: which one was meant cannot be guessed'
    );
  }
  const target =
    percent !== undefined ? (typeof percent === 'number' ? percent / 100 : percent) : at(objective, 'target');
  const field = percent !== undefined ? 'spec.objectives[0].targetPercent' : 'spec.objectives[0].target';
  if (typeof target !== 'number' || !(target > 0 && target < 1)) {
    throw new DocumentError(
      field,
      `must be a number strictly between 0 and 1 (percent: between 0 and 100); a 100% target leaves no error budget; got ${JSON.stringify(percent ?? target)}`
    );
  }
  return target;
}

function readWindow(spec: Json): string {
  const windows = at(spec, 'timeWindow');
  if (!Array.isArray(windows) || windows.length !== 1) {
    throw new DocumentError(
      'spec.timeWindow',
      'required: a list with one rolling window, e.g. [{duration: 30d, isRolling: true}]'
    );
  }
  const window: Json = windows[0];
  if (at(window, 'isRolling') !== true || at(window, 'calendar') !== undefined) {
    throw new DocumentError(
      'spec.timeWindow[0].isRolling',
      'only rolling windows are supported (isRolling: true, no calendar)'
    );
  }
  const duration = requireString(window, 'duration', 'spec.timeWindow[0].');
  const problem = periodProblem(duration);
  if (problem) {
    throw new DocumentError('spec.timeWindow[0].duration', problem);
  }
  // One spelling for the window label and the ranges: 4w and 28d are the same period.
  return formatDuration(parseDuration(duration)!);
}

function readAnnotations(doc: Json): {
  sliType: SliType;
  playbook?: PlaybookId;
  minBadEvents: number;
  scope: LinkScope;
} {
  const annotations = at(doc, 'metadata.annotations') ?? {};
  if (!isRecord(annotations)) {
    throw new DocumentError('metadata.annotations', 'must be a map of strings');
  }
  // Annotation keys contain dots: read them directly, not as a path.
  const get = (key: string): string | undefined => {
    const value = annotations[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw new DocumentError(`metadata.annotations.${key}`, `must be a string, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const sliTypeText = get(ANNOTATION.sliType) ?? SLI_TYPE.custom;
  const sliTypes = Object.values(SLI_TYPE) as string[];
  if (!sliTypes.includes(sliTypeText)) {
    throw new DocumentError(
      `metadata.annotations.${ANNOTATION.sliType}`,
      `must be one of ${sliTypes.join(', ')}, got "${sliTypeText}"`
    );
  }
  // Without the annotation the SLI type's playbook applies (sloPlaybook).
  const playbookText = get(ANNOTATION.playbook);
  const playbooks = Object.values(PLAYBOOK) as string[];
  if (playbookText !== undefined && !playbooks.includes(playbookText)) {
    throw new DocumentError(
      `metadata.annotations.${ANNOTATION.playbook}`,
      `must be one of ${playbooks.join(', ')}, got "${playbookText}"`
    );
  }
  const minText = get(ANNOTATION.minBadEvents);
  const minBadEvents = minText === undefined ? DEFAULT_MIN_BAD_EVENTS : Number(minText);
  if (!Number.isInteger(minBadEvents) || minBadEvents < 1) {
    throw new DocumentError(
      `metadata.annotations.${ANNOTATION.minBadEvents}`,
      `must be a whole number ≥ 1, got "${minText}"`
    );
  }
  const scope: LinkScope = {};
  for (const key of ['provider', 'backend', 'model', 'route', 'region', 'path'] as const) {
    const value = get(ANNOTATION[key]);
    if (value !== undefined) {
      scope[key] = value;
    }
  }
  return {
    sliType: sliTypeText as SliType,
    ...(playbookText !== undefined ? { playbook: playbookText as PlaybookId } : {}),
    minBadEvents,
    scope,
  };
}

/** Parses OpenSLO v1 files. Good SLOs come back as specs; every problem as one message. */
export function parseOpenSlo(inputs: readonly OpenSloInput[]): OpenSloResult {
  const errors: string[] = [];
  const slis = new Map<string, SliDoc>();
  // `where` names the document in errors; `source` is what a spec carries (messages add the SLO's name).
  const slos: Array<{ doc: Json; where: string; source: string }> = [];

  for (const input of inputs) {
    const docs = parseAllDocuments(input.text);
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((document, index) => {
      const where = `${input.name}: document ${index + 1}`;
      if (document.errors.length > 0) {
        errors.push(`${where}: YAML: ${document.errors[0]!.message.split('\n')[0]}`);
        return;
      }
      let doc: Json;
      try {
        doc = document.toJS();
      } catch (error) {
        // The yaml library refuses documents whose aliases would expand without bound ("billion laughs")
        // and aliases to anchors that do not exist; both are one line about this document.
        const message = (error as Error).message;
        errors.push(
          /excessive alias count/i.test(message)
            ? `${where}: YAML: too many alias references (a document that expands without bound is refused)`
            : `${where}: YAML: ${message.split('\n')[0]}`
        );
        return;
      }
      if (doc === null || doc === undefined) {
        return;
      }
      if (!isRecord(doc)) {
        errors.push(`${where}: expected a mapping with apiVersion, kind, metadata and spec`);
        return;
      }
      const name = typeof at(doc, 'metadata.name') === 'string' ? (at(doc, 'metadata.name') as string) : undefined;
      const label = `${where}${name ? ` (${String(doc.kind)} "${name}")` : ''}`;
      if (doc.apiVersion !== OPENSLO_API_VERSION) {
        errors.push(`${label}: apiVersion: must be "${OPENSLO_API_VERSION}", got ${JSON.stringify(doc.apiVersion)}`);
        return;
      }
      if (doc.kind === 'SLI') {
        if (!name) {
          errors.push(`${label}: metadata.name: required string is missing`);
          return;
        }
        slis.set(name, { name, where: label, spec: doc.spec });
      } else if (doc.kind === 'SLO') {
        slos.push({ doc, where: label, source: where });
      } else if (!(typeof doc.kind === 'string' && IGNORED_KINDS.has(doc.kind))) {
        errors.push(
          `${label}: kind: must be SLO or SLI (or another OpenSLO v1 kind to ignore), got ${JSON.stringify(doc.kind)}`
        );
      }
    });
  }

  const specs: SloSpec[] = [];
  for (const { doc, where, source } of slos) {
    try {
      const name = requireString(doc, 'metadata.name');
      if (!SLO_NAME.test(name)) {
        throw new DocumentError(
          'metadata.name',
          'must be lower-case letters, digits, "-", "_" or "." (at most 64), starting and ending with a letter or digit'
        );
      }
      const service = requireString(doc, 'spec.service');
      let sli: SliCounters;
      const ref = at(doc, 'spec.indicatorRef');
      if (ref !== undefined) {
        if (typeof ref !== 'string') {
          throw new DocumentError('spec.indicatorRef', 'must be the name of an SLI document');
        }
        const target = slis.get(ref);
        if (!target) {
          throw new DocumentError('spec.indicatorRef', `no SLI document named "${ref}" in the given files`);
        }
        try {
          sli = readRatioMetric(target.spec, 'spec.');
        } catch (error) {
          if (error instanceof DocumentError) {
            throw new DocumentError(`spec.indicatorRef → ${target.where}: ${error.field}`, error.message);
          }
          throw error;
        }
      } else if (isRecord(at(doc, 'spec.indicator'))) {
        sli = readRatioMetric(at(doc, 'spec.indicator.spec'), 'spec.indicator.spec.');
      } else {
        throw new DocumentError('spec.indicator', 'required: an inline indicator or an indicatorRef');
      }
      const method = at(doc, 'spec.budgetingMethod');
      if (method !== undefined && method !== 'Occurrences') {
        throw new DocumentError('spec.budgetingMethod', `only Occurrences is supported, got ${JSON.stringify(method)}`);
      }
      const objective = readTarget(at(doc, 'spec'));
      const period = readWindow(at(doc, 'spec'));
      const extras = readAnnotations(doc);
      specs.push({
        name,
        displayName: optionalString(doc, 'metadata.displayName') ?? name,
        service,
        description: optionalString(doc, 'spec.description') ?? '',
        objective,
        period,
        sli,
        ...extras,
        source,
      });
    } catch (error) {
      if (error instanceof DocumentError) {
        errors.push(`${where}: ${error.field}: ${error.message}`);
      } else {
        throw error;
      }
    }
  }
  return { specs, errors };
}
