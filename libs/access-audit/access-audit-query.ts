import { addDays, CalendarDate, calendarDateInLondon, daysBetween, isCalendarDate } from '../../src/calendar/calendar-date';
import { parseIsoInstant } from '../../src/calendar/iso-instant';
import { AccessedRecord, CHILD_RECORD_ACCESSED, ChildRecordAccessed } from '../../src/events/access-audit-events';
import { Role } from '../../src/events/codes';
import { accessAuditStream, ID_PATTERN } from '../../src/events/streams';
import { EventStore } from '../event-store/event-store.port';

export interface AccessAuditFilter {
  childId?: string;
  userId?: string;
  /** a day (yyyy-mm-dd, from its start) or an ISO instant; default a year before `to` */
  from?: string;
  /** a day (to its end) or an ISO instant; default today */
  to?: string;
  /** 1-1000, default 100 */
  limit?: number;
  /** the nextCursor of the previous page */
  cursor?: string;
}

export interface AccessRecordView {
  id: string;
  accessedAt: string;
  userId: string;
  role: Role;
  what: AccessedRecord;
  route: string;
  recordId: string;
  childIds: string[];
  outcome: 'granted' | 'denied';
  correlationId: string;
}

export interface AccessRecordPage {
  from: string;
  to: string;
  items: AccessRecordView[];
  nextCursor: string | null;
}

export const MAX_AUDIT_RANGE_DAYS = 3660;
const DEFAULT_RANGE_DAYS = 365;
const CURSOR = /^(\d{4}-\d{2}-\d{2})\.(\d{1,9})$/;

/** A bad query parameter, answered 400 with every problem listed. */
export class AccessAuditQueryError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'AccessAuditQueryError';
  }
}

interface Bound {
  day: CalendarDate;
  /** set when the bound is an instant rather than a whole day */
  instant: string | null;
}

function boundOf(name: string, value: string, problems: string[]): Bound | null {
  if (isCalendarDate(value)) return { day: value, instant: null };
  const at = parseIsoInstant(value);
  if (at) return { day: calendarDateInLondon(at), instant: at.toISOString() };
  problems.push(`${name} must be a date (yyyy-mm-dd) or an ISO instant (2020-03-31T23:59:59Z), got "${value}"`);
  return null;
}

/**
 * Reads the access audit's day streams from `from` to `to`, oldest first, keeping the
 * records that name the child and/or were made by the user asked for.
 */
export async function findAccessRecords(store: EventStore, filter: AccessAuditFilter, today: CalendarDate): Promise<AccessRecordPage> {
  const problems: string[] = [];
  for (const name of ['childId', 'userId'] as const) {
    const value = filter[name];
    if (value !== undefined && !ID_PATTERN.test(value)) problems.push(`${name} must be 1-64 letters, digits, _ or -`);
  }
  const to = filter.to === undefined ? { day: today, instant: null } : boundOf('to', filter.to, problems);
  const from = filter.from === undefined
    ? to && { day: addDays(to.day, -DEFAULT_RANGE_DAYS), instant: null }
    : boundOf('from', filter.from, problems);
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) problems.push('limit must be a whole number from 1 to 1000');
  let after: { day: CalendarDate; revision: number } | null = null;
  if (filter.cursor !== undefined) {
    const match = CURSOR.exec(filter.cursor);
    if (!match || !isCalendarDate(match[1])) problems.push('cursor is not one this endpoint gave');
    else after = { day: match[1], revision: Number(match[2]) };
  }
  if (from && to) {
    if (from.day > to.day || (from.instant && to.instant && from.instant > to.instant)) problems.push('from must not be after to');
    else if (daysBetween(from.day, to.day) > MAX_AUDIT_RANGE_DAYS) problems.push(`from and to may be at most ${MAX_AUDIT_RANGE_DAYS} days apart`);
  }
  if (problems.length > 0 || !from || !to) throw new AccessAuditQueryError(problems);

  const items: AccessRecordView[] = [];
  let nextCursor: string | null = null;
  let day = after && after.day > from.day ? after.day : from.day;
  scan: for (; day <= to.day; day = addDays(day, 1)) {
    for (const event of await store.readStream(accessAuditStream(day))) {
      if (event.type !== CHILD_RECORD_ACCESSED) continue;
      if (after && (day < after.day || (day === after.day && event.revision <= after.revision))) continue;
      const data = event.data as unknown as ChildRecordAccessed;
      if (from.instant && data.accessedAt < from.instant) continue;
      if (to.instant && data.accessedAt > to.instant) continue;
      if (filter.childId !== undefined && !data.childIds.includes(filter.childId)) continue;
      if (filter.userId !== undefined && data.userId !== filter.userId) continue;
      if (items.length === limit) break scan;
      items.push({
        id: event.id,
        accessedAt: data.accessedAt,
        userId: data.userId,
        role: data.role,
        what: data.what,
        route: data.route,
        recordId: data.recordId,
        childIds: data.childIds,
        outcome: data.outcome,
        correlationId: event.metadata.correlationId,
      });
      nextCursor = `${day}.${event.revision}`;
    }
  }
  // a full page stopped early leaves a cursor; a page that reached `to` does not
  if (day > to.day) nextCursor = null;
  return {
    from: from.instant ?? from.day,
    to: to.instant ?? to.day,
    items,
    nextCursor,
  };
}
