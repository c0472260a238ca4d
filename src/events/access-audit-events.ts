import { CalendarDate } from '../calendar/calendar-date';
import { Role } from './codes';

/**
 * The access audit: who read which child's record, kept in day streams
 * (`accessAuditStream(day)`). These events are not oversight events: no projection,
 * figure or decider counts them, and `isOversightEventType` is false for them.
 */
export const ACCESSED_RECORDS = ['child-case', 'child-history', 'child-oversight', 'challenge', 'challenge-history', 'figure-trace'] as const;
export type AccessedRecord = (typeof ACCESSED_RECORDS)[number];

export interface ChildRecordAccessed {
  /** the day of the access in the United Kingdom */
  effectiveDate: CalendarDate;
  /** ISO instant of the access */
  accessedAt: string;
  userId: string;
  role: Role;
  what: AccessedRecord;
  /** the route pattern read, e.g. GET /children/:childId/history */
  route: string;
  /** the id of what was read: a child, a challenge, or `<year>/<figureId>` */
  recordId: string;
  /** every child the answer named */
  childIds: string[];
  /** `denied`: the reader was refused (403) and saw nothing */
  outcome: 'granted' | 'denied';
}

export const CHILD_RECORD_ACCESSED = 'ChildRecordAccessed';

/** Schema versions of the access audit's event types. */
export const ACCESS_AUDIT_SCHEMA_VERSION = { ChildRecordAccessed: 1 } as const;
