import { createHash } from 'node:crypto';

/**
 * A uuid (version 5 layout: a SHA-1 name-based uuid) from the parts that name a record,
 * so that importing the same record again gives the same event id and the store's
 * idempotent append makes the second import a no-op.
 */
export function deterministicEventId(...parts: readonly string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u001f')).digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A short digest of what a record says, to tell a corrected record from the same one. */
export function contentHash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
