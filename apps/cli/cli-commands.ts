import { Provider } from '@nestjs/common';
import { ExportCommand, ExportSsda903Command } from './commands/export-ssda903.command';
import { ImportCinCommand } from './commands/import-cin.command';
import { ImportCommand } from './commands/import-returns.command';
import { ImportSsda903Command } from './commands/import-ssda903.command';
import { ReportAnnualCommand, ReportCommand } from './commands/report-annual.command';
import { ProjectionsCommand, ProjectionsRebuildCommand } from './commands/projections-rebuild.command';
import { SeedCommand } from './commands/seed.command';
import { ServeCommand } from './commands/serve.command';
import { TokenCommand } from './commands/token.command';

/**
 * Every `iro` command, one nest-commander @Command class each in ./commands/.
 * To add one: write apps/cli/commands/<name>.command.ts and list its class here
 * (with any @SubCommand classes and providers it needs).
 */
export const CLI_COMMANDS: Provider[] = [ServeCommand, TokenCommand, ReportCommand, ReportAnnualCommand, ProjectionsCommand, ProjectionsRebuildCommand,
  ImportCommand, ImportSsda903Command, ImportCinCommand, ExportCommand, ExportSsda903Command, SeedCommand];
