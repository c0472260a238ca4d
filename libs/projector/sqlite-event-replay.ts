import Database from 'better-sqlite3';
import { EventMetadata, StoredOversightEvent } from '../../src/events/envelope';
import { accessAuditStream, childStream } from '../../src/events/streams';
import { asOversightEvent, currentSchemaVersionOf, OVERSIGHT_EVENT_TYPES } from './oversight-event';

/** what the projections fold: read for every event */
type ReplayRow = [position: number, id: string, stream: string, type: string, schemaVersion: number, data: string];
/** the rest of an event: read only if a projection asks for it */
type DetailsRow = [revision: number, metadata: string, recordedAt: string];

const PAGE_SIZE = 2_000;

/** every child's stream sorts in [CHILD_STREAMS_FROM, CHILD_STREAMS_UNTIL) */
export const CHILD_STREAMS_FROM = childStream('');
export const CHILD_STREAMS_UNTIL = afterPrefix(CHILD_STREAMS_FROM);
/** every access audit stream sorts in [AUDIT_STREAMS_FROM, AUDIT_STREAMS_UNTIL): they hold no oversight events */
const AUDIT_STREAMS_FROM = accessAuditStream('');
const AUDIT_STREAMS_UNTIL = afterPrefix(AUDIT_STREAMS_FROM);

/** the first string past every string that starts with `prefix` */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

interface EventDetails {
  revision: number;
  metadata: EventMetadata;
  recordedAt: string;
}

/**
 * A replayed event whose revision, metadata and recording time are read from the file
 * only if a projection asks for them (while the replay is open): the projections fold an
 * event's data, and reading and parsing every event's metadata costs about as much as
 * its data.
 */
class ReplayedEvent {
  private details?: EventDetails;

  constructor(
    readonly id: string,
    readonly stream: string,
    readonly type: string,
    readonly schemaVersion: number,
    readonly data: Record<string, unknown>,
    readonly position: number,
    private readonly replay: SqliteEventReplay,
  ) {}

  get revision(): number {
    return this.readDetails().revision;
  }

  get metadata(): EventMetadata {
    return this.readDetails().metadata;
  }

  get recordedAt(): string {
    return this.readDetails().recordedAt;
  }

  private readDetails(): EventDetails {
    return (this.details ??= this.replay.detailsAt(this.position));
  }
}

/**
 * Reads the embedded event store's file for a replay (a rebuild from position 0), on a
 * read-only connection of its own, so that a worker thread can read it beside the
 * process's own connection (WAL lets readers run alongside the writer). It gives the
 * oversight events SqliteEventStore.readAll gives, upcast, leaner: the rows of other
 * events (access audit records) are left in the file, and of an event only what the
 * projections fold is read up front (see ReplayedEvent).
 */
export class SqliteEventReplay {
  private readonly db: Database.Database;
  private readonly page: Database.Statement<unknown[], ReplayRow>;
  private readonly details: Database.Statement<[number], DetailsRow>;
  private readonly idAtPosition: Database.Statement<[number], string>;
  private readonly childStreams: Database.Statement<unknown[], ReplayRow>;
  private readonly otherStreams: Database.Statement<unknown[], ReplayRow>;
  private readonly childStreamNames: Database.Statement<[string, string], string>;
  private readonly types = [...OVERSIGHT_EVENT_TYPES];

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    const columns = 'position, id, stream, type, schema_version, data';
    const oversightTypes = `type IN (${this.types.map(() => '?').join(', ')})`;
    this.page = this.db
      .prepare<unknown[], ReplayRow>(`SELECT ${columns} FROM events WHERE position > ? AND position <= ? AND ${oversightTypes} ORDER BY position LIMIT ?`)
      .raw();
    // by the (stream, revision) index: a child's events one after another
    this.childStreams = this.db
      .prepare<unknown[], ReplayRow>(`SELECT ${columns} FROM events WHERE stream >= ? AND stream < ? AND ${oversightTypes} ORDER BY stream, revision`)
      .raw();
    // three ranges of the (stream, revision) index: the access audit's rows (in a store from before it had a file of its own) are not read at all
    this.otherStreams = this.db
      .prepare<unknown[], ReplayRow>(
        `SELECT ${columns} FROM events WHERE (stream < ? OR (stream >= ? AND stream < ?) OR stream >= ?) AND ${oversightTypes}`,
      )
      .raw();
    this.childStreamNames = this.db
      .prepare<[string, string], string>('SELECT stream FROM events WHERE stream >= ? AND stream < ? GROUP BY stream')
      .pluck();
    this.details = this.db.prepare<[number], DetailsRow>('SELECT revision, metadata, recorded_at FROM events WHERE position = ?').raw();
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
      for (const row of rows) visit(this.asOversightEvent(row));
      visited += rows.length;
      if (rows.length < PAGE_SIZE) break;
      after = rows[rows.length - 1][0];
    }
    return visited;
  }

  /**
   * The children's streams cut into batches of `perBatch` streams: batch i is the streams
   * from bounds[i] (included) to bounds[i + 1] (excluded), and the bounds cover every
   * stream a child can have, so a child with no stream yet falls in a batch too.
   */
  childBatchBounds(perBatch: number): string[] {
    const streams = this.childStreamNames.all(CHILD_STREAMS_FROM, CHILD_STREAMS_UNTIL);
    const bounds = [CHILD_STREAMS_FROM];
    for (let i = perBatch; i < streams.length; i += perBatch) bounds.push(streams[i]);
    bounds.push(CHILD_STREAMS_UNTIL);
    return bounds;
  }

  /** Calls `visit` with each oversight event up to `toPosition` of the streams that are not a child's (nor the access audit's), in the order recorded. Returns how many. */
  replayOtherStreams(toPosition: number, visit: (event: StoredOversightEvent) => void): number {
    const [first, second] = AUDIT_STREAMS_FROM < CHILD_STREAMS_FROM
      ? [[AUDIT_STREAMS_FROM, AUDIT_STREAMS_UNTIL], [CHILD_STREAMS_FROM, CHILD_STREAMS_UNTIL]]
      : [[CHILD_STREAMS_FROM, CHILD_STREAMS_UNTIL], [AUDIT_STREAMS_FROM, AUDIT_STREAMS_UNTIL]];
    const rows = this.otherStreams.all(first[0], first[1], second[0], second[1], ...this.types).filter((row) => row[0] <= toPosition);
    rows.sort((a, b) => a[0] - b[0]);
    for (const row of rows) visit(this.asOversightEvent(row));
    return rows.length;
  }

  /**
   * Calls `visit` with each oversight event up to `toPosition` of the streams from
   * `fromStream` (included) to `untilStream` (excluded): stream after stream, each in the
   * order recorded. Returns how many.
   */
  replayStreams(fromStream: string, untilStream: string, toPosition: number, visit: (event: StoredOversightEvent) => void): number {
    let visited = 0;
    // a batch's rows at once: about a sixth cheaper than row by row (measured), and a batch is a few thousand rows
    for (const row of this.childStreams.all(fromStream, untilStream, ...this.types)) {
      // a stream's later events come after: past the position, the rest of this stream is past it too
      if (row[0] > toPosition) continue;
      visit(this.asOversightEvent(row));
      visited += 1;
    }
    return visited;
  }

  /** the revision, metadata and recording time of the event at `position` */
  detailsAt(position: number): EventDetails {
    if (!this.db.open) throw new Error(`event ${position}'s metadata was asked for after its replay had finished`);
    const row = this.details.get(position);
    if (!row) throw new Error(`no event at position ${position} in ${this.file}`);
    return { revision: row[0], metadata: JSON.parse(row[1]) as EventMetadata, recordedAt: row[2] };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private asOversightEvent(row: ReplayRow): StoredOversightEvent {
    const [position, id, stream, type, schemaVersion, data] = row;
    const parsed = JSON.parse(data) as Record<string, unknown>;
    if (schemaVersion === currentSchemaVersionOf(type)) {
      return new ReplayedEvent(id, stream, type, schemaVersion, parsed, position, this) as unknown as StoredOversightEvent;
    }
    // an older schema version: read in full and upcast, as the projector does
    return asOversightEvent({ id, stream, type, schemaVersion, data: parsed, position, ...this.detailsAt(position) })!;
  }
}
