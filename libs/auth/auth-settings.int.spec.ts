import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempFolder } from '../testing/temp-folder';
import { AuthConfigError } from './auth-config-error';
import { authSecretPath, ensureAuthSecret, readAuthSecret } from './auth-secret';
import { loadAuthSettings } from './auth-settings';

const dataDir = useTempFolder('iro-auth-');

describe('auth settings', () => {
  const problemsOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof AuthConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected an AuthConfigError');
  };

  it('generates the embedded secret on first start, readable by its owner only, and keeps it', () => {
    const settings = loadAuthSettings({}, join(dataDir(), 'data'));
    expect(settings.mode).toBe('embedded');
    const path = authSecretPath(join(dataDir(), 'data'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadAuthSettings({}, join(dataDir(), 'data'));
    expect(again.mode === 'embedded' && Buffer.from(again.secret).equals(Buffer.from(settings.mode === 'embedded' ? settings.secret : []))).toBe(true);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url')).toHaveLength(32);
  });

  it('refuses a secret file other users can read, saying how to fix it', () => {
    ensureAuthSecret(dataDir());
    chmodSync(authSecretPath(dataDir()), 0o644);
    expect(problemsOf(() => readAuthSecret(dataDir()))).toEqual([
      expect.stringMatching(/can be read by other users \(mode 644\): run chmod 600/),
    ]);
  });

  it('refuses a secret too short for HS256', () => {
    writeFileSync(authSecretPath(dataDir()), Buffer.alloc(8).toString('base64url'), { mode: 0o600 });
    expect(problemsOf(() => readAuthSecret(dataDir()))).toEqual([expect.stringMatching(/holds 8 bytes; .* at least 32/)]);
  });

  it('says when the CLI looks for a secret that was never created', () => {
    expect(problemsOf(() => readAuthSecret(join(dataDir(), 'nowhere')))).toEqual([expect.stringMatching(/does not exist: start the API once/)]);
  });

  it('refuses provider settings without AUTH_JWKS_URL, one message per setting', () => {
    expect(problemsOf(() => loadAuthSettings({ AUTH_ISSUER: 'https://idp', AUTH_ROLE_CLAIM: 'groups' }, dataDir()))).toEqual([
      expect.stringMatching(/^AUTH_ISSUER is set but AUTH_JWKS_URL is not/),
      expect.stringMatching(/^AUTH_ROLE_CLAIM is set but AUTH_JWKS_URL is not/),
    ]);
  });

  it('reports every bad provider setting at once', () => {
    expect(problemsOf(() => loadAuthSettings({ AUTH_JWKS_URL: 'http://idp.example.org/keys', AUTH_ROLE_CLAIM: 'two words' }, dataDir()))).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL must be an https:\/\/ URL/),
      expect.stringMatching(/^AUTH_ISSUER is required with AUTH_JWKS_URL/),
      expect.stringMatching(/^AUTH_AUDIENCE is required with AUTH_JWKS_URL/),
      expect.stringMatching(/^AUTH_ROLE_CLAIM must be one claim name/),
    ]);
    expect(problemsOf(() => loadAuthSettings({ AUTH_JWKS_URL: 'not a url', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, dataDir()))).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL is not a URL/),
    ]);
  });

  it('reads a provider configuration, roles from roles then role unless a claim is named', () => {
    const settings = loadAuthSettings(
      { AUTH_JWKS_URL: 'https://login.example.org/keys', AUTH_ISSUER: 'https://login.example.org/v2.0', AUTH_AUDIENCE: 'api://iro, iro-client' },
      dataDir(),
    );
    expect(settings).toEqual({
      mode: 'oidc',
      jwksUrl: new URL('https://login.example.org/keys'),
      issuer: 'https://login.example.org/v2.0',
      audience: ['api://iro', 'iro-client'],
      roleClaims: ['roles', 'role'],
      userClaim: 'sub',
    });
    const named = loadAuthSettings(
      { AUTH_JWKS_URL: 'http://localhost:8080/keys', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_ROLE_CLAIM: 'realm_access.roles', AUTH_USER_CLAIM: 'oid' },
      dataDir(),
    );
    expect(named).toMatchObject({ roleClaims: ['realm_access.roles'], userClaim: 'oid' });
  });
});
