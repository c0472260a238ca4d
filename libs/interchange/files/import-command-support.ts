import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createEventStore, openExistingEventStore } from '../../event-store/create-event-store';
import { EventStore } from '../../event-store/event-store.port';
import { eventStoreLocationOf, loadInfrastructureSettings, SETTINGS_HELP } from '../../nest/config/infrastructure-settings';
import { systemClock, today } from '../../../src/clock/clock';
import { ImportOptions, ImportProgress } from '../import/import-options';
import { ImportReport, issuesAsCsv, summariseReport } from '../report/import-report';

// what the `iro import` and `iro export` commands share: the store the environment names, progress and the report

/** The options every `iro import` command takes. */
export interface ImportCommandOptions {
  year?: number;
  dryRun?: boolean;
  skipInvalidChildren?: boolean;
  report?: string;
}

/**
 * The store and configuration the environment names (DATA_DIR or EVENTSTORE_URL, IRO_CONFIG),
 * as the API uses them; `readOnly` (an export): an embedded store must exist already.
 */
export function openImportTarget(env: NodeJS.ProcessEnv, use: { readOnly?: boolean } = {}): { store: EventStore; options: Omit<ImportOptions, 'store'> } {
  const loaded = loadInfrastructureSettings(env);
  if ('errors' in loaded) throw new Error([...loaded.errors, '', 'Settings (environment):', ...SETTINGS_HELP].join('\n'));
  const { settings } = loaded;
  const storeEnv = eventStoreLocationOf(settings);
  const store = use.readOnly ? openExistingEventStore(storeEnv) : createEventStore(storeEnv);
  return {
    store,
    options: {
      config: settings.config,
      today: today(systemClock),
      // the person at the command line, as an administrator
      actor: { userId: `cli:${userInfo().username}`, role: 'admin' },
    },
  };
}

/**
 * What every `iro import` command does around its import: opens the store the environment
 * names, imports into it with progress on standard error, finishes (see finishImport) and
 * closes the store. A failure (settings, unreadable files) is printed, with exit code 1.
 */
export async function runImport(
  importInto: (store: EventStore, target: Omit<ImportOptions, 'store'>) => Promise<ImportReport>,
  command: Pick<ImportCommandOptions, 'report'>,
): Promise<void> {
  try {
    const issuesFile = writableReportFile(command.report);
    const { store, options } = openImportTarget(process.env);
    try {
      finishImport(await importInto(store, { ...options, onProgress: printProgress }), issuesFile);
    } finally {
      await store.close();
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

/**
 * The issues file named by --report (undefined: the default in the working folder, named
 * by the import's source), checked before anything is imported: an import that appended
 * its events must not then fail on its report.
 */
function writableReportFile(reportFile: string | undefined): string | undefined {
  const file = reportFile === undefined ? undefined : resolve(reportFile);
  const place = file === undefined ? process.cwd() : existsSync(file) ? file : dirname(file);
  try {
    accessSync(place, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`the issues report cannot be written to ${file ?? place} (${code}); nothing was imported (choose another with --report)`);
  }
  return file;
}

/** Progress lines on standard error: files, rows, children, events. */
export function printProgress(progress: ImportProgress): void {
  const verb = { read: 'read', checked: 'checked', decided: 'decided', appended: 'appended' }[progress.stage];
  process.stderr.write(
    `${verb}: ${progress.files} files, ${progress.rows} rows, ${progress.children} children, ${progress.events} events\n`,
  );
}

/**
 * Prints the summary and the first issues, writes every issue as CSV (to --report, or
 * `import-issues-<source>.csv` in the working folder), and sets the exit code: 1 if refused.
 */
export function finishImport(report: ImportReport, reportFile: string | undefined): void {
  console.log(summariseReport(report));
  const shown = report.issues.slice(0, 20);
  for (const issue of shown) {
    console.log(`  ${issue.file}:${issue.row} ${issue.column}=${JSON.stringify(issue.value)} [${issue.rule}] ${issue.message}`);
  }
  if (report.issues.length > shown.length) console.log(`  ... and ${report.issues.length - shown.length} more`);
  if (report.skipInvalidChildren && report.children.skipped.length > 0) {
    console.log(`  children skipped: ${report.children.skipped.slice(0, 50).join(', ')}${report.children.skipped.length > 50 ? ', ...' : ''}`);
  }
  const file = resolve(reportFile ?? `import-issues-${report.source}.csv`);
  writeFileSync(file, issuesAsCsv(report.issues));
  console.log(`report: ${report.issues.length} issues written to ${file}`);
  if (!report.accepted) process.exitCode = 1;
}

export const parseYearOption = (value: string): number => {
  if (!/^\d{4}$/.test(value)) throw new Error('--year must be a collection year such as 2019 (for 2019-20)');
  return Number(value);
};
