import { StoredOversightEvent } from '../../../src/events/envelope';
import { importUnits } from '../import/import-children';
import { assembleSource, ReadSource, sourcePlanOf } from '../import/import-source';
import { ImportOptions } from '../import/import-options';
import { liveEvents } from '../import/live-events';
import { PlannedCommand } from '../import/planned-command';
import { ImportUnit, UnitSummary } from '../import/read-unit';
import { ImportReport } from '../report/import-report';
import { CollectionYear } from '../ssda903/collection-year';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { CinChildHistory } from './cin-census-records';
import { cinHistoryFromEvents } from './cin-history-from-events';
import { mergeCinHistory } from './merge-cin-history';
import { planCinCommands } from './plan-cin-commands';

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
  return importUnits({ cin: cinUnits(files, options.year, 0) }, options);
}

/** The census files as units of reading, numbered from `first`; `year` applies only to a single file. */
export function cinUnits(files: readonly ImportFile[], year: number | undefined, first: number): ImportUnit[] {
  return files.map((file, index) => ({ unit: first + index, source: 'cin', files: [file], year: files.length === 1 ? year : undefined }));
}

/** The censuses read and checked (their summaries, in the order given), put together for the shared import steps. */
export function assembleCinSource(summaries: readonly UnitSummary[]): ReadSource {
  const { units, ...source } = assembleSource('cin', summaries, {
    duplicateMessage: (year) => `Two censuses are for the collection year ${year}; import one census per year.`,
    invalidAreChildren: true,
  });
  return { ...source, warnings: [], plan: sourcePlanOf('cin', units, []) };
}

/** The commands a child's census records give, against its stream as stored, each census laid over the history in year order. */
export function planCinChild(
  childId: string,
  stream: readonly StoredOversightEvent[],
  incoming: readonly { history: CinChildHistory; year: CollectionYear }[],
): PlannedCommand[] {
  const live = liveEvents(stream);
  const registeredElsewhere = live.some((event) => event.type === 'ChildRegistered' && event.metadata.importedFrom !== 'cin');
  let history = cinHistoryFromEvents(childId, live.filter((event) => event.metadata.importedFrom === 'cin'));
  for (const { history: census, year } of incoming) history = mergeCinHistory(history, census, year);
  return planCinCommands(history, { registeredElsewhere });
}
