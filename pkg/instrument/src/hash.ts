import * as crypto from 'node:crypto';
import * as conventions from '@hybridlens/conventions';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { HASH_PREFIX_LENGTH } = conventions;

/**
 * SHA-256 as hex. The one-shot crypto.hash() (Node >= 20.12) skips the Hash object and costs about
 * half of createHash() per call; older Node versions get the same digest the long way.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The only form in which a prompt, model output or result leaves the process. */
export function hashPrefix(text: string): string {
  return sha256Hex(text).slice(0, HASH_PREFIX_LENGTH);
}
