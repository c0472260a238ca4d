import { resolve } from 'node:path';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { importCinCensuses } from '../../../libs/interchange/cin/import-cin-census';
import { readCinFiles } from '../../../libs/interchange/files/read-import-folder';
import { ImportCommandOptions, parseYearOption, runImport } from '../../../libs/interchange/files/import-command-support';

/** `iro import cin <file.xml...> [--year 2019] [--dry-run] [--skip-invalid-children] [--report issues.csv]` */
@SubCommand({
  name: 'cin',
  arguments: '<files...>',
  description:
    'Import the child protection records of CIN census XML files (a folder imports its *.xml files, oldest census first). ' +
    'Nothing is imported if any child is invalid, unless --skip-invalid-children.',
})
export class ImportCinCommand extends CommandRunner {
  async run(paths: string[], options: ImportCommandOptions): Promise<void> {
    await runImport(
      (store, target) =>
        importCinCensuses(readCinFiles(paths.map((path) => resolve(path))), {
          ...target, store, year: options.year, dryRun: options.dryRun, skipInvalidChildren: options.skipInvalidChildren,
        }),
      options,
    );
  }

  @Option({ flags: '--year <year>', description: 'the collection year of a single census (default: its ReferenceDate)' })
  parseYear(value: string): number {
    return parseYearOption(value);
  }

  @Option({ flags: '--dry-run', description: 'check and decide everything, append nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--skip-invalid-children', description: 'import the children whose records are all valid, list the others' })
  parseSkip(): boolean {
    return true;
  }

  @Option({ flags: '--report <file>', description: 'where to write the issues as CSV (default ./import-issues-cin.csv)' })
  parseReport(value: string): string {
    return value;
  }
}
