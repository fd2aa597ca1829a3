import { ATTRIBUTE_NAMESPACE, RAW_CONTENT_ATTRIBUTES, RAW_CONTENT_EVENTS } from '@hybridlens/conventions';

// Read once: imported bindings compile to getters in CommonJS, too slow for a per-attribute check.
const RAW_EVENTS = new Set(RAW_CONTENT_EVENTS);
const RAW_KEYS: readonly string[] = [...RAW_CONTENT_ATTRIBUTES];
const GEN_AI_PREFIX = ATTRIBUTE_NAMESPACE.genAi;

/** Whether an attribute key carries a raw prompt or model output (the key, or a key under it). */
export function isRawContentKey(key: string): boolean {
  // Every listed key is a GenAI one: skip the list for all other keys (the common case).
  if (!key.startsWith(GEN_AI_PREFIX)) {
    return false;
  }
  for (const raw of RAW_KEYS) {
    if (key === raw || (key.startsWith(raw) && key.charCodeAt(raw.length) === 46) /* . */) {
      return true;
    }
  }
  return false;
}

export function isRawContentEvent(name: string): boolean {
  return RAW_EVENTS.has(name);
}
