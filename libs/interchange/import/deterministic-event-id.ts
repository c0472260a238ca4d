import { hash } from 'node:crypto';

/** SHA-1 of a text in one call (no Hash object per record on the bulk path). */
const sha1 = (text: string): Buffer => hash('sha1', text, 'buffer');

/**
 * A uuid (version 5 layout: a SHA-1 name-based uuid) from the parts that name a record,
 * so that importing the same record again gives the same event id and the store's
 * idempotent append makes the second import a no-op.
 */
export function deterministicEventId(...parts: readonly string[]): string {
  return uuidFromDigest(sha1(parts.join('\u001f')));
}

const VARIANT_NIBBLE = '89ab';

/**
 * A SHA-1 digest laid out as a version 5 uuid (the digest itself is left as it is). Joined
 * rather than concatenated: the id is kept until the import appends, as one flat string.
 */
export function uuidFromDigest(digest: Buffer): string {
  const hex = digest.toString('hex', 0, 16);
  // byte 6's high nibble becomes the version (5), byte 8's top two bits the variant (10)
  const variant = VARIANT_NIBBLE[(digest[8] >> 4) & 0x3];
  return [hex.slice(0, 8), hex.slice(8, 12), `5${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
}

/**
 * One digest naming a command (source, child, key) and what it says: its first 22 base64url
 * characters are the content hash kept in metadata, and it is the first event's id as it is
 * (one hash per command instead of two on the bulk path).
 */
export function commandDigest(source: string, childId: string, key: string, content: unknown): { hash: string; digest: Buffer } {
  const digest = sha1(`${source}\u001f${childId}\u001f${key}\u001f${JSON.stringify(content)}`);
  return { hash: digest.toString('base64url').slice(0, 22), digest };
}
