import { importChildren, ReadSource } from '../import/import-children';
import { ImportOptions } from '../import/import-options';
import { liveEvents } from '../import/live-events';
import { issueAt } from '../report/import-issue';
import { ImportReport } from '../report/import-report';
import { mergeSsda903History } from './merge-ssda903-history';
import { planSsda903Commands } from './plan-ssda903-commands';
import { districtSet } from './postcode-district';
import { ImportFile, readSsda903Return, Ssda903Return } from './read-ssda903-return';
import { ssda903HistoryFromEvents } from './ssda903-history-from-events';

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
  return importChildren(readSsda903Source(returns, options), options);
}

/** The returns read and checked, ready for the shared import steps. */
export function readSsda903Source(returns: readonly Ssda903ReturnFiles[], options: Pick<ImportOptions, 'today' | 'config'>): ReadSource {
  const read: Ssda903Return[] = returns
    .map((files) => readSsda903Return(files.files, { year: files.year, today: options.today }))
    .sort((a, b) => a.year.year - b.year.year);
  const issues = read.flatMap((one) => one.issues);
  read.forEach((one, index) => {
    if (index > 0 && read[index - 1].year.year === one.year.year) {
      issues.push(issueAt({ file: one.files[0]?.file ?? '', row: 0 }, '', String(one.year.year), 'duplicate-return',
        `Two returns are for the collection year ${one.year.year}; import one return per year.`));
    }
  });
  const districts = districtSet(options.config.postcodeDistricts ?? []);
  const warnings: string[] = [];
  if (districts.size === 0) {
    warnings.push('postcodeDistricts is not configured: every placement is taken as inside the authority.');
  }
  for (const file of read.flatMap((one) => one.files).filter((summary) => !summary.imported)) {
    warnings.push(`${file.file}: ${file.recognisedAs ? `the ${file.recognisedAs} table is recognised but not imported` : file.note ?? 'not recognised'}`);
  }
  const childIds = new Set<string>();
  const invalidChildren = new Set<string>();
  for (const one of read) {
    for (const childId of one.children.keys()) childIds.add(childId);
    for (const childId of one.invalidChildren) invalidChildren.add(childId);
  }
  return {
    source: 'ssda903',
    years: read.map((one) => one.year.year),
    files: read.flatMap((one) => one.files),
    yearOfFile: new Map(read.flatMap((one) => one.files.map((file) => [file.file, one.year.year] as [string, number]))),
    rows: read.reduce((sum, one) => sum + one.rows, 0),
    childIds: [...childIds].sort(),
    invalidChildren,
    issues,
    warnings,
    plan: (childId, stream) => {
      const live = liveEvents(stream);
      const registeredElsewhere = live.some(
        (event) => event.type === 'ChildRegistered' && event.metadata.importedFrom !== 'ssda903',
      );
      let history = ssda903HistoryFromEvents(childId, live.filter((event) => event.metadata.importedFrom === 'ssda903'));
      for (const one of read) {
        const incoming = one.children.get(childId);
        if (incoming) history = mergeSsda903History(history, incoming, one.year);
      }
      return planSsda903Commands(history, { registeredElsewhere, authorityDistricts: districts });
    },
    forget: (childId) => {
      for (const one of read) one.children.delete(childId);
    },
  };
}
