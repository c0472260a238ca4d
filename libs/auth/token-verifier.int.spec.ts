import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { embeddedAuthSettings, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, OidcAuthSettings } from './auth-settings';
import { AuthUnavailableError, InvalidTokenError, UnusableIdentityError } from './token-errors';
import { mintToken, parseTtl } from './token-minter';
import { createTokenVerifier } from './token-verifier';
import { VerifiedTokenCache } from './verified-token-cache';

const secret = new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!');
const now = () => Math.floor(Date.now() / 1000);

describe('embedded tokens (HS256)', () => {
  const verifier = createTokenVerifier(embeddedAuthSettings(secret));
  const signed = (claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number; key?: Uint8Array } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(options.iss ?? EMBEDDED_ISSUER)
      .setAudience(options.aud ?? EMBEDDED_AUDIENCE)
      .setExpirationTime(options.exp ?? now() + 60)
      .sign(options.key ?? secret);

  it('accepts a minted token and gives its user and role', async () => {
    const token = await mintToken(secret, { role: 'iro', sub: 'iro-7', ttlSeconds: parseTtl('8h') });
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'iro-7', role: 'iro' });
  });

  it.each([
    ['expired', () => signed({ sub: 'u1', role: 'admin' }, { exp: now() - 3600 }), /has expired/],
    ['signed with another secret', () => signed({ sub: 'u1', role: 'admin' }, { key: new TextEncoder().encode('x'.repeat(40)) }), /signature does not verify/],
    ['from another issuer', () => signed({ sub: 'u1', role: 'admin' }, { iss: 'elsewhere' }), /iss claim is not accepted/],
    ['for another audience', () => signed({ sub: 'u1', role: 'admin' }, { aud: 'elsewhere' }), /aud claim is not accepted/],
    ['not a JWT', async () => 'not.a.jwt', /not a valid signed JWT/],
    ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin', iss: EMBEDDED_ISSUER, aud: EMBEDDED_AUDIENCE, exp: now() + 60 })).toString('base64url')}.`, /algorithm|not a valid/],
  ])('refuses a token %s as invalid (401)', async (_case, token, message) => {
    const verified = verifier.verify(await token());
    await expect(verified).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verified).rejects.toThrow(message);
  });

  it('accepts a token again from memory while it lasts, and refuses it in full once it has expired', async () => {
    let clock = Date.now();
    const remembering = createTokenVerifier(embeddedAuthSettings(secret), new VerifiedTokenCache(100, () => clock));
    const token = await signed({ sub: 'iro-8', role: 'iro' }, { exp: now() + 2 });
    await expect(remembering.verify(token)).resolves.toEqual({ userId: 'iro-8', role: 'iro' });
    await expect(remembering.verify(token)).resolves.toEqual({ userId: 'iro-8', role: 'iro' });
    await expect(remembering.verify(`${token.slice(0, -2)}xx`)).rejects.toBeInstanceOf(InvalidTokenError);
    clock += 3_000;
    jest.useFakeTimers({ now: clock, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      jest.setSystemTime(clock + 60_000);
      await expect(remembering.verify(token)).rejects.toThrow(/has expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a token a second after its exp: the service is its own issuer, on its own clock, so no skew is allowed', async () => {
    const token = await signed({ sub: 'u1', role: 'admin' }, { exp: now() - 1 });
    await expect(verifier.verify(token)).rejects.toThrow(/has expired/);
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ sub: 'u1', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(EMBEDDED_ISSUER).setAudience(EMBEDDED_AUDIENCE).sign(secret);
    await expect(verifier.verify(token)).rejects.toThrow(/exp claim/);
  });

  it.each([
    [{ sub: 'u1', role: 'system' }, /none of this service's roles/],
    [{ sub: 'u1' }, /none of this service's roles/],
    [{ sub: 'u1', role: ['iro', 'admin'] }, /several roles \(iro, admin\)/],
    [{ sub: 'has spaces', role: 'iro' }, /sub claim must be a user id/],
    [{ role: 'iro' }, /sub claim must be a user id/],
  ])('refuses a genuine token with an unusable identity %j (403)', async (claims, message) => {
    const verified = verifier.verify(await signed(claims));
    await expect(verified).rejects.toBeInstanceOf(UnusableIdentityError);
    await expect(verified).rejects.toThrow(message);
  });

  it('mints only for known roles, valid user ids and sensible lifetimes', async () => {
    await expect(mintToken(secret, { role: 'system', sub: 'x', ttlSeconds: 60 })).rejects.toThrow(/--role must be one of iro, manager, panel, auditor, admin/);
    await expect(mintToken(secret, { role: 'iro', sub: 'a b', ttlSeconds: 60 })).rejects.toThrow(/--sub must be a user id/);
    expect(parseTtl('30m')).toBe(1800);
    expect(parseTtl('7d')).toBe(604_800);
    expect(() => parseTtl('8 hours')).toThrow(/--ttl must be a number and a unit/);
    expect(() => parseTtl('90d')).toThrow(/between 1s and 30d/);
  });
});

describe('provider tokens (JWKS)', () => {
  let server: Server;
  let settings: OidcAuthSettings;
  let privateKey: import('jose').KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    settings = {
      mode: 'oidc',
      jwksUrl: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`),
      issuer: 'https://login.example.org/tenant/v2.0',
      audience: ['api://iro-oversight'],
      roleClaims: ['roles', 'role'],
      userClaim: 'oid',
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const providerToken = (claims: Record<string, unknown>, exp = now() + 60) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(settings.issuer)
      .setAudience('api://iro-oversight')
      .setExpirationTime(exp)
      .sign(privateKey);

  it('accepts a provider\'s token up to 30 s past its exp, for skew between its clock and this one, and no later', async () => {
    const verifier = createTokenVerifier(settings);
    await expect(verifier.verify(await providerToken({ oid: 'u-1', roles: ['iro'] }, now() - 10))).resolves.toEqual({ userId: 'u-1', role: 'iro' });
    await expect(verifier.verify(await providerToken({ oid: 'u-1', roles: ['iro'] }, now() - 40))).rejects.toThrow(/has expired/);
  });

  it('takes the user from the configured claim and the role from the roles claim, ignoring roles of other apps', async () => {
    const token = await providerToken({ sub: 'pairwise', oid: 'f1b2c3d4-0000-4000-8000-000000000001', roles: ['Other.App', 'manager'] });
    await expect(createTokenVerifier(settings).verify(token)).resolves.toEqual({ userId: 'f1b2c3d4-0000-4000-8000-000000000001', role: 'manager' });
  });

  it('reads a role from a dotted claim path', async () => {
    const token = await providerToken({ oid: 'u-1', realm_access: { roles: ['panel'] } });
    await expect(createTokenVerifier({ ...settings, roleClaims: ['realm_access.roles'] }).verify(token)).resolves.toEqual({ userId: 'u-1', role: 'panel' });
  });

  it('refuses an HS256 token even when signed with a secret an attacker chose', async () => {
    const forged = await new SignJWT({ oid: 'u-1', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(settings.issuer).setAudience('api://iro-oversight').setExpirationTime(now() + 60).sign(secret);
    await expect(createTokenVerifier(settings).verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('answers unavailable, not invalid, when the provider cannot be reached', async () => {
    const token = await providerToken({ oid: 'u-1', roles: ['iro'] });
    const unreachable = createTokenVerifier({ ...settings, jwksUrl: new URL('http://127.0.0.1:9/keys') });
    await expect(unreachable.verify(token)).rejects.toBeInstanceOf(AuthUnavailableError);
  });
});
