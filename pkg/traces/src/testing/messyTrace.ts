import { QUANTUM_ATTR, RESOURCE_ATTR, SPAN } from '@hybridlens/conventions';
import { hexToBase64 } from '../read/ids';
import { Rng } from './rng';
import { nanos, otlpAttributes } from './otlpJson';

export interface MessyTrace {
  /** OTLP JSON whose spans have every kind of defect the reader must survive. */
  document: { resourceSpans: unknown[] };
  /** Entries in all span lists, objects or not: each must end up in a tree or counted as dropped. */
  spanEntries: number;
}

const NAMES = [SPAN.ingress, SPAN.llm, SPAN.quantumEnqueue, SPAN.quantumExecute, 'GET', 'compute', ''];
const KINDS: unknown[] = [0, 1, 2, 3, 4, 5, 9, 'SPAN_KIND_SERVER', 'client', 'weird', null, '2'];
const STATUS_CODES: unknown[] = [0, 1, 2, 'STATUS_CODE_ERROR', 'ERROR', 'Ok', 7, null, '2'];

/**
 * A random trace with orphans, several roots, parent cycles, duplicate ids, clock skew, zero and negative
 * durations, missing times, ids in hex, upper-case hex, base64 and garbage, ints as strings, odd enums and
 * entries that are not spans at all. For property tests: whatever it makes, reading must not throw.
 */
export function generateMessyTrace(seed: number, spans = 60): MessyTrace {
  const rng = new Rng(seed);
  const traceIds = [rng.hex(32), rng.hex(32)];
  const ids: string[] = [];
  const entries: unknown[] = [];
  const encode = (hex: string): unknown => {
    const r = rng.next();
    return r < 0.5 ? hex : r < 0.7 ? hex.toUpperCase() : r < 0.9 ? hexToBase64(hex) : r < 0.95 ? 'not-an-id!' : 42;
  };
  const base = Date.UTC(2026, 10, 26);
  for (let i = 0; i < spans; i++) {
    const r = rng.next();
    if (r < 0.03) {
      entries.push(rng.pick([null, 5, 'span', [1, 2]]));
      continue;
    }
    if (r < 0.08 && entries.length > 0) {
      // A duplicate: the same object again, or another span reusing an id.
      const earlier = rng.pick(entries);
      entries.push(
        typeof earlier === 'object' && earlier !== null && rng.chance(0.5)
          ? earlier
          : { ...(earlier as object), name: 'duplicate' }
      );
      continue;
    }
    const id = rng.hex(16);
    ids.push(id);
    const start = base + rng.int(0, 10_000);
    const p = rng.next();
    const parent =
      p < 0.2
        ? undefined
        : p < 0.3
          ? rng.hex(16) // not in the trace
          : p < 0.35
            ? id // its own parent
            : p < 0.4
              ? '0000000000000000'
              : p < 0.45
                ? ''
                : rng.pick(ids.length > 1 && rng.chance(0.2) ? ids : ids.slice(0, Math.max(1, ids.length - 1)));
    const t = rng.next();
    const startTimeUnixNano: unknown =
      t < 0.04 ? undefined : t < 0.06 ? 'yesterday' : t < 0.5 ? nanos(start) : Number(nanos(start));
    const e = rng.next();
    const endTimeUnixNano: unknown =
      e < 0.05
        ? undefined
        : e < 0.12
          ? nanos(start - rng.int(1, 500)) // ends before it starts
          : e < 0.2
            ? nanos(start) // zero duration
            : nanos(start + rng.int(1, 5_000));
    const span: Record<string, unknown> = {
      traceId: encode(rng.chance(0.9) ? traceIds[0]! : traceIds[1]!),
      spanId: rng.chance(0.03) ? undefined : encode(id),
      name: rng.chance(0.03) ? 17 : rng.pick(NAMES),
      kind: rng.pick(KINDS),
      startTimeUnixNano,
      endTimeUnixNano,
      status: rng.chance(0.8) ? { code: rng.pick(STATUS_CODES), message: 'x' } : 'broken',
      attributes: rng.chance(0.5)
        ? otlpAttributes({
            [QUANTUM_ATTR.jobId.key]: rng.hex(8),
            [QUANTUM_ATTR.provider.key]: rng.pick(['ibm', 'braket', 'azure', 'nowhere']),
            [QUANTUM_ATTR.shots.key]: rng.int(1, 4000),
          })
        : [
            { key: 'garbage', value: { intValue: 'abc' } },
            { key: 7 },
            null,
            { key: 'nested', value: { arrayValue: 5 } },
          ],
    };
    if (parent !== undefined) {
      span.parentSpanId = encode(parent);
    }
    entries.push(span);
  }
  // A cycle between two existing spans, when there are enough.
  const objects = entries.filter(
    (x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
  );
  if (objects.length > 4 && rng.chance(0.7)) {
    const [a, b] = [objects[1]!, objects[3]!];
    if (typeof a.spanId === 'string' && typeof b.spanId === 'string') {
      a.parentSpanId = b.spanId;
      b.parentSpanId = a.spanId;
    }
  }
  const half = Math.floor(entries.length / 2);
  return {
    document: {
      resourceSpans: [
        {
          resource: { attributes: otlpAttributes({ [RESOURCE_ATTR.serviceName]: 'messy' }) },
          scopeSpans: [{ scope: { name: 'messy' }, spans: entries.slice(0, half) }],
        },
        'not a resource',
        { resource: {}, scopeSpans: [{ spans: entries.slice(half) }, 12, { spans: 'nope' }] },
      ],
    },
    spanEntries: entries.length,
  };
}
