import { SignJWT } from 'jose';
import { ID_PATTERN } from '../../src/events/streams';
import { EMBEDDED_AUDIENCE, EMBEDDED_ISSUER } from './auth-settings';
import { isTokenRole, TOKEN_ROLES, TokenRole } from './token-roles';

const TTL = /^(\d{1,6})([smhd])$/;
const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** A locally minted token lives at most this long; people sign in again after. */
export const MAX_TTL_SECONDS = 30 * 86_400;

/** `8h`, `30m`, `7d`, `90s` -> seconds; throws a message fit for the command line otherwise. */
export function parseTtl(ttl: string): number {
  const match = TTL.exec(ttl.trim());
  if (!match) throw new Error(`--ttl must be a number and a unit s, m, h or d (e.g. 8h), got "${ttl}"`);
  const seconds = Number(match[1]) * SECONDS_PER_UNIT[match[2]];
  if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
    throw new Error(`--ttl must be between 1s and ${MAX_TTL_SECONDS / 86_400}d, got "${ttl}"`);
  }
  return seconds;
}

export interface TokenRequest {
  role: string;
  sub: string;
  ttlSeconds: number;
  /** seconds since the epoch; defaults to now */
  issuedAt?: number;
}

/** Mints an embedded-mode token (HS256, this service as issuer and audience). */
export async function mintToken(secret: Uint8Array, request: TokenRequest): Promise<string> {
  if (!isTokenRole(request.role)) {
    throw new Error(`--role must be one of ${TOKEN_ROLES.join(', ')}, got "${request.role}"`);
  }
  if (!ID_PATTERN.test(request.sub)) {
    throw new Error(`--sub must be a user id of 1-64 letters, digits, _ or -, got "${request.sub}"`);
  }
  const issuedAt = request.issuedAt ?? Math.floor(Date.now() / 1000);
  const role: TokenRole = request.role;
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(EMBEDDED_ISSUER)
    .setAudience(EMBEDDED_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(secret);
}
