import { NewEvent } from '../../src/events/envelope';

/**
 * The benchmark's events: `events` events over `streams` child streams, appended in
 * batches of `batchSize` events of one stream. Streams take turns (round r appends each
 * stream's r-th batch), so the streams interleave in global order as a live service's do.
 * Events are generated deterministically, so both sides of the comparison insert exactly
 * the same ids and JSON, and generation is kept out of the timed sections.
 */
export interface Workload {
  events: number;
  streams: number;
  batchSize: number;
}

export interface Batch {
  stream: string;
  /** revision of the stream's last event before this batch, -1 for a new stream */
  lastRevision: number;
  events: NewEvent[];
}

export function batchCount(workload: Workload): number {
  return Math.ceil(workload.events / workload.batchSize);
}

/** batches [from, to) of the workload, in append order */
export function batchesBetween(workload: Workload, from: number, to: number): Batch[] {
  const batches: Batch[] = [];
  const perRound = workload.streams;
  for (let index = from; index < to; index += 1) {
    const round = Math.floor(index / perRound);
    const streamNumber = index % perRound;
    const firstEvent = index * workload.batchSize;
    const size = Math.min(workload.batchSize, workload.events - firstEvent);
    const firstRevision = round * workload.batchSize;
    const events: NewEvent[] = [];
    for (let offset = 0; offset < size; offset += 1) {
      events.push(benchEvent(firstEvent + offset, streamNumber, firstRevision + offset));
    }
    batches.push({ stream: `child-C${pad(streamNumber, 7)}`, lastRevision: firstRevision - 1, events });
  }
  return batches;
}

const TYPES = ['ReviewHeld', 'PlacementChanged', 'IroAllocated', 'ChallengeRaised'] as const;
const PARTICIPATION = ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];
const PLACEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'K2', 'R1', 'P1'];
const CATEGORIES = ['drift-and-delay', 'care-planning', 'permanence', 'placement', 'health', 'education'];

function benchEvent(sequence: number, streamNumber: number, revision: number): NewEvent {
  const childId = `C${pad(streamNumber, 7)}`;
  const iroId = `iro-${pad(streamNumber % 41, 3)}`;
  const day = calendarDay(sequence);
  const type = TYPES[revision % TYPES.length];
  return {
    id: uuidFor(sequence),
    type,
    schemaVersion: 1,
    data: eventData(type, childId, iroId, day, sequence, revision),
    metadata: {
      correlationId: uuidFor(sequence + 0x40000000),
      causationId: uuidFor(sequence + 0x50000000),
      actor: { userId: iroId, role: 'iro' },
      idempotencyKey: uuidFor(sequence + 0x60000000),
    },
  };
}

function eventData(
  type: (typeof TYPES)[number], childId: string, iroId: string, day: string, sequence: number, revision: number,
): Record<string, unknown> {
  const periodId = `${childId}:2018-04-01`;
  switch (type) {
    case 'ReviewHeld':
      return {
        effectiveDate: day, childId, reviewId: `R-${childId}-${revision}`, periodId, heldOn: day, chairIroId: iroId,
        participation: PARTICIPATION[sequence % PARTICIPATION.length], iroVisitedBeforeReview: sequence % 3 !== 0,
        permanencePlanInPlace: sequence % 5 !== 0, sequence: revision + 1, dueBy: day, heldInTime: sequence % 9 !== 0,
        lateReason: sequence % 9 === 0 ? 'Social worker unavailable' : undefined,
      };
    case 'PlacementChanged':
      return {
        effectiveDate: day, childId, periodId, placementType: PLACEMENTS[sequence % PLACEMENTS.length],
        placedOutsideLocalAuthority: sequence % 4 === 0, reasonForChange: 'CARPL', placementId: `P-${childId}-${revision}`,
        providerUrn: `SC${pad(sequence % 99991, 6)}`,
      };
    case 'IroAllocated':
      return {
        effectiveDate: day, childId, iroId, previousIroId: `iro-${pad((sequence + 7) % 41, 3)}`,
        reason: 'caseload rebalanced', team: 'IRO north',
      };
    case 'ChallengeRaised':
      return {
        effectiveDate: day, challengeId: `CH-${childId}-${revision}`, childIds: [childId], raisedOn: day, raisedBy: iroId,
        stage: 1, category: CATEGORIES[sequence % CATEGORIES.length], responseDueBy: day, addressedTo: 'team-manager-11',
        summary: 'No permanence plan at the second review',
      };
  }
}

function calendarDay(sequence: number): string {
  const date = new Date(Date.UTC(2019, 3, 1) + (sequence % 366) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** a UUID-shaped id from a number, scrambled so inserts land all over the id index as real UUIDs do */
function uuidFor(value: number): string {
  const hex = (seed: number): string => (mix(seed) >>> 0).toString(16).padStart(8, '0');
  const a = hex(value);
  const b = hex(value ^ 0x9e3779b9);
  const c = hex(value + 0x7f4a7c15);
  const d = hex(value * 31 + 17);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

function mix(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
