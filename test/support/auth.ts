import { createHmac } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuthSettings, embeddedAuthSettings, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, EmbeddedAuthSettings } from '../../libs/auth/auth-settings';
import { TokenRole } from '../../libs/auth/token-roles';
import { AUTH_SETTINGS } from '../../libs/nest/actor/access-tokens';

/**
 * Authentication for tests. `requestAs(app, role, sub)` signs with whatever embedded
 * secret the app uses (by default the one generated in its data folder), so any app
 * from createApiApp works. Apps built with `auth: testAuth()` also accept
 * `tokenFor(role, sub)` / `authHeader(role, sub)`, signed with a fixed test secret.
 * Tokens are minted synchronously (HS256 with node:crypto); the app verifies them with
 * jose as any other.
 */
export const TEST_AUTH_SECRET = 'iro-oversight-test-secret-not-for-production';

export function testAuth(): EmbeddedAuthSettings {
  return embeddedAuthSettings(TEST_AUTH_SECRET);
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** A token for `sub` (default `<role>-1`) with this role, valid for an hour. */
export function tokenFor(role: TokenRole, sub: string = `${role}-1`, secret: string | Uint8Array = TEST_AUTH_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub, role, iss: EMBEDDED_ISSUER, aud: EMBEDDED_AUDIENCE, iat: now, exp: now + 3600 }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function authHeader(role: TokenRole = 'admin', sub?: string): { Authorization: string } {
  return { Authorization: `Bearer ${tokenFor(role, sub)}` };
}

/** A token this app accepts (it must use the embedded secret). */
export function tokenForApp(app: INestApplication, role: TokenRole, sub: string = `${role}-1`): string {
  const settings = app.get<AuthSettings>(AUTH_SETTINGS, { strict: false });
  if (settings.mode !== 'embedded') throw new Error('tokenForApp needs an app with embedded auth');
  return tokenFor(role, sub, settings.secret);
}

/**
 * A supertest agent that sends a token on every request (default: an admin):
 * `requestAs(app).post('/children').send(...)` in place of `request(app.getHttpServer())`.
 */
export function requestAs(app: INestApplication, role: TokenRole = 'admin', sub?: string) {
  return request.agent(app.getHttpServer()).set('Authorization', `Bearer ${tokenForApp(app, role, sub)}`);
}
