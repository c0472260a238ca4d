import { createHash } from 'node:crypto';

/**
 * A uuid (version 5 layout: a SHA-1 name-based uuid) from the parts that name a record,
 * so that importing the same record again gives the same event id and the store's
 * idempotent append makes the second import a no-op.
 */
export function deterministicEventId(...parts: readonly string[]): string {
  return uuidFromDigest(createHash('sha1').update(parts.join('\u001f')).digest());
}

/** A SHA-1 digest laid out as a version 5 uuid. */
export function uuidFromDigest(digest: Buffer): string {
  const bytes = Buffer.from(digest);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One digest naming a command (source, child, key) and what it says: its first 22 base64url
 * characters are the content hash kept in metadata, and it is the first event's id as it is
 * (one hash per command instead of two on the bulk path).
 */
export function commandDigest(source: string, childId: string, key: string, content: unknown): { hash: string; digest: Buffer } {
  const digest = createHash('sha1').update(`${source}\u001f${childId}\u001f${key}\u001f${JSON.stringify(content)}`).digest();
  return { hash: digest.toString('base64url').slice(0, 22), digest };
}
