import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AuthConfigError } from '../../../libs/auth/auth-config-error';
import { readAuthSecret } from '../../../libs/auth/auth-secret';
import { mintToken, parseTtl } from '../../../libs/auth/token-minter';
import { TOKEN_ROLES } from '../../../libs/auth/token-roles';

interface TokenOptions {
  role: string;
  sub: string;
  ttl: string;
}

/**
 * `iro token --role iro --sub iro-7 [--ttl 8h]`: a bearer token for local use, signed
 * with the embedded secret in DATA_DIR (the running server's). Prints the token alone,
 * so `TOKEN=$(npx iro token ...)` works.
 */
@Command({
  name: 'token',
  description:
    `Mint a bearer token for local use (embedded auth). Roles: ${TOKEN_ROLES.join(', ')}. ` +
    'Signed with DATA_DIR/auth-secret (DATA_DIR default ./data), created when the API first starts.',
})
export class TokenCommand extends CommandRunner {
  async run(_args: string[], options: TokenOptions): Promise<void> {
    try {
      if (process.env.AUTH_JWKS_URL?.trim()) {
        throw new Error('AUTH_JWKS_URL is set: the API accepts only tokens from your identity provider, so a local token would be refused. Unset it to use the embedded secret.');
      }
      const dataDir = resolve(process.cwd(), process.env.DATA_DIR?.trim() || './data');
      const secret = readAuthSecret(dataDir);
      const token = await mintToken(secret, { role: options.role, sub: options.sub, ttlSeconds: parseTtl(options.ttl) });
      process.stdout.write(`${token}\n`);
    } catch (error) {
      process.stderr.write(`iro token: ${error instanceof AuthConfigError ? error.problems.join('; ') : (error as Error).message}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--role <role>', description: `the role: ${TOKEN_ROLES.join(', ')}`, required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--sub <userId>', description: 'the user id the token speaks for (recorded as the actor of every event)', required: true })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <duration>', description: 'how long it is valid: 90s, 30m, 8h (default), 7d; at most 30d', defaultValue: '8h' })
  parseTtl(value: string): string {
    return value;
  }
}
