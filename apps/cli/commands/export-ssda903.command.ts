import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { exportSsda903Tables } from '../../../libs/interchange/ssda903/export-ssda903-tables';
import { openImportTarget, parseYearOption } from '../../../libs/interchange/files/import-command-support';
import { CommandGroup } from './command-group';

/** `iro export ssda903 --year 2019 <folder>` */
@SubCommand({
  name: 'ssda903',
  arguments: '<folder>',
  description:
    'Write the SSDA903 episodes and reviews tables for a collection year (2019 = 2019-20) from the events, in the DfE ' +
    'format (episodes.csv, reviews.csv in <folder>), to diff against the return the council submitted.',
})
export class ExportSsda903Command extends CommandRunner {
  async run([folder]: string[], options: { year?: number }): Promise<void> {
    try {
      if (options.year === undefined) throw new Error('--year is required, e.g. --year 2019 for 2019-20');
      const { store } = openImportTarget(process.env, { readOnly: true });
      try {
        const tables = await exportSsda903Tables(store, options.year);
        const target = resolve(folder);
        mkdirSync(target, { recursive: true });
        writeFileSync(join(target, 'episodes.csv'), tables.episodes);
        writeFileSync(join(target, 'reviews.csv'), tables.reviews);
        console.log(`wrote ${tables.episodeRows} episodes and ${tables.reviewRows} reviews for ${options.year}-${String((options.year + 1) % 100).padStart(2, '0')} to ${target}`);
      } finally {
        await store.close();
      }
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--year <year>', description: 'the collection year, e.g. 2019 for 2019-20', required: true })
  parseYear(value: string): number {
    return parseYearOption(value);
  }
}

/** `iro export <table set>` */
@Command({ name: 'export', description: 'Export statutory tables from the events (ssda903: episodes and reviews)', subCommands: [ExportSsda903Command] })
export class ExportCommand extends CommandGroup {}
