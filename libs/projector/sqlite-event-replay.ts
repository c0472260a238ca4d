import Database from 'better-sqlite3';
import { EventMetadata, StoredOversightEvent } from '../../src/events/envelope';
import { asOversightEvent, currentSchemaVersionOf, OVERSIGHT_EVENT_TYPES } from './oversight-event';

type ReplayRow = [
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

const PAGE_SIZE = 2_000;

/**
 * A replayed event whose metadata is parsed only if a projection reads it: the
 * projections fold an event's data, and parsing every event's metadata costs as much
 * as parsing its data.
 */
class ReplayedEvent {
  private parsedMetadata?: EventMetadata;

  constructor(
    readonly id: string,
    readonly stream: string,
    readonly type: string,
    readonly schemaVersion: number,
    readonly data: Record<string, unknown>,
    readonly revision: number,
    readonly position: number,
    readonly recordedAt: string,
    private readonly metadataJson: string,
  ) {}

  get metadata(): EventMetadata {
    return (this.parsedMetadata ??= JSON.parse(this.metadataJson) as EventMetadata);
  }
}

/**
 * Reads the embedded event store's file for a replay (a rebuild from position 0), on a
 * read-only connection of its own, so that a worker thread can read it beside the
 * process's own connection (WAL lets readers run alongside the writer). It gives the
 * oversight events SqliteEventStore.readAll gives, upcast, leaner: the rows of other
 * events (access audit records) are left in the file, and an event's metadata is parsed
 * only if a projection reads it.
 */
export class SqliteEventReplay {
  private readonly db: Database.Database;
  private readonly page: Database.Statement<unknown[], ReplayRow>;
  private readonly idAtPosition: Database.Statement<[number], string>;
  private readonly types = [...OVERSIGHT_EVENT_TYPES];

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    this.page = this.db
      .prepare<unknown[], ReplayRow>(
        'SELECT position, id, stream, revision, type, schema_version, data, metadata, recorded_at FROM events ' +
          `WHERE position > ? AND position <= ? AND type IN (${this.types.map(() => '?').join(', ')}) ORDER BY position LIMIT ?`,
      )
      .raw();
    this.idAtPosition = this.db.prepare<[number], string>('SELECT id FROM events WHERE position = ?').pluck();
  }

  /** the id of the event at `position`, undefined when there is none */
  idAt(position: number): string | undefined {
    return this.idAtPosition.get(position);
  }

  /** Calls `visit` with each oversight event with fromPosition < position <= toPosition, in order. Returns how many. */
  replay(fromPosition: number, toPosition: number, visit: (event: StoredOversightEvent) => void): number {
    let after = fromPosition;
    let visited = 0;
    while (after < toPosition) {
      const rows = this.page.all(after, toPosition, ...this.types, PAGE_SIZE);
      for (const row of rows) visit(readAsOversightEvent(row));
      visited += rows.length;
      if (rows.length < PAGE_SIZE) break;
      after = rows[rows.length - 1][0];
    }
    return visited;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function readAsOversightEvent(row: ReplayRow): StoredOversightEvent {
  const [position, id, stream, revision, type, schemaVersion, data, metadata, recordedAt] = row;
  if (schemaVersion === currentSchemaVersionOf(type)) {
    const event = new ReplayedEvent(id, stream, type, schemaVersion, JSON.parse(data) as Record<string, unknown>, revision, position, recordedAt, metadata);
    return event as unknown as StoredOversightEvent;
  }
  // an older schema version: read in full and upcast, as the projector does
  return asOversightEvent({
    id,
    stream,
    type,
    schemaVersion,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
    revision,
    position,
    recordedAt,
  })!;
}
