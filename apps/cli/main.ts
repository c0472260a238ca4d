import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

// `iro <command>` (bin/iro.js). Commands log what they do themselves; Nest's own start-up lines are kept quiet.
CommandFactory.run(CliModule, {
  cliName: 'iro',
  logger: ['error', 'warn'],
  errorHandler: (error) => {
    // commander reports unknown commands and --help itself; exit with its code
    const code = (error as Error & { exitCode?: number }).exitCode;
    process.exit(typeof code === 'number' ? code : 1);
  },
  // a command or an option parser that throws (e.g. `--year abc`): its message, and exit 1
  serviceErrorHandler: (error) => {
    console.error(`iro: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
