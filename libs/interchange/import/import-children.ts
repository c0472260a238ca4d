import { randomUUID } from 'node:crypto';
import { EventStore, WrongExpectedRevisionError } from '../../event-store/event-store.port';
import { childStream } from '../../../src/events/streams';
import { assembleCinSource } from '../cin/import-cin-census';
import { ImportReport } from '../report/import-report';
import { assembleSsda903Source } from '../ssda903/import-ssda903-return';
import { ChildOutcome, ChildToDecide, DecideSetup, StreamAppend } from './decide-child';
import { ImportLane, Transfer } from './import-lane';
import { importLanes } from './import-lanes';
import { IMPORT_ACTOR, ImportOptions, ImportProgress } from './import-options';
import { ReadSource } from './import-source';
import { ImportUnit, unitSize, UnitSummary } from './read-unit';

/** The units of an import, by source: SSDA903 returns, CIN census files (a source left out is not imported). */
export interface ImportInput {
  ssda903?: readonly ImportUnit[];
  cin?: readonly ImportUnit[];
}

/** The bulk fast path some stores have (the embedded SQLite store): many streams in one transaction. */
interface BulkAppendingStore {
  appendMany(batches: StreamAppend[]): unknown;
}
const canAppendMany = (store: EventStore): store is EventStore & BulkAppendingStore =>
  typeof (store as Partial<BulkAppendingStore>).appendMany === 'function';

/** Children per request to a thread: small enough to report progress, large enough to keep a worker busy. */
const CHILDREN_PER_REQUEST = 2000;

/** An import decided again when other writers moved its children's streams meanwhile gives up after this many attempts. */
const IMPORT_ATTEMPTS = 5;

/**
 * Imports SSDA903 returns and CIN censuses on the threads `importLanes` gives (see importOnLanes).
 */
export async function importUnits(input: ImportInput, options: ImportOptions): Promise<ImportReport> {
  const units = [...(input.ssda903 ?? []), ...(input.cin ?? [])];
  const lanes = importLanes(options.threads, units.reduce((sum, unit) => sum + unitSize(unit), 0));
  try {
    const changedMeanwhile: string[] = [];
    for (let attempt = 1; ; attempt += 1) {
      try {
        const report = await importOnLanes(input, options, lanes);
        if (changedMeanwhile.length === 0) return report;
        return { ...report, warnings: [...report.warnings, `decided again after someone else wrote meanwhile to ${changedMeanwhile.join(', ')}`] };
      } catch (error) {
        // another writer (the API) moved a child's stream between reading and appending: nothing of
        // this attempt was appended in one transaction (and what was, on a store without one, is
        // recognised as imported), so the import is decided again against the streams as they are now
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= IMPORT_ATTEMPTS) throw error;
        changedMeanwhile.push(error.stream);
      }
    }
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
}

/**
 * The steps every import shares. The units are read and checked, shared out between the
 * threads (lanes[0] is the calling thread); each child's records are then brought to the
 * thread that decides it, and each valid child's plans (one per source, SSDA903 before CIN)
 * go through the case decider against its stream, read once; a refusal becomes an issue on
 * the row it came from. Only if nothing is wrong (or the invalid children are to be skipped)
 * are the events appended, from the calling thread, in one transaction where the store
 * allows. The report is the same whatever the number of threads.
 */
export async function importOnLanes(input: ImportInput, options: ImportOptions, lanes: readonly ImportLane[]): Promise<ImportReport> {
  const { store, config, today } = options;
  const reading = await readOnLanes([...(input.ssda903 ?? []), ...(input.cin ?? [])], today, lanes);
  const { summaries } = reading;
  const reads: ReadSource[] = [];
  if (input.ssda903) reads.push(assembleSsda903Source(summaries.filter((unit) => unit.source === 'ssda903'), config));
  if (input.cin) reads.push(assembleCinSource(summaries.filter((unit) => unit.source === 'cin')));

  const issues = reads.flatMap((read) => read.issues);
  const invalid = new Set(reads.flatMap((read) => [...read.invalidChildren]));
  const childIds = [...new Set(reads.flatMap((read) => read.childIds))].sort();
  const inSource = reads.map((read) => new Set(read.childIds));
  const files = reads.flatMap((read) => read.files);
  const rows = reads.reduce((sum, read) => sum + read.rows, 0);
  const progress = (stage: ImportProgress['stage'], children: number, events: number): void =>
    options.onProgress?.({ stage, files: files.length, rows, children, events });
  progress('read', childIds.length, 0);

  const fileLevel = issues.filter((issue) => issue.childId === undefined);
  const pending: StreamAppend[] = [];
  let unchanged = 0;
  let eventCount = 0;
  let voidCount = 0;
  let decidedChildren = 0;

  if (fileLevel.length === 0) {
    const setup: DecideSetup = {
      today, config, actor: options.actor ?? IMPORT_ACTOR, correlationId: randomUUID(), sources: reads.map((read) => read.plan),
    };
    const sourcesOf = (childId: string): number[] => inSource.flatMap((children, index) => (children.has(childId) ? [index] : []));
    const toDecide = childIds.filter((childId) => !invalid.has(childId));
    const handOver = bringRecordsToDeciders(lanes, reading, toDecide);

    let decidedSoFar = 0;
    let eventsSoFar = 0;
    const requests: Promise<ChildOutcome[]>[] = [];
    try {
      // the workers' requests go first, so that they work while the calling thread decides its own;
      // on each thread the children whose records are all there already go first, so that the
      // records other threads bring over are packed and read while it decides those
      for (let lane = lanes.length - 1; lane >= 0; lane -= 1) {
        const own = lanes.length === 1 ? toDecide : toDecide.filter((childId) => handOver.owners.get(childId) === lane);
        const here = own.filter((childId) => !handOver.broughtOver.has(childId));
        const broughtOver = own.filter((childId) => handOver.broughtOver.has(childId));
        for (const batch of [here, broughtOver]) {
          if (batch === broughtOver) await handOver.given[lane];
          for (let at = 0; at < batch.length; at += CHILDREN_PER_REQUEST) {
            const children: ChildToDecide[] = [];
            for (const childId of batch.slice(at, at + CHILDREN_PER_REQUEST)) {
              children.push({ childId, recorded: await store.readStream(childStream(childId)), sources: sourcesOf(childId) });
            }
            requests.push(lanes[lane].decide(setup, children).then((outcomes) => {
              decidedSoFar += outcomes.length;
              for (const outcome of outcomes) if ('append' in outcome) eventsSoFar += outcome.events;
              progress('decided', decidedSoFar, eventsSoFar);
              return outcomes;
            }));
          }
        }
      }
      await Promise.all(handOver.given.map(async (given) => (await given).received));
    } catch (error) {
      // a thread failed: what is still outstanding fails with it, and is not left unhandled
      for (const outstanding of [...requests, ...handOver.given]) outstanding.catch(() => undefined);
      throw error;
    }
    const outcomes = new Map<string, ChildOutcome>();
    for (const answered of await Promise.all(requests)) for (const outcome of answered) outcomes.set(outcome.childId, outcome);
    // in child order, whichever thread decided them
    for (const childId of toDecide) {
      const outcome = outcomes.get(childId);
      if (!outcome) throw new Error(`no thread decided child ${childId}`);
      decidedChildren += 1;
      if ('refused' in outcome) {
        issues.push(outcome.refused);
        invalid.add(childId);
      } else if (outcome.append === null) {
        unchanged += 1;
      } else {
        pending.push(outcome.append);
        eventCount += outcome.events;
        voidCount += outcome.voided;
      }
    }
  }
  progress('decided', decidedChildren, eventCount);

  const skipped = childIds.filter((childId) => invalid.has(childId));
  const accepted = fileLevel.length === 0 && (issues.length === 0 || options.skipInvalidChildren === true);
  const toAppend = accepted ? pending : [];
  // counted as decided, not read off the batches: a worker's events are parsed only when appended (see packed-outcomes.ts)
  const appended = accepted ? eventCount : 0;
  const voided = accepted ? voidCount : 0;
  if (accepted && !options.dryRun && toAppend.length > 0) {
    if (canAppendMany(store)) store.appendMany(toAppend);
    else for (const batch of toAppend) await store.appendToStream(batch.stream, batch.events, batch.expectedRevision);
    progress('appended', toAppend.length, appended);
  }

  return {
    source: reads.length === 1 ? reads[0].source : 'history',
    collectionYears: [...new Set(reads.flatMap((read) => read.years))].sort(),
    dryRun: options.dryRun === true,
    skipInvalidChildren: options.skipInvalidChildren === true,
    accepted,
    files,
    rows,
    children: { total: childIds.length, imported: toAppend.length, unchanged, skipped },
    events: { appended, voided },
    issues,
    warnings: reads.flatMap((read) => read.warnings),
  };
}

/**
 * Reads the units: each source's units in the order given (a council's years, oldest first)
 * cut into one contiguous run per thread, of about equal size, so that most children's years
 * are read on one thread. The summaries in unit order.
 */
async function readOnLanes(units: readonly ImportUnit[], today: string, lanes: readonly ImportLane[]): Promise<{ summaries: UnitSummary[]; laneOf: Map<number, number> }> {
  const shares: ImportUnit[][] = lanes.map(() => []);
  const laneOf = new Map<number, number>();
  for (const source of ['ssda903', 'cin']) {
    const ofSource = units.filter((unit) => unit.source === source);
    const total = ofSource.reduce((sum, unit) => sum + unitSize(unit), 0);
    let before = 0;
    for (const unit of ofSource) {
      const size = unitSize(unit);
      const lane = total === 0 ? 0 : Math.min(lanes.length - 1, Math.floor(((before + size / 2) * lanes.length) / total));
      before += size;
      shares[lane].push(unit);
      laneOf.set(unit.unit, lane);
    }
  }
  const reads: Promise<UnitSummary[]>[] = [];
  for (let lane = lanes.length - 1; lane >= 0; lane -= 1) reads[lane] = lanes[lane].read(shares[lane], today);
  return { summaries: (await Promise.all(reads)).flat().sort((a, b) => a.unit - b.unit), laneOf };
}

/** Who decides each child, and the records being brought to the threads that decide them. */
interface HandOver {
  /** the thread that decides each child (empty with one thread) */
  owners: Map<string, number>;
  /** the children some of whose records come from another thread */
  broughtOver: Set<string>;
  /**
   * per thread, settled once it has been given the records it is brought (a worker takes
   * them in order, before any request sent after), with the taking of them
   */
  given: Promise<{ received: Promise<void> }>[];
}

/**
 * Chooses the thread that decides each child and starts bringing the child's records read
 * on other threads to it. A child read on one thread only is decided there (nothing to
 * bring); a child read on several goes to the calling thread while it has less than an even
 * share, else to the worker that read most of its units (on a tie the later). So the records
 * cross towards the calling thread rather than the events back: a child's records cost less
 * to bring over than its events (which cost the worker their packing and the calling thread
 * a parse when appended, see packed-outcomes.ts).
 */
function bringRecordsToDeciders(
  lanes: readonly ImportLane[],
  read: { summaries: readonly UnitSummary[]; laneOf: ReadonlyMap<number, number> },
  toDecide: readonly string[],
): HandOver {
  const owners = new Map<string, number>();
  const broughtOver = new Set<string>();
  if (lanes.length === 1) return { owners, broughtOver, given: [Promise.resolve({ received: Promise.resolve() })] };
  const unitsOnLane = new Map<string, number[]>(toDecide.map((childId) => [childId, lanes.map(() => 0)]));
  for (const summary of read.summaries) {
    const lane = read.laneOf.get(summary.unit)!;
    for (const childId of summary.childIds) {
      const counts = unitsOnLane.get(childId);
      if (counts) counts[lane] += 1;
    }
  }
  const callingThreadShare = Math.floor(toDecide.length / lanes.length);
  let onCallingThread = 0;
  for (const counts of unitsOnLane.values()) if (counts[0] > 0 && counts.every((count, lane) => lane === 0 || count === 0)) onCallingThread += 1;
  const transfers: Transfer[][] = lanes.map(() => []);
  for (const [childId, counts] of unitsOnLane) {
    const readOn = counts.reduce((threads, count) => threads + (count > 0 ? 1 : 0), 0);
    let owner = 0;
    if (readOn > 1 && onCallingThread < callingThreadShare) {
      onCallingThread += 1;
    } else if (readOn > 1 || counts[0] === 0) {
      owner = 1;
      for (let lane = 2; lane < counts.length; lane += 1) if (counts[lane] >= counts[owner]) owner = lane;
    }
    owners.set(childId, owner);
    counts.forEach((count, lane) => {
      if (count > 0 && lane !== owner) {
        transfers[lane].push([childId, owner]);
        broughtOver.add(childId);
      }
    });
  }
  const handed = lanes.map((lane, index) => lane.handOver(transfers[index], lanes.length));
  const given = lanes.map(async (lane, to) => {
    const fromOthers = await Promise.all(handed.filter((_, from) => from !== to));
    return { received: lane.receive(fromOthers.flatMap((fromLane) => fromLane[to])) };
  });
  return { owners, broughtOver, given };
}
