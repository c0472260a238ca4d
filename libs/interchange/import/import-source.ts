import { CollectionYear } from '../ssda903/collection-year';
import { ImportIssue, issueAt } from '../report/import-issue';
import { FileSummary } from '../report/import-report';
import { ImportSource } from './planned-command';
import { UnitSummary } from './read-unit';

/** What a thread needs to plan one source's children: its units in the order they are laid over each other. */
export interface SourcePlan {
  source: ImportSource;
  /** by collection year, oldest first: each later unit is laid over the history before it */
  units: { unit: number; year: CollectionYear }[];
  /** the collection year of each file, for `metadata.source` */
  yearOfFile: [file: string, year: number][];
  /** SSDA903: the authority's own postcode districts (configuration `postcodeDistricts`) */
  postcodeDistricts: readonly string[];
}

/** One source's units read and checked, put together for the shared import steps. */
export interface ReadSource {
  source: ImportSource;
  /** the collection years read, oldest first */
  years: number[];
  files: FileSummary[];
  rows: number;
  /** every child in the files, sorted */
  childIds: string[];
  invalidChildren: Set<string>;
  issues: ImportIssue[];
  warnings: string[];
  plan: SourcePlan;
}

/**
 * The units of one source in year order (a stable sort: units of the same year keep their
 * order, and a second one is reported as a duplicate return), with the source's issues
 * (the units' in that order, then the duplicates) and children: those named in the units,
 * and with `invalidAreChildren` also every invalid child (a census names a child it could
 * not read by its LAchildID only).
 */
export function assembleSource(
  source: ImportSource,
  summaries: readonly UnitSummary[],
  options: { duplicateMessage: (year: number) => string; invalidAreChildren: boolean },
): Omit<ReadSource, 'warnings' | 'plan'> & { units: UnitSummary[] } {
  const units = summaries.filter((summary) => summary.source === source).sort((a, b) => a.year.year - b.year.year);
  const issues = units.flatMap((unit) => unit.issues);
  units.forEach((unit, index) => {
    if (index > 0 && units[index - 1].year.year === unit.year.year) {
      issues.push(issueAt({ file: unit.files[0]?.file ?? '', row: 0 }, '', String(unit.year.year), 'duplicate-return',
        options.duplicateMessage(unit.year.year)));
    }
  });
  const childIds = new Set<string>();
  const invalidChildren = new Set<string>();
  for (const unit of units) {
    for (const childId of unit.childIds) childIds.add(childId);
    for (const childId of unit.invalidChildren) {
      invalidChildren.add(childId);
      if (options.invalidAreChildren) childIds.add(childId);
    }
  }
  return {
    source,
    units,
    years: units.map((unit) => unit.year.year),
    files: units.flatMap((unit) => unit.files),
    rows: units.reduce((sum, unit) => sum + unit.rows, 0),
    childIds: [...childIds].sort(),
    invalidChildren,
    issues,
  };
}

/** The plan a thread follows for a source's children. */
export function sourcePlanOf(source: ImportSource, units: readonly UnitSummary[], postcodeDistricts: readonly string[]): SourcePlan {
  return {
    source,
    units: units.map((unit) => ({ unit: unit.unit, year: unit.year })),
    yearOfFile: units.flatMap((unit) => unit.files.map((file) => [file.file, unit.year.year] as [string, number])),
    postcodeDistricts,
  };
}
