import { CommandFactory } from 'nest-commander';
import { CliModule } from '../cli.module';

/** `iro <group> [sub-command]` as the command line runs it, with commander's exits turned into errors */
async function runIro(args: string[]): Promise<{ exitCode: number | undefined; err: string }> {
  process.argv = ['node', 'iro', ...args];
  let err = '';
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  process.exitCode = undefined;
  try {
    await CommandFactory.run(CliModule, { cliName: 'iro', logger: false, errorHandler: (error) => { throw error; } }).catch(() => undefined);
    return { exitCode: typeof process.exitCode === 'number' ? process.exitCode : undefined, err };
  } finally {
    write.mockRestore();
    log.mockRestore();
    process.exitCode = undefined;
  }
}

describe('iro <group>: a command that only groups sub-commands', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it.each([
    [['import', 'xyz'], "iro import: there is no 'xyz' (ssda903, cin)"],
    [['export', 'xyz'], "iro export: there is no 'xyz' (ssda903)"],
    [['report', 'monthly'], "iro report: there is no 'monthly' (annual)"],
    [['projections'], 'iro projections: which one? (rebuild)'],
  ])('iro %j exits 1, saying so, with its help on standard error', async (args, said) => {
    const { exitCode, err } = await runIro(args);
    expect(exitCode).toBe(1);
    expect(err).toContain(said);
    expect(err).toContain('Usage: iro');
  });
});
