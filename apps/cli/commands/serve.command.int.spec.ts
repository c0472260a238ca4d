import { CommandFactory } from 'nest-commander';
import { CliModule } from '../cli.module';

/** What `iro serve --help` prints to standard output (commander's process.exit turned into an error). */
async function serveHelp(): Promise<string> {
  const argv = process.argv;
  process.argv = ['node', 'iro', 'serve', '--help'];
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  // nest-commander writes that error to standard error
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await CommandFactory.run(CliModule, { cliName: 'iro', logger: false, errorHandler: (error) => { throw error; } }).catch(() => undefined);
    return out;
  } finally {
    write.mockRestore();
    exit.mockRestore();
    quiet.mockRestore();
    process.argv = argv;
    process.exitCode = undefined;
  }
}

describe('iro serve --help', () => {
  // every variable `iro serve` reads (the README's Configuration, auth and hardening sections)
  const variables = [
    'PORT', 'DATA_DIR', 'EVENTSTORE_URL', 'MONGODB_URL', 'IRO_CONFIG', 'SQLITE_SYNCHRONOUS',
    'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLE_CLAIM', 'AUTH_USER_CLAIM',
    'CORS_ORIGINS', 'RATE_LIMIT_PER_MINUTE', 'REQUEST_BODY_LIMIT', 'LOG_LEVEL',
  ];

  it('lists every environment variable it reads, one line each', async () => {
    const help = await serveHelp();
    expect(help).toContain('Usage: iro serve');
    for (const name of variables) expect(help).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });
});
