import { StoredOversightEvent } from '../../../src/events/envelope';
import { Projection, ProjectionDocument, ProjectionDocuments } from '../../../src/projections/projection';

/**
 * Small projections for testing the projector itself (crash safety, rebuild, batching)
 * independently of the read models' rules. Each would show a double-applied or lost
 * event: counters would be off, lists would repeat or miss a position.
 */

interface ChildActivity extends ProjectionDocument {
  events: number;
  byType: Record<string, number>;
  lastPosition: number;
  lastEffectiveDate: string;
}

const childIdsOf = (event: StoredOversightEvent): string[] => {
  const data = event.data as { childId?: string; childIds?: string[] };
  if (data.childId) return [data.childId];
  if (Array.isArray(data.childIds)) return data.childIds;
  return [];
};

/** Per child: how many events named it, by type. */
export const childActivityProjection: Projection = {
  name: 'sample-child-activity',
  collections: ['sample-child-activity'],
  indexes: { 'sample-child-activity': [{ keys: { events: -1 } }] },
  apply(event, documents) {
    for (const childId of childIdsOf(event)) {
      const before = documents.get<ChildActivity>('sample-child-activity', childId);
      documents.put('sample-child-activity', {
        _id: childId,
        events: (before?.events ?? 0) + 1,
        byType: { ...before?.byType, [event.type]: (before?.byType[event.type] ?? 0) + 1 },
        lastPosition: event.position,
        lastEffectiveDate: event.data.effectiveDate,
      });
    }
  },
};

interface StreamLog extends ProjectionDocument {
  events: { position: number; revision: number; type: string }[];
}

/** Per stream: every event in order; a voided record removes the stream's log entry for it. */
export const streamLogProjection: Projection = {
  name: 'sample-stream-log',
  collections: ['sample-stream-log', 'sample-voided'],
  apply(event, documents: ProjectionDocuments) {
    const before = documents.get<StreamLog>('sample-stream-log', event.stream);
    const entry = { position: event.position, revision: event.revision, type: event.type };
    documents.put('sample-stream-log', { _id: event.stream, events: [...(before?.events ?? []), entry] });
    if (event.type === 'RecordVoided') {
      documents.put('sample-voided', { _id: event.data.eventId, stream: event.stream, voidedAt: event.position });
    }
  },
};

/** One document of totals by event type, written at every event (a hot document). */
export const eventTotalsProjection: Projection = {
  name: 'sample-event-totals',
  collections: ['sample-event-totals'],
  apply(event, documents) {
    const totals = documents.get<ProjectionDocument & { byType: Record<string, number>; events: number }>('sample-event-totals', 'all');
    documents.put('sample-event-totals', {
      _id: 'all',
      events: (totals?.events ?? 0) + 1,
      byType: { ...totals?.byType, [event.type]: (totals?.byType[event.type] ?? 0) + 1 },
    });
  },
};

export const SAMPLE_PROJECTIONS: readonly Projection[] = [childActivityProjection, streamLogProjection, eventTotalsProjection];
