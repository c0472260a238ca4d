import { CommandRunner } from 'nest-commander';

/**
 * A command that only groups sub-commands (`iro import`, `iro export`, `iro report`,
 * `iro projections`): run without one, or with one it does not have, it says so, prints
 * its help on standard error and exits 1.
 */
export abstract class CommandGroup extends CommandRunner {
  async run([given]: string[]): Promise<void> {
    const name = this.command.name();
    const known = this.command.commands.map((command) => command.name()).join(', ');
    process.stderr.write(
      given === undefined ? `iro ${name}: which one? (${known})\n` : `iro ${name}: there is no '${given}' (${known})\n`,
    );
    this.command.outputHelp({ error: true });
    process.exitCode = 1;
  }
}
