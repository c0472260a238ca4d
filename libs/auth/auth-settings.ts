import { AuthConfigError } from './auth-config-error';
import { ensureAuthSecret } from './auth-secret';

/** Issuer and audience of the tokens the embedded default mints and accepts. */
export const EMBEDDED_ISSUER = 'iro-oversight';
export const EMBEDDED_AUDIENCE = 'iro-oversight';

/** Claims tried in order for the role when AUTH_ROLE_CLAIM is not set. */
export const DEFAULT_ROLE_CLAIMS = ['roles', 'role'] as const;

export interface EmbeddedAuthSettings {
  mode: 'embedded';
  /** HS256 secret */
  secret: Uint8Array;
}

export interface OidcAuthSettings {
  mode: 'oidc';
  jwksUrl: URL;
  issuer: string;
  audience: string[];
  /** claim names (or dotted paths, e.g. realm_access.roles) tried in order for the role */
  roleClaims: string[];
  /** the claim holding the user id recorded as the actor (default sub) */
  userClaim: string;
}

export type AuthSettings = EmbeddedAuthSettings | OidcAuthSettings;

/** For tests and the embedded default: tokens signed with this HS256 secret. */
export function embeddedAuthSettings(secret: Uint8Array | string): EmbeddedAuthSettings {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (bytes.length < 32) throw new AuthConfigError(['the HS256 secret must be at least 32 bytes']);
  return { mode: 'embedded', secret: bytes };
}

const OIDC_ONLY = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLE_CLAIM', 'AUTH_USER_CLAIM'] as const;
const CLAIM_NAME = /^[^\s,]{1,200}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the auth settings from the environment and checks every one, reporting all
 * problems at once. Without AUTH_JWKS_URL the embedded default applies: an HS256
 * secret generated into `<dataDir>/auth-secret` on first start.
 */
export function loadAuthSettings(env: NodeJS.ProcessEnv, dataDir: string): AuthSettings {
  const setting = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const jwks = setting('AUTH_JWKS_URL');
  const problems: string[] = [];

  if (jwks === undefined) {
    for (const name of OIDC_ONLY) {
      if (setting(name) !== undefined) {
        problems.push(
          `${name} is set but AUTH_JWKS_URL is not: set AUTH_JWKS_URL to use an OpenID Connect provider, or unset ${name} to use the embedded secret`,
        );
      }
    }
    if (problems.length > 0) throw new AuthConfigError(problems);
    return { mode: 'embedded', secret: ensureAuthSecret(dataDir) };
  }

  let jwksUrl: URL | undefined;
  try {
    jwksUrl = new URL(jwks);
    if (jwksUrl.protocol !== 'https:' && !(jwksUrl.protocol === 'http:' && LOOPBACK_HOSTS.has(jwksUrl.hostname))) {
      problems.push(`AUTH_JWKS_URL must be an https:// URL (http:// only for localhost), got ${jwks}`);
    }
  } catch {
    problems.push(`AUTH_JWKS_URL is not a URL: ${jwks} (e.g. https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys)`);
  }

  const issuer = setting('AUTH_ISSUER');
  if (issuer === undefined) {
    problems.push(
      'AUTH_ISSUER is required with AUTH_JWKS_URL: the iss your provider puts in its tokens (e.g. https://login.microsoftonline.com/<tenant>/v2.0)',
    );
  }

  const audience = (setting('AUTH_AUDIENCE') ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (audience.length === 0) {
    problems.push('AUTH_AUDIENCE is required with AUTH_JWKS_URL: the aud of tokens issued for this API (its application id URI or client id; several separated by commas)');
  }

  const roleClaim = setting('AUTH_ROLE_CLAIM');
  if (roleClaim !== undefined && !CLAIM_NAME.test(roleClaim)) {
    problems.push(`AUTH_ROLE_CLAIM must be one claim name (or dotted path such as realm_access.roles), got "${roleClaim}"`);
  }
  const userClaim = setting('AUTH_USER_CLAIM') ?? 'sub';
  if (!CLAIM_NAME.test(userClaim)) {
    problems.push(`AUTH_USER_CLAIM must be one claim name (default sub), got "${userClaim}"`);
  }

  if (problems.length > 0) throw new AuthConfigError(problems);
  return {
    mode: 'oidc',
    jwksUrl: jwksUrl as URL,
    issuer: issuer as string,
    audience,
    roleClaims: roleClaim === undefined ? [...DEFAULT_ROLE_CLAIMS] : [roleClaim],
    userClaim,
  };
}

export const AUTH_SETTINGS_HELP = [
  'AUTH_JWKS_URL         an OpenID Connect provider\'s signing keys (https); unset: embedded HS256 secret in DATA_DIR/auth-secret',
  'AUTH_ISSUER           with AUTH_JWKS_URL: the iss of the provider\'s tokens',
  'AUTH_AUDIENCE         with AUTH_JWKS_URL: the aud of tokens for this API (comma-separated if several)',
  'AUTH_ROLE_CLAIM       with AUTH_JWKS_URL: the claim (or dotted path) holding the role (default: roles, then role)',
  'AUTH_USER_CLAIM       with AUTH_JWKS_URL: the claim holding the user id (default sub)',
];
