import { resolve } from 'node:path';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { readSsda903Folder } from '../../../libs/interchange/files/read-import-folder';
import { importSsda903Returns } from '../../../libs/interchange/ssda903/import-ssda903-return';
import { ImportCommandOptions, parseYearOption, runImport } from '../../../libs/interchange/files/import-command-support';

/** `iro import ssda903 <folder> [--year 2019] [--dry-run] [--skip-invalid-children] [--report issues.csv]` */
@SubCommand({
  name: 'ssda903',
  arguments: '<folder>',
  description:
    'Import an SSDA903 return: the CSV files in <folder>, recognised by their header rows (header, episodes, reviews; ' +
    'other 903 tables are reported as not imported). A folder of year folders (2018/, 2019/, ...) imports them all, ' +
    'oldest first. Nothing is imported if any row is invalid, unless --skip-invalid-children.',
})
export class ImportSsda903Command extends CommandRunner {
  async run([folder]: string[], options: ImportCommandOptions): Promise<void> {
    await runImport(
      (store, target) =>
        importSsda903Returns(readSsda903Folder(resolve(folder), options.year), {
          ...target, store, dryRun: options.dryRun, skipInvalidChildren: options.skipInvalidChildren,
        }),
      options,
    );
  }

  @Option({ flags: '--year <year>', description: 'the collection year, e.g. 2019 for 2019-20 (default: from the files)' })
  parseYear(value: string): number {
    return parseYearOption(value);
  }

  @Option({ flags: '--dry-run', description: 'check and decide everything, append nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--skip-invalid-children', description: 'import the children whose rows are all valid, list the others' })
  parseSkip(): boolean {
    return true;
  }

  @Option({ flags: '--report <file>', description: 'where to write the issues as CSV (default ./import-issues-ssda903.csv)' })
  parseReport(value: string): string {
    return value;
  }
}
