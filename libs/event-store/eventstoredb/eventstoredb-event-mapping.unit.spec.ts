import { JSONRecordedEvent } from '@eventstore/db-client';
import { NewEvent } from '../../../src/events/envelope';
import { fromStoredEvent, isSystemEvent, positionNumber, storedEventId, toEventData } from './eventstoredb-event-mapping';

// The EventStoreDB contract suite needs a server; the mapping both ways is checked here.

const UUID_V4 = '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';

const appended = (id: string): NewEvent => ({
  id,
  type: 'ReviewHeld',
  schemaVersion: 2,
  data: { effectiveDate: '2020-03-03', heldInTime: true },
  metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: { userId: 'iro-7', role: 'iro' }, source: 'ssda903:2019:reviews.csv:4' },
});

/** what the server gives back for what was appended */
function storedAs(event: NewEvent, recordedAt: string): JSONRecordedEvent {
  const data = toEventData(event, recordedAt);
  return {
    streamId: 'child-42',
    id: data.id,
    isJson: true,
    revision: 3n,
    type: data.type,
    created: new Date('2024-01-01T00:00:00Z'),
    data: data.data as JSONRecordedEvent['data'],
    metadata: data.metadata as JSONRecordedEvent['metadata'],
    position: { commit: 123456n, prepare: 123456n },
  };
}

describe('EventStoreDB event mapping', () => {
  it('keeps a UUID event id as it is', () => {
    expect(storedEventId(UUID_V4)).toBe(UUID_V4);
  });

  it('turns any other id into the same version-5 UUID every time, distinct per id', () => {
    const id = storedEventId('ssda903:2019:episodes.csv:42');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(storedEventId('ssda903:2019:episodes.csv:42')).toBe(id);
    expect(storedEventId('ssda903:2019:episodes.csv:43')).not.toBe(id);
  });

  it('reads back what was appended, with the clock’s recorded time, the log position and the revision', () => {
    const event = appended(UUID_V4);

    const read = fromStoredEvent(storedAs(event, '2020-03-20T09:30:00.000Z'));

    expect(read).toEqual({
      ...event, stream: 'child-42', revision: 3, position: 123456, recordedAt: '2020-03-20T09:30:00.000Z',
    });
  });

  it('gives back the original id of an event stored under a derived UUID', () => {
    const event = appended('ssda903:2019:episodes.csv:42');
    const stored = storedAs(event, '2020-03-20T09:30:00.000Z');

    expect(stored.id).not.toBe(event.id);
    expect(fromStoredEvent(stored).id).toBe(event.id);
  });

  it('writes correlation and causation under EventStoreDB’s own metadata names', () => {
    expect(toEventData(appended(UUID_V4), '2020-03-20T09:30:00.000Z').metadata).toMatchObject({
      $correlationId: 'corr-1', $causationId: 'cause-1', $schemaVersion: 2,
    });
  });

  it('recognises system events by a $ type or a $ stream', () => {
    const ours = storedAs(appended(UUID_V4), '2020-03-20T09:30:00.000Z');
    expect(isSystemEvent(ours)).toBe(false);
    expect(isSystemEvent({ ...ours, type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ ...ours, streamId: '$stats-127.0.0.1:2113' })).toBe(true);
  });

  it('has no position for a stream read from a server that does not give one', () => {
    expect(positionNumber(undefined)).toBeUndefined();
    expect(positionNumber({ commit: 18446744073709551615n, prepare: 18446744073709551615n })).toBeUndefined();
    expect(positionNumber({ commit: 42n, prepare: 42n })).toBe(42);
  });
});
