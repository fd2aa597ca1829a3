import { createHash } from 'node:crypto';
import * as conventions from '@hybridlens/conventions';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { HASH_PREFIX_LENGTH } = conventions;

/** The only form in which a prompt, model output or result leaves the process. */
export function hashPrefix(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_PREFIX_LENGTH);
}
