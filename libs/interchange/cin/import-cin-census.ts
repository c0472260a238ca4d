import { importChildren, ReadSource } from '../import/import-children';
import { ImportOptions } from '../import/import-options';
import { liveEvents } from '../import/live-events';
import { issueAt } from '../report/import-issue';
import { ImportReport } from '../report/import-report';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { cinHistoryFromEvents } from './cin-history-from-events';
import { mergeCinHistory } from './merge-cin-history';
import { planCinCommands } from './plan-cin-commands';
import { CinCensus, readCinCensus } from './read-cin-census';

/**
 * Imports a CIN census XML file's child protection records into the children's streams,
 * checked first, decided by the case decider, appended only if nothing is wrong (or, with
 * `skipInvalidChildren`, for the children whose records are all valid).
 */
export async function importCinCensus(file: ImportFile, options: ImportOptions): Promise<ImportReport> {
  return importCinCensuses([file], options);
}

/** Several years' censuses in one go, as if imported one after the other in year order. */
export async function importCinCensuses(files: readonly ImportFile[], options: ImportOptions): Promise<ImportReport> {
  return importChildren(readCinSource(files, options), options);
}

/** The censuses read and checked, ready for the shared import steps. */
export function readCinSource(files: readonly ImportFile[], options: Pick<ImportOptions, 'today' | 'year'>): ReadSource {
  const censuses: CinCensus[] = files
    .map((file) => readCinCensus(file, { year: files.length === 1 ? options.year : undefined, today: options.today }))
    .sort((a, b) => a.year.year - b.year.year);
  const issues = censuses.flatMap((census) => census.issues);
  censuses.forEach((census, index) => {
    if (index > 0 && censuses[index - 1].year.year === census.year.year) {
      issues.push(issueAt({ file: census.files[0]?.file ?? '', row: 0 }, '', String(census.year.year), 'duplicate-return',
        `Two censuses are for the collection year ${census.year.year}; import one census per year.`));
    }
  });
  const childIds = new Set<string>();
  const invalidChildren = new Set<string>();
  for (const census of censuses) {
    for (const childId of census.children.keys()) childIds.add(childId);
    for (const childId of census.invalidChildren) {
      invalidChildren.add(childId);
      childIds.add(childId);
    }
  }
  return {
    source: 'cin',
    years: censuses.map((census) => census.year.year),
    files: censuses.flatMap((census) => census.files),
    yearOfFile: new Map(censuses.flatMap((census) => census.files.map((file) => [file.file, census.year.year] as [string, number]))),
    rows: censuses.reduce((sum, census) => sum + census.rows, 0),
    childIds: [...childIds].sort(),
    invalidChildren,
    issues,
    warnings: [],
    plan: (childId, stream) => {
      const live = liveEvents(stream);
      const registeredElsewhere = live.some((event) => event.type === 'ChildRegistered' && event.metadata.importedFrom !== 'cin');
      let history = cinHistoryFromEvents(childId, live.filter((event) => event.metadata.importedFrom === 'cin'));
      for (const census of censuses) {
        const incoming = census.children.get(childId);
        if (incoming) history = mergeCinHistory(history, incoming, census.year);
      }
      return planCinCommands(history, { registeredElsewhere });
    },
    forget: (childId) => {
      for (const census of censuses) census.children.delete(childId);
    },
  };
}
