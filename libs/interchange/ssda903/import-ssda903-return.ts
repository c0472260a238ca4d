import { StoredOversightEvent } from '../../../src/events/envelope';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { importUnits } from '../import/import-children';
import { assembleSource, ReadSource, sourcePlanOf } from '../import/import-source';
import { ImportOptions } from '../import/import-options';
import { liveEvents } from '../import/live-events';
import { PlannedCommand } from '../import/planned-command';
import { ImportUnit, UnitSummary } from '../import/read-unit';
import { ImportReport } from '../report/import-report';
import { CollectionYear } from './collection-year';
import { mergeSsda903History } from './merge-ssda903-history';
import { planSsda903Commands } from './plan-ssda903-commands';
import { ImportFile } from './read-ssda903-return';
import { ssda903HistoryFromEvents } from './ssda903-history-from-events';
import { ChildSsda903History } from './ssda903-records';

/** One return's files; `year` as in ImportOptions, read from the files when absent. */
export interface Ssda903ReturnFiles {
  files: readonly ImportFile[];
  year?: number;
}

/**
 * Imports an SSDA903 return (its CSV files, recognised by their header rows) into the
 * children's streams: checked first, row by row and child by child; then decided by the
 * case decider against what the store holds; then appended only if nothing is wrong (or,
 * with `skipInvalidChildren`, for the children whose rows are all valid).
 */
export async function importSsda903Return(files: readonly ImportFile[], options: ImportOptions): Promise<ImportReport> {
  return importSsda903Returns([{ files, year: options.year }], options);
}

/**
 * Imports several years' returns in one go (a council's history), with the same result as
 * importing them one after the other in year order, but each child's stream is read,
 * decided and appended once.
 */
export async function importSsda903Returns(returns: readonly Ssda903ReturnFiles[], options: ImportOptions): Promise<ImportReport> {
  return importUnits({ ssda903: ssda903Units(returns, 0) }, options);
}

/** The returns as units of reading, numbered from `first`. */
export function ssda903Units(returns: readonly Ssda903ReturnFiles[], first: number): ImportUnit[] {
  return returns.map((one, index) => ({ unit: first + index, source: 'ssda903', files: [...one.files], year: one.year }));
}

/** The returns read and checked (their summaries, in the order given), put together for the shared import steps. */
export function assembleSsda903Source(summaries: readonly UnitSummary[], config: Pick<LocalAuthorityConfig, 'postcodeDistricts'>): ReadSource {
  const { units, ...source } = assembleSource('ssda903', summaries, {
    duplicateMessage: (year) => `Two returns are for the collection year ${year}; import one return per year.`,
    invalidAreChildren: false,
  });
  const postcodeDistricts = config.postcodeDistricts ?? [];
  const warnings: string[] = [];
  if (postcodeDistricts.length === 0) {
    warnings.push('postcodeDistricts is not configured: every placement is taken as inside the authority.');
  }
  for (const file of source.files.filter((summary) => !summary.imported)) {
    warnings.push(`${file.file}: ${file.recognisedAs ? `the ${file.recognisedAs} table is recognised but not imported` : file.note ?? 'not recognised'}`);
  }
  return { ...source, warnings, plan: sourcePlanOf('ssda903', units, postcodeDistricts) };
}

/**
 * The commands a child's returns give, against its stream as stored: what earlier imports
 * said (rebuilt from the events), with each return laid over it in year order.
 */
export function planSsda903Child(
  childId: string,
  stream: readonly StoredOversightEvent[],
  incoming: readonly { history: ChildSsda903History; year: CollectionYear }[],
  authorityDistricts: ReadonlySet<string>,
): PlannedCommand[] {
  const live = liveEvents(stream);
  const registeredElsewhere = live.some((event) => event.type === 'ChildRegistered' && event.metadata.importedFrom !== 'ssda903');
  let history = ssda903HistoryFromEvents(childId, live.filter((event) => event.metadata.importedFrom === 'ssda903'));
  for (const { history: returned, year } of incoming) history = mergeSsda903History(history, returned, year);
  return planSsda903Commands(history, { registeredElsewhere, authorityDistricts });
}
