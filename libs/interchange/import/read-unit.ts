import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CinChildHistory } from '../cin/cin-census-records';
import { readCinCensus } from '../cin/read-cin-census';
import { ImportIssue } from '../report/import-issue';
import { FileSummary } from '../report/import-report';
import { CollectionYear } from '../ssda903/collection-year';
import { ImportFile, readSsda903Return } from '../ssda903/read-ssda903-return';
import { ChildSsda903History } from '../ssda903/ssda903-records';
import { ImportSource } from './planned-command';

/**
 * One unit of reading: an SSDA903 return (its CSV files) or one CIN census file. Units are
 * read independently (on the main thread or a worker); `unit` numbers them within an import.
 */
export interface ImportUnit {
  unit: number;
  source: ImportSource;
  files: ImportFile[];
  /** the collection year given for it, else read from the files */
  year?: number;
}

/** A unit as read and checked, without its children's records: what assembling the sources needs. */
export interface UnitSummary {
  unit: number;
  source: ImportSource;
  year: CollectionYear;
  files: FileSummary[];
  rows: number;
  issues: ImportIssue[];
  /** every child in the unit, in the order first met */
  childIds: string[];
  invalidChildren: string[];
}

/** A child's records in one unit: its rows of a return, or its records in a census. */
export type UnitChildRecords = ChildSsda903History | CinChildHistory;

export interface ReadUnit {
  summary: UnitSummary;
  /** the records of the children whose rows passed their own checks (and, for a return, every other child named) */
  children: Map<string, UnitChildRecords>;
}

/** Reads and checks one unit. Nothing here touches the store. */
export function readUnit(unit: ImportUnit, today: CalendarDate): ReadUnit {
  if (unit.source === 'ssda903') {
    const read = readSsda903Return(unit.files, { year: unit.year, today });
    return {
      summary: {
        unit: unit.unit, source: unit.source, year: read.year, files: read.files, rows: read.rows, issues: read.issues,
        childIds: [...read.children.keys()], invalidChildren: [...read.invalidChildren],
      },
      children: read.children,
    };
  }
  const census = readCinCensus(unit.files[0], { year: unit.year, today });
  return {
    summary: {
      unit: unit.unit, source: unit.source, year: census.year, files: census.files, rows: census.rows, issues: census.issues,
      childIds: [...census.children.keys()], invalidChildren: [...census.invalidChildren],
    },
    children: census.children,
  };
}

/** The bytes a unit's files hold: how the units are shared out between threads. */
export const unitSize = (unit: ImportUnit): number => unit.files.reduce((sum, file) => sum + file.content.length, 0);
