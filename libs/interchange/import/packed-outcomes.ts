import { NewEvent } from '../../../src/events/envelope';
import { ExpectedRevision } from '../../event-store/event-store.port';
import { EncodedEvent } from '../../event-store/encoded-event';
import { ChildOutcome, StreamAppend } from './decide-child';

/**
 * A worker's decided children on their way to the calling thread: each event as text in
 * one buffer (its id, its type, its data's JSON and its metadata's JSON, one after the
 * other), where each ends in an index beside it; both transferred, not copied. The
 * calling thread holds every child's events until the one append at the end: held as
 * bytes they cost its garbage collector nothing, and the store takes each event's JSON
 * as it is (StreamAppend.encoded), so it is neither parsed nor written again.
 */
export interface PackedOutcomes {
  outcomes: PackedOutcome[];
  /** every appending child's events, one after the other */
  bytes: Uint8Array;
  /** per event: where its id, type, data and metadata end in `bytes`, and its schema version */
  index: Uint32Array;
}

/** numbers per event in the index */
const FIELDS = 5;

type PackedOutcome =
  | Exclude<ChildOutcome, { append: StreamAppend | null }>
  | { childId: string; append: null; events: 0; voided: 0 }
  | {
      childId: string;
      packed: { stream: string; expectedRevision: ExpectedRevision; from: number; firstEvent: number; eventCount: number };
      events: number;
      voided: number;
    };

export function packOutcomes(outcomes: readonly ChildOutcome[]): PackedOutcomes {
  const ends: number[] = [];
  const packed: PackedOutcome[] = [];
  // its own ArrayBuffer (not a slice of Node's pool), so that it can be transferred; grown as needed
  let bytes = Buffer.allocUnsafeSlow(1 << 20);
  let length = 0;
  let eventNumber = 0;
  const add = (text: string): void => {
    const most = text.length * 3;
    if (length + most > bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(bytes.length * 2, length + most));
      bytes.copy(grown, 0, 0, length);
      bytes = grown;
    }
    length += bytes.write(text, length, 'utf8');
    ends.push(length);
  };
  for (const outcome of outcomes) {
    if (!('append' in outcome) || outcome.append === null) {
      packed.push(outcome as PackedOutcome);
      continue;
    }
    const { stream, events, expectedRevision } = outcome.append;
    const from = length;
    for (const event of events) {
      add(event.id);
      add(event.type);
      add(JSON.stringify(event.data));
      add(JSON.stringify(event.metadata));
      ends.push(event.schemaVersion);
    }
    packed.push({
      childId: outcome.childId,
      packed: { stream, expectedRevision, from, firstEvent: eventNumber, eventCount: events.length },
      events: outcome.events,
      voided: outcome.voided,
    });
    eventNumber += events.length;
  }
  const used = Buffer.allocUnsafeSlow(length);
  bytes.copy(used, 0, 0, length);
  const index = new Uint32Array(new ArrayBuffer(ends.length * Uint32Array.BYTES_PER_ELEMENT));
  index.set(ends);
  return { outcomes: packed, bytes: used, index };
}

export function unpackOutcomes(packed: PackedOutcomes): ChildOutcome[] {
  const bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  return packed.outcomes.map((outcome) => {
    if (!('packed' in outcome)) return outcome;
    const { stream, expectedRevision, from, firstEvent, eventCount } = outcome.packed;
    const append = new PackedStreamAppend(stream, expectedRevision, bytes, packed.index, from, firstEvent, eventCount);
    return { childId: outcome.childId, append, events: outcome.events, voided: outcome.voided };
  });
}

/** The buffers to transfer with packed outcomes. */
export const transferOfPacked = (packed: PackedOutcomes): ArrayBuffer[] =>
  [packed.bytes, packed.index]
    .filter((view) => view.buffer instanceof ArrayBuffer && view.byteLength === view.buffer.byteLength)
    .map((view) => view.buffer as ArrayBuffer);

/** One stream's append whose events are read from the bytes each time they are asked for (the import asks once, to append them). */
class PackedStreamAppend implements StreamAppend {
  constructor(
    readonly stream: string,
    readonly expectedRevision: ExpectedRevision,
    private readonly bytes: Buffer,
    private readonly index: Uint32Array,
    private readonly from: number,
    private readonly firstEvent: number,
    private readonly eventCount: number,
  ) {}

  encoded(): EncodedEvent[] {
    const events: EncodedEvent[] = [];
    let at = this.from;
    const text = (end: number): string => {
      const read = this.bytes.toString('utf8', at, end);
      at = end;
      return read;
    };
    for (let event = this.firstEvent; event < this.firstEvent + this.eventCount; event += 1) {
      const base = event * FIELDS;
      const id = text(this.index[base]);
      const type = text(this.index[base + 1]);
      const dataJson = text(this.index[base + 2]);
      const metadataJson = text(this.index[base + 3]);
      events.push({ id, type, schemaVersion: this.index[base + 4], dataJson, metadataJson });
    }
    return events;
  }

  get events(): NewEvent[] {
    return this.encoded().map((event) => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.parse(event.dataJson) as NewEvent['data'],
      metadata: JSON.parse(event.metadataJson) as NewEvent['metadata'],
    }));
  }
}
