import { NewEvent } from '../../../src/events/envelope';
import { ExpectedRevision } from '../../event-store/event-store.port';
import { ChildOutcome, StreamAppend } from './decide-child';

/**
 * A worker's decided children on their way to the calling thread: each child's events as
 * JSON bytes in one buffer (transferred, not copied), the rest as it is. The calling thread
 * holds every child's events until the one append at the end; held as bytes they cost its
 * garbage collector nothing, and each child's are parsed only when the store takes them.
 */
export interface PackedOutcomes {
  outcomes: PackedOutcome[];
  /** every appending child's events, JSON, one after the other */
  bytes: Uint8Array;
}

type PackedOutcome =
  | Exclude<ChildOutcome, { append: StreamAppend | null }>
  | { childId: string; append: null; events: 0; voided: 0 }
  | { childId: string; packed: { stream: string; expectedRevision: ExpectedRevision; from: number; to: number }; events: number; voided: number };

export function packOutcomes(outcomes: readonly ChildOutcome[]): PackedOutcomes {
  const texts: string[] = [];
  const packed: PackedOutcome[] = [];
  let length = 0;
  for (const outcome of outcomes) {
    if (!('append' in outcome) || outcome.append === null) {
      packed.push(outcome as PackedOutcome);
      continue;
    }
    const { stream, events, expectedRevision } = outcome.append;
    const text = JSON.stringify(events);
    const from = length;
    length += Buffer.byteLength(text, 'utf8');
    texts.push(text);
    packed.push({ childId: outcome.childId, packed: { stream, expectedRevision, from, to: length }, events: outcome.events, voided: outcome.voided });
  }
  // its own ArrayBuffer (not a slice of Node's pool), so that it can be transferred
  const bytes = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const text of texts) at += bytes.write(text, at, 'utf8');
  return { outcomes: packed, bytes };
}

export function unpackOutcomes(packed: PackedOutcomes): ChildOutcome[] {
  const bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  return packed.outcomes.map((outcome) => {
    if (!('packed' in outcome)) return outcome;
    const { stream, expectedRevision, from, to } = outcome.packed;
    return { childId: outcome.childId, append: new PackedStreamAppend(stream, expectedRevision, bytes, from, to), events: outcome.events, voided: outcome.voided };
  });
}

/** The buffer to transfer with packed outcomes. */
export const transferOfPacked = (packed: PackedOutcomes): ArrayBuffer[] =>
  packed.bytes.buffer instanceof ArrayBuffer && packed.bytes.byteLength === packed.bytes.buffer.byteLength ? [packed.bytes.buffer] : [];

/** One stream's append whose events are parsed from their bytes each time they are read (the import reads them once, to append them). */
class PackedStreamAppend implements StreamAppend {
  constructor(
    readonly stream: string,
    readonly expectedRevision: ExpectedRevision,
    private readonly bytes: Buffer,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get events(): NewEvent[] {
    return JSON.parse(this.bytes.toString('utf8', this.from, this.to)) as NewEvent[];
  }
}
