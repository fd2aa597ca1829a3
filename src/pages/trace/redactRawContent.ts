import { map } from 'rxjs';
import type { DataFrame, Field } from '@grafana/data';
import type { CustomTransformOperator } from '@grafana/scenes';
import { isRawContentEvent, isRawContentKey } from '@hybridlens/traces';

/** Where a redacted trace frame says what it lost (`frame.meta.custom`). */
export const REDACTED_META_KEY = 'hybridlensRedacted';

/** What was taken out of a trace frame: how many attributes and events, and their distinct keys / names. */
export interface RedactedContent {
  count: number;
  keys: string[];
}

interface KeyValue {
  key?: unknown;
}

/** Key-value lists (span tags, resource tags, event fields, link tags) without the content-bearing keys. */
function withoutRawPairs(pairs: unknown, found: string[]): unknown {
  if (!Array.isArray(pairs)) {
    return pairs;
  }
  const kept = (pairs as KeyValue[]).filter((pair) => {
    const key = pair?.key;
    if (typeof key === 'string' && isRawContentKey(key)) {
      found.push(key);
      return false;
    }
    return true;
  });
  return kept.length === pairs.length ? pairs : kept;
}

/** A span's events (Grafana's `logs`): content events dropped whole, the others' fields filtered. */
function withoutRawEvents(logs: unknown, found: string[]): unknown {
  if (!Array.isArray(logs)) {
    return logs;
  }
  const out: unknown[] = [];
  for (const log of logs as Array<{ name?: unknown; fields?: unknown }>) {
    if (typeof log?.name === 'string' && isRawContentEvent(log.name)) {
      found.push(log.name);
      continue;
    }
    out.push(log && Array.isArray(log.fields) ? { ...log, fields: withoutRawPairs(log.fields, found) } : log);
  }
  return out;
}

/** A span's links (Grafana's `references`) with their attributes filtered. */
function withoutRawReferences(references: unknown, found: string[]): unknown {
  if (!Array.isArray(references)) {
    return references;
  }
  return (references as Array<{ tags?: unknown }>).map((ref) =>
    ref && Array.isArray(ref.tags) ? { ...ref, tags: withoutRawPairs(ref.tags, found) } : ref
  );
}

const FIELD_FILTER: Readonly<Record<string, (value: unknown, found: string[]) => unknown>> = {
  tags: withoutRawPairs,
  serviceTags: withoutRawPairs,
  logs: withoutRawEvents,
  references: withoutRawReferences,
};

/**
 * A trace frame (the shape Grafana's Tempo and Jaeger datasources give the traces panel) without raw prompts,
 * instructions or model output: attributes and events named in the contract's content lists are removed, and
 * `meta.custom[REDACTED_META_KEY]` says how many and which. Other frames pass unchanged.
 */
export function redactTraceFrame(frame: DataFrame): DataFrame {
  const found: string[] = [];
  const fields = frame.fields.map((field): Field => {
    const filter = FIELD_FILTER[field.name];
    return filter ? { ...field, values: field.values.map((value) => filter(value, found)) } : field;
  });
  if (found.length === 0) {
    return frame;
  }
  const redacted: RedactedContent = { count: found.length, keys: [...new Set(found)].sort() };
  return {
    ...frame,
    fields,
    meta: { ...frame.meta, custom: { ...frame.meta?.custom, [REDACTED_META_KEY]: redacted } },
  };
}

/** What the frames lost to redaction, summed (undefined when nothing was removed). */
export function redactedContentOf(frames: readonly DataFrame[]): RedactedContent | undefined {
  const all = frames.flatMap((f) => {
    const r = f.meta?.custom?.[REDACTED_META_KEY] as RedactedContent | undefined;
    return r ? [r] : [];
  });
  if (all.length === 0) {
    return undefined;
  }
  return { count: all.reduce((n, r) => n + r.count, 0), keys: [...new Set(all.flatMap((r) => r.keys))].sort() };
}

/** The raw trace view's data: every frame redacted before Grafana's traces panel sees it. */
export function redactRawContent(): CustomTransformOperator {
  return () => (source) => source.pipe(map((frames: DataFrame[]) => frames.map(redactTraceFrame)));
}
