import { createHash } from 'node:crypto';
import { nameUuidWith } from '../../../src-shared/domain/name-uuid';

/** A name-based UUID (src-shared/domain/name-uuid.ts) with Node's SHA-1. */
export function nameUuid(name: string): string {
  return nameUuidWith((text) => createHash('sha1').update(text).digest(), name);
}
