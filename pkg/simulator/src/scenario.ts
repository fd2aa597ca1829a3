import { readFileSync } from 'node:fs';
import { parseDuration } from '@hybridlens/conventions';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { SimulatorUserError } from './errors';
import { FAULT_KIND_SPEC, type FaultKind, type ScheduledFault } from './faultKinds';
import type { Topology } from './topology';

/** A bad scenario file: names the file, the line and the field. */
export class ScenarioError extends SimulatorUserError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly reason: string
  ) {
    super(`${file}:${line}:${column}: ${field}: ${reason}`);
    this.name = 'ScenarioError';
  }
}

export interface Scenario {
  name: string;
  seed?: number;
  faults: ScheduledFault[];
}

export interface ScenarioOptions {
  /** Name used in messages (the path, usually). */
  file: string;
  /** Unix ms that relative times ("+2d4h") count from: the start of the run / of the history. */
  origin: number;
  /**
   * Unix ms that times before the end ("-36h") count back from: the end of the history. Undefined for a
   * live run, which has no end: such times are refused.
   */
  end?: number;
  topology: Topology;
}

const FAULT_FIELDS = [
  'name',
  'kind',
  'start',
  'end',
  'duration',
  'every',
  'provider',
  'backend',
  'model',
  'intensity',
] as const;
const TOP_FIELDS = ['name', 'seed', 'faults'] as const;
/** A schedule is a few KB; anything far larger is the wrong file. */
const MAX_SCENARIO_BYTES = 1 << 20;
/** Each fault is checked at every simulated instant: keep schedules small. */
const MAX_FAULTS = 500;

/**
 * Read a scenario (YAML or JSON: JSON is parsed as YAML so both get line numbers). Times are absolute
 * (RFC 3339), offsets from the run start ("+3d10h", "90m"), or, for a history, offsets back from its end
 * ("-36h": an incident that must fall inside the last days whatever the history's length).
 */
export function parseScenario(text: string, options: ScenarioOptions): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const where = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    return lineCounter.linePos(offset);
  };
  const fail = (node: Node | null | undefined, field: string, reason: string): never => {
    const { line, col } = where(node);
    throw new ScenarioError(options.file, line, col, field, reason);
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = firstError.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ScenarioError(
      options.file,
      pos.line,
      pos.col,
      '(syntax)',
      firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    );
  }
  const root = doc.contents;
  if (!isMap(root)) {
    return fail(root, '(root)', 'expected a mapping with a "faults" list');
  }
  checkKnownKeys(root, TOP_FIELDS, '', fail);
  const nameNode = root.get('name', true);
  const seedNode = root.get('seed', true);
  const faultsNode = root.get('faults', true);
  let seed: number | undefined;
  if (seedNode !== undefined) {
    if (
      !isScalar(seedNode) ||
      typeof seedNode.value !== 'number' ||
      !Number.isInteger(seedNode.value) ||
      seedNode.value < 0
    ) {
      return fail(seedNode, 'seed', 'expected a non-negative integer');
    }
    seed = seedNode.value;
  }
  if (faultsNode === undefined) {
    return fail(root, 'faults', 'missing (a list of faults, possibly empty)');
  }
  if (!isSeq(faultsNode)) {
    return fail(faultsNode, 'faults', 'expected a list');
  }
  if (faultsNode.items.length > MAX_FAULTS) {
    return fail(faultsNode, 'faults', `${faultsNode.items.length} faults; at most ${MAX_FAULTS} are accepted`);
  }
  const faults = faultsNode.items.map((item, index) =>
    parseFault(item as Node, `faults[${index}]`, options, fail, where)
  );
  const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value : options.file;
  return { name, ...(seed !== undefined ? { seed } : {}), faults };
}

type Fail = (node: Node | null | undefined, field: string, reason: string) => never;

function checkKnownKeys(map: YAMLMap, allowed: readonly string[], prefix: string, fail: Fail): void {
  for (const pair of map.items as Array<Pair<Node, Node>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) {
      fail(pair.key, `${prefix}${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
}

function parseFault(
  node: Node,
  path: string,
  options: ScenarioOptions,
  fail: Fail,
  where: (n: Node) => { line: number }
): ScheduledFault {
  if (!isMap(node)) {
    return fail(node, path, 'expected a mapping with kind, start and duration');
  }
  checkKnownKeys(node, FAULT_FIELDS, `${path}.`, fail);
  const scalar = (field: string): { node: Node; value: unknown } | undefined => {
    const value = node.get(field, true) as Node | undefined;
    if (value === undefined) {
      return undefined;
    }
    if (!isScalar(value)) {
      return fail(value, `${path}.${field}`, 'expected a single value');
    }
    return { node: value, value: value.value };
  };
  const str = (field: string): { node: Node; value: string } | undefined => {
    const s = scalar(field);
    if (s === undefined) {
      return undefined;
    }
    if (typeof s.value !== 'string' || s.value.trim() === '') {
      return fail(s.node, `${path}.${field}`, 'expected a non-empty string');
    }
    return { node: s.node, value: s.value.trim() };
  };

  const kindField = str('kind');
  if (!kindField) {
    return fail(node, `${path}.kind`, `missing (one of ${Object.keys(FAULT_KIND_SPEC).join(', ')})`);
  }
  if (!(kindField.value in FAULT_KIND_SPEC)) {
    return fail(
      kindField.node,
      `${path}.kind`,
      `unknown fault kind "${kindField.value}" (one of ${Object.keys(FAULT_KIND_SPEC).join(', ')})`
    );
  }
  const kind = kindField.value as FaultKind;
  const spec = FAULT_KIND_SPEC[kind];

  const time = (field: string): number | undefined => {
    const s = scalar(field);
    if (s === undefined) {
      return undefined;
    }
    const text = String(s.value).trim();
    if (text.startsWith('-')) {
      const before = parseDuration(text.slice(1));
      if (before !== undefined) {
        if (options.end === undefined) {
          return fail(
            s.node,
            `${path}.${field}`,
            `"${text}" counts back from the end of a history; a live run has no end (use +offset or an RFC 3339 time)`
          );
        }
        return options.end - before;
      }
    }
    const offset = parseDuration(text.replace(/^\+/, ''));
    if (offset !== undefined) {
      return options.origin + offset;
    }
    const absolute = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(absolute)) {
      return fail(
        s.node,
        `${path}.${field}`,
        `"${text}" is neither an RFC 3339 time (2026-11-20T10:00:00Z), an offset from the run start (+3d10h) nor one back from the end of a history (-36h)`
      );
    }
    return absolute;
  };
  const duration = (field: string): number | undefined => {
    const s = scalar(field);
    if (s === undefined) {
      return undefined;
    }
    const ms = parseDuration(String(s.value));
    if (ms === undefined || ms <= 0) {
      return fail(
        s.node,
        `${path}.${field}`,
        `"${String(s.value)}" is not a positive duration (e.g. 90s, 15m, 2h30m, 3d)`
      );
    }
    return ms;
  };

  const start = time('start');
  if (start === undefined) {
    return fail(node, `${path}.start`, 'missing (RFC 3339 time or an offset like +2d4h)');
  }
  const endAbs = time('end');
  const dur = duration('duration');
  if (endAbs !== undefined && dur !== undefined) {
    return fail(node.get('duration', true) as Node, `${path}.duration`, 'give either end or duration, not both');
  }
  if (endAbs === undefined && dur === undefined) {
    return fail(node, `${path}.duration`, 'missing (or give end)');
  }
  const end = endAbs ?? start + dur!;
  if (end <= start) {
    return fail(node.get('end', true) as Node, `${path}.end`, 'must be after start');
  }
  const every = duration('every');
  if (every !== undefined && every < end - start) {
    return fail(
      node.get('every', true) as Node,
      `${path}.every`,
      'the repeat period must be at least the fault duration'
    );
  }

  const intensityField = scalar('intensity');
  let intensity = spec.defaultIntensity;
  if (intensityField) {
    const [lo, hi] = spec.intensityRange;
    if (
      typeof intensityField.value !== 'number' ||
      !Number.isFinite(intensityField.value) ||
      intensityField.value < lo ||
      intensityField.value > hi
    ) {
      return fail(
        intensityField.node,
        `${path}.intensity`,
        `expected a number in [${lo}, ${hi}] (${spec.intensityMeaning})`
      );
    }
    intensity = intensityField.value;
  }

  const nameField = str('name');
  const topology = options.topology;
  const providerField = str('provider');
  const backendField = str('backend');
  const modelField = str('model');
  if (spec.target === 'provider' && !providerField) {
    return fail(
      node,
      `${path}.provider`,
      `missing (${kind} needs a provider: ${[...new Set(topology.backends.map((b) => b.provider))].join(', ')})`
    );
  }
  if (providerField && !topology.backends.some((b) => b.provider === providerField.value)) {
    return fail(
      providerField.node,
      `${path}.provider`,
      `unknown provider "${providerField.value}" (one of ${[...new Set(topology.backends.map((b) => b.provider))].join(', ')})`
    );
  }
  if (backendField) {
    const candidates = topology.backends.filter((b) => !providerField || b.provider === providerField.value);
    if (!candidates.some((b) => b.backend === backendField.value)) {
      return fail(
        backendField.node,
        `${path}.backend`,
        `unknown backend "${backendField.value}"${providerField ? ` for provider ${providerField.value}` : ''} (one of ${candidates.map((b) => b.backend).join(', ')})`
      );
    }
  }
  if (modelField && !topology.models.some((m) => m.model === modelField.value)) {
    return fail(
      modelField.node,
      `${path}.model`,
      `unknown model "${modelField.value}" (one of ${topology.models.map((m) => m.model).join(', ')})`
    );
  }
  if (spec.target !== 'provider' && (providerField || backendField) && kind !== 'simulator_divergence') {
    return fail(
      (providerField ?? backendField)!.node,
      `${path}.${providerField ? 'provider' : 'backend'}`,
      `${kind} is about an LLM: use model, not provider/backend`
    );
  }
  if (spec.target === 'provider' && modelField) {
    return fail(
      modelField.node,
      `${path}.model`,
      `${kind} is about a quantum provider: use provider/backend, not model`
    );
  }

  return {
    ...(nameField ? { name: nameField.value } : {}),
    kind,
    start,
    end,
    ...(every !== undefined ? { every } : {}),
    ...(providerField ? { provider: providerField.value } : {}),
    ...(backendField ? { backend: backendField.value } : {}),
    ...(modelField ? { model: modelField.value } : {}),
    intensity,
    origin: `${options.file}:${where(node).line}`,
  };
}

export function loadScenarioFile(path: string, options: Omit<ScenarioOptions, 'file'>): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory, expected a YAML or JSON file'
            : (error as Error).message;
    throw new SimulatorUserError(`scenario ${path}: cannot read it (${why})`);
  }
  if (text.length > MAX_SCENARIO_BYTES) {
    throw new SimulatorUserError(`scenario ${path}: larger than ${MAX_SCENARIO_BYTES} bytes (a schedule is a few KB)`);
  }
  return parseScenario(text, { ...options, file: path });
}
