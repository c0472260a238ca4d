import { hash } from 'node:crypto';

/**
 * SHA-1 of a text as 40 hex digits, in one call: no Hash object and no Buffer per record on
 * the bulk path (the id, the content hash and a later event's id are all read off the hex).
 */
const sha1Hex = (text: string): string => hash('sha1', text, 'hex');

/**
 * A uuid (version 5 layout: a SHA-1 name-based uuid) from the parts that name a record,
 * so that importing the same record again gives the same event id and the store's
 * idempotent append makes the second import a no-op.
 */
export function deterministicEventId(...parts: readonly string[]): string {
  return uuidFromDigest(sha1Hex(parts.join('\u001f')));
}

const VARIANT_DIGIT = '89ab';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DASH = 0x2d;
const hexValue = (hex: string, at: number): number => {
  const code = hex.charCodeAt(at);
  return code <= 0x39 ? code - 0x30 : code - 0x57; // '0'-'9', 'a'-'f'
};

// Written into scratch bytes and read off as one string: on the bulk path an id and a hash are
// made for every record, and building them from pieces would leave several strings each.
const uuidBytes = Buffer.alloc(36);
const hashBytes = Buffer.alloc(22);

/**
 * A SHA-1 digest (hex) laid out as a version 5 uuid: byte 6's high nibble becomes the version
 * (5), byte 8's top two bits the variant (10).
 */
export function uuidFromDigest(hex: string): string {
  let out = 0;
  for (let at = 0; at < 32; at += 1) {
    if (at === 8 || at === 12 || at === 16 || at === 20) uuidBytes[out++] = DASH;
    uuidBytes[out++] = at === 12 ? 0x35 : at === 16 ? VARIANT_DIGIT.charCodeAt(hexValue(hex, 16) & 0x3) : hex.charCodeAt(at);
  }
  return uuidBytes.toString('latin1', 0, 36);
}

/**
 * The first 22 characters of the digest in base64url (its first 132 bits): every 3 hex
 * digits (12 bits) are 2 base64url characters, so 33 hex digits give exactly 22.
 */
function contentHashOf(hex: string): string {
  for (let at = 0, out = 0; at < 33; at += 3) {
    const bits = (hexValue(hex, at) << 8) | (hexValue(hex, at + 1) << 4) | hexValue(hex, at + 2);
    hashBytes[out++] = BASE64URL.charCodeAt(bits >> 6);
    hashBytes[out++] = BASE64URL.charCodeAt(bits & 0x3f);
  }
  return hashBytes.toString('latin1', 0, 22);
}

/**
 * One digest naming a command (source, child, key) and what it says: its first 22 base64url
 * characters are the content hash kept in metadata, and it is the first event's id as it is
 * (one hash per command instead of two on the bulk path). `digest` is the SHA-1 in hex.
 */
export function commandDigest(source: string, childId: string, key: string, content: unknown): { hash: string; digest: string } {
  const digest = sha1Hex(`${source}\u001f${childId}\u001f${key}\u001f${JSON.stringify(content)}`);
  return { hash: contentHashOf(digest), digest };
}
