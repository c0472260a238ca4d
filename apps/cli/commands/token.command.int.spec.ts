import { ensureAuthSecret } from '../../../libs/auth/auth-secret';
import { embeddedAuthSettings } from '../../../libs/auth/auth-settings';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { createTokenVerifier } from '../../../libs/auth/token-verifier';
import { TokenCommand } from './token.command';

const dataDir = useTempFolder('iro-token-');

describe('iro token', () => {
  let out: string;
  let err: string;
  const env = { ...process.env };

  beforeEach(() => {
    process.env.DATA_DIR = dataDir();
    delete process.env.AUTH_JWKS_URL;
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
    process.exitCode = undefined;
  });

  it('prints only a token the server (same DATA_DIR) accepts, for the role and user asked', async () => {
    const secret = ensureAuthSecret(dataDir());
    await new TokenCommand().run([], { role: 'auditor', sub: 'aud-3', ttl: '30m' });
    expect(process.exitCode).toBeUndefined();
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await expect(createTokenVerifier(embeddedAuthSettings(secret)).verify(out.trim())).resolves.toEqual({ userId: 'aud-3', role: 'auditor' });
  });

  it('says what to do when the server has not created its secret yet', async () => {
    await new TokenCommand().run([], { role: 'iro', sub: 'iro-1', ttl: '8h' });
    expect(process.exitCode).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/auth-secret does not exist: start the API once/);
  });

  it('refuses a bad role or lifetime, and refuses when a provider issues the tokens', async () => {
    ensureAuthSecret(dataDir());
    await new TokenCommand().run([], { role: 'superuser', sub: 'x', ttl: '8h' });
    expect(err).toMatch(/--role must be one of iro, manager, panel, auditor, admin/);
    await new TokenCommand().run([], { role: 'iro', sub: 'x', ttl: 'forever' });
    expect(err).toMatch(/--ttl must be a number and a unit/);
    process.env.AUTH_JWKS_URL = 'https://login.example.org/keys';
    await new TokenCommand().run([], { role: 'iro', sub: 'x', ttl: '8h' });
    expect(err).toMatch(/AUTH_JWKS_URL is set/);
    expect(out).toBe('');
  });
});
