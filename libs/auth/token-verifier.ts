import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ID_PATTERN } from '../../src/events/streams';
import { AuthSettings, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER } from './auth-settings';
import { AuthUnavailableError, InvalidTokenError, UnusableIdentityError } from './token-errors';
import { isTokenRole, TOKEN_ROLES, TokenRole } from './token-roles';
import { VerifiedTokenCache } from './verified-token-cache';

export interface TokenActor {
  userId: string;
  role: TokenRole;
}

export interface TokenVerifier {
  /** resolves to the actor, or rejects with InvalidTokenError / UnusableIdentityError / AuthUnavailableError */
  verify(token: string): Promise<TokenActor>;
}

/** Asymmetric algorithms only for a provider's keys, so an HS256 token can never pass as one. */
const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/**
 * How far past its exp a provider's token is still taken: the provider's clock and this
 * server's may differ a little. Embedded tokens get none: this server signed them, by its own clock.
 */
const PROVIDER_CLOCK_SKEW_SECONDS = 30;

export function createTokenVerifier(settings: AuthSettings, cache = new VerifiedTokenCache()): TokenVerifier {
  const verifyInFull = verifierFor(settings);
  return {
    verify: async (token) => {
      const known = cache.actorFor(token);
      if (known) return known;
      const { actor, expiresAtSeconds } = await verifyInFull(token);
      cache.remember(token, actor, expiresAtSeconds);
      return actor;
    },
  };
}

/** Signature, issuer, audience, expiry and the actor's claims, checked in full. */
function verifierFor(settings: AuthSettings): (token: string) => Promise<{ actor: TokenActor; expiresAtSeconds: number }> {
  if (settings.mode === 'embedded') {
    return async (token) => {
      const payload = await verified(token, settings.secret, {
        issuer: EMBEDDED_ISSUER,
        audience: EMBEDDED_AUDIENCE,
        algorithms: ['HS256'],
        clockTolerance: 0,
      });
      return { actor: actorFrom(payload, ['role'], 'sub'), expiresAtSeconds: payload.exp! };
    };
  }
  const keys = createRemoteJWKSet(settings.jwksUrl, { timeoutDuration: 5000, cooldownDuration: 30_000 });
  return async (token) => {
    const payload = await verified(token, keys, {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: PROVIDER_ALGORITHMS,
      clockTolerance: PROVIDER_CLOCK_SKEW_SECONDS,
    });
    return { actor: actorFrom(payload, settings.roleClaims, settings.userClaim), expiresAtSeconds: payload.exp! };
  };
}

async function verified(
  token: string,
  key: Uint8Array | JWTVerifyGetKey,
  expected: { issuer: string; audience: string | string[]; algorithms: string[]; clockTolerance: number },
): Promise<JWTPayload> {
  try {
    const options = { ...expected, requiredClaims: ['exp'] };
    const { payload } =
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return payload;
  } catch (error) {
    throw explained(error);
  }
}

function explained(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new InvalidTokenError(`the token's ${error.claim} claim is not accepted (${error.reason})`);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthUnavailableError('the identity provider\'s signing keys could not be fetched');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidTokenError('the token is signed with an algorithm this service does not accept');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('the token\'s signature does not verify');
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError('the token is not a valid signed JWT');
  // fetch failures (DNS, refused connection) surface as plain errors from the remote key set
  return new AuthUnavailableError('the identity provider\'s signing keys could not be fetched');
}

function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  // a dotted path such as realm_access.roles (Keycloak)
  return name.split('.').reduce<unknown>(
    (value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined),
    payload,
  );
}

function actorFrom(payload: JWTPayload, roleClaims: readonly string[], userClaim: string): TokenActor {
  const userId = claimAt(payload, userClaim);
  if (typeof userId !== 'string' || !ID_PATTERN.test(userId)) {
    throw new UnusableIdentityError(`the token's ${userClaim} claim must be a user id of 1-64 letters, digits, _ or -`);
  }
  for (const claim of roleClaims) {
    const value = claimAt(payload, claim);
    if (value === undefined) continue;
    const named = (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.toLowerCase());
    const roles = [...new Set(named.filter(isTokenRole))];
    if (roles.length === 1) return { userId, role: roles[0] };
    if (roles.length > 1) {
      throw new UnusableIdentityError(
        `the token carries several roles (${roles.join(', ')}) in its ${claim} claim; this service needs exactly one per user`,
      );
    }
  }
  throw new UnusableIdentityError(
    `the token carries none of this service's roles (${TOKEN_ROLES.join(', ')}) in its ${roleClaims.join(' or ')} claim`,
  );
}
