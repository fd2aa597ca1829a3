import { RAW_CONTENT_ATTRIBUTES, RAW_CONTENT_EVENTS } from '@hybridlens/conventions';

// Read once: imported bindings compile to getters in CommonJS, too slow for a per-attribute check.
const RAW_EVENTS = new Set(RAW_CONTENT_EVENTS);
const RAW_KEYS = new Set(RAW_CONTENT_ATTRIBUTES);
/** First dotted segments of the listed keys: every other key (the common case) is ruled out by one lookup. */
const RAW_ROOTS = new Set(RAW_CONTENT_ATTRIBUTES.map((key) => key.split('.')[0]!));

/** Whether an attribute key carries a raw prompt or model output (a listed key, or a key under one). */
export function isRawContentKey(key: string): boolean {
  let dot = key.indexOf('.');
  if (!RAW_ROOTS.has(dot === -1 ? key : key.slice(0, dot))) {
    return false;
  }
  if (RAW_KEYS.has(key)) {
    return true;
  }
  for (; dot !== -1; dot = key.indexOf('.', dot + 1)) {
    if (RAW_KEYS.has(key.slice(0, dot))) {
      return true;
    }
  }
  return false;
}

export function isRawContentEvent(name: string): boolean {
  return RAW_EVENTS.has(name);
}
