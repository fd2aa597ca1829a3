import { createHash } from 'node:crypto';
import { HASH_PREFIX_LENGTH } from '@hybridlens/conventions';

/** The only form in which a prompt, model output or result leaves the process. */
export function hashPrefix(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_PREFIX_LENGTH);
}
