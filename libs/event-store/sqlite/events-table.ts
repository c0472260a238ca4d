import { EventMetadata, RecordedEvent } from '../../../src/events/envelope';

/**
 * One table holds every event. `position` is the rowid: SQLite gives each insert
 * max(rowid) + 1, and since events are never deleted and writers are serialised by
 * the database lock, positions are gap-free and commit in order (a reader that has
 * seen position n has seen every position below it).
 */
export const EVENTS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events (id);
`;

export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata, recorded_at';

/** a row as selected with EVENT_COLUMNS, in raw (array) mode */
export type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    stream: row[2],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]) as Record<string, unknown>,
    metadata: JSON.parse(row[7]) as EventMetadata,
    revision: row[3],
    position: row[0],
    recordedAt: row[8],
  };
}
