import Database from 'better-sqlite3';
import { EventMetadata, StoredOversightEvent } from '../../src/events/envelope';
import { asOversightEvent, currentSchemaVersionOf } from './oversight-event';

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

export interface ReplayVisitor {
  /** an oversight event, upcast to its current schema version */
  event(event: StoredOversightEvent): void;
  /** the position of an event of another type (e.g. an access audit record), whose data is not read */
  other(position: number): void;
}

/**
 * Reads the embedded event store's file for a replay (a rebuild from position 0), on a
 * read-only connection of its own, so that a worker thread can read it beside the
 * process's own connection (WAL lets readers run alongside the writer). It reads what
 * SqliteEventStore.readAll gives, leaner: the data of events that are not oversight
 * events is not parsed, nor any event's metadata unless asked for.
 */
export class SqliteEventReplay {
  private readonly db: Database.Database;
  private readonly page: Database.Statement<[number, number, number], ReplayRow>;

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    this.page = this.db
      .prepare<[number, number, number], ReplayRow>(
        'SELECT position, id, stream, revision, type, schema_version, data, metadata, recorded_at ' +
          'FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
      )
      .raw();
  }

  /** the id of the event at `position`, undefined when there is none */
  idAt(position: number): string | undefined {
    const rows = this.page.all(position - 1, position, 1);
    return rows.length > 0 ? rows[0][1] : undefined;
  }

  /** Visits the events with fromPosition < position <= toPosition, in order. Returns how many it visited. */
  replay(fromPosition: number, toPosition: number, visit: ReplayVisitor): number {
    let after = fromPosition;
    let visited = 0;
    while (after < toPosition) {
      const rows = this.page.all(after, toPosition, PAGE_SIZE);
      for (const row of rows) {
        const event = readAsOversightEvent(row);
        if (event) visit.event(event);
        else visit.other(row[0]);
      }
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

function readAsOversightEvent(row: ReplayRow): StoredOversightEvent | undefined {
  const [position, id, stream, revision, type, schemaVersion, data, metadata, recordedAt] = row;
  const current = currentSchemaVersionOf(type);
  if (current === undefined) return undefined;
  if (schemaVersion === current) {
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
  });
}
