import { Command } from 'nest-commander';
import { CommandGroup } from './command-group';
import { ImportCinCommand } from './import-cin.command';
import { ImportSsda903Command } from './import-ssda903.command';

/** `iro import <source>` */
@Command({
  name: 'import',
  description: 'Import a council\'s history (ssda903: SSDA903 returns; cin: CIN census XML) into the event store, validated first',
  subCommands: [ImportSsda903Command, ImportCinCommand],
})
export class ImportCommand extends CommandGroup {}
