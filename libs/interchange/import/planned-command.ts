import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CaseCommand } from '../../../src/case/case-commands';
import { RowOrigin } from '../report/import-issue';

/** Where imported events come from: the metadata key `importedFrom`. */
export type ImportSource = 'ssda903' | 'cin';

/**
 * One command an import sends to the child's case decider, named so that the same record
 * imported again is recognised: `key` says which part of which record it records
 * (`episode:2019-05-01:placement`), and the content hash (of the command and `details`)
 * tells a corrected record from the same one.
 */
export interface PlannedCommand {
  key: string;
  command: CaseCommand;
  /** columns the events do not carry, kept in the events' metadata (e.g. an episode's URN) */
  details?: Record<string, string>;
  /** the row it comes from; absent for a record kept from an earlier import */
  origin?: RowOrigin;
  /** the collection year of the return it comes from, when known: `metadata.source` of a record kept from an earlier import */
  year?: number;
  /** the column and value a decider's refusal is reported against */
  column: string;
  value: string;
  /** commands are decided in order of date, then phase, then key */
  date: CalendarDate;
  phase: number;
}

/** Phases within a day: registration, then starts and changes, then reviews and conferences, then endings. */
export const PHASE = { register: 0, start: 1, change: 2, review: 3, end: 4 } as const;

/** By date, then phase; commands the same in both keep the order given (the sort is stable). */
export function inDecisionOrder(commands: PlannedCommand[]): PlannedCommand[] {
  return commands.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.phase - b.phase);
}
