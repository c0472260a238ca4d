import { randomUUID } from 'node:crypto';
import { calendarDateInLondon } from '../../src/calendar/calendar-date';
import { Clock } from '../../src/clock/clock';
import {
  ACCESS_AUDIT_SCHEMA_VERSION, AccessedRecord, CHILD_RECORD_ACCESSED, ChildRecordAccessed,
} from '../../src/events/access-audit-events';
import { Actor } from '../../src/events/envelope';
import { accessAuditStream } from '../../src/events/streams';
import { EventStore } from '../event-store/event-store.port';

export interface AccessEntry {
  actor: Actor;
  what: AccessedRecord;
  route: string;
  recordId: string;
  childIds: string[];
  outcome: 'granted' | 'denied';
  correlationId: string;
}

/**
 * Appends one ChildRecordAccessed to the day's audit stream. The read it records is
 * answered only after this resolves, so no read of a child's record goes unaudited.
 */
export class AccessAuditRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async record(entry: AccessEntry): Promise<void> {
    const now = this.clock.now();
    const day = calendarDateInLondon(now);
    const data: ChildRecordAccessed = {
      effectiveDate: day,
      accessedAt: now.toISOString(),
      userId: entry.actor.userId,
      role: entry.actor.role,
      what: entry.what,
      route: entry.route,
      recordId: entry.recordId,
      childIds: [...new Set(entry.childIds)].sort(),
      outcome: entry.outcome,
    };
    await this.store.appendToStream(
      accessAuditStream(day),
      [
        {
          id: randomUUID(),
          type: CHILD_RECORD_ACCESSED,
          schemaVersion: ACCESS_AUDIT_SCHEMA_VERSION.ChildRecordAccessed,
          data: data as unknown as Record<string, unknown>,
          metadata: { correlationId: entry.correlationId, causationId: entry.correlationId, actor: entry.actor },
        },
      ],
      'any',
    );
  }
}
