import { RecordedEvent } from '../../src/events/envelope';
import { AnnualReport, AnnualReportBuilder, AnnualReportOptions, computeAnnualReport } from '../../src/reporting/annual-report';
import { foldChallengeFact, foldChildFact } from '../../src/reporting/fold-report-facts';
import { CHALLENGE_STREAM_PREFIX, CHILD_STREAM_PREFIX, ChallengeFacts, ChildFacts } from '../../src/reporting/report-facts';
import { EventStore } from '../event-store/event-store.port';
import { ReadStore } from '../read-store/read-store.port';
import { CURRENT_SCHEMA_VERSION, isOversightEventType, upcast } from '../../src/events/schema-versions';
import {
  ANNUAL_REPORT_CHALLENGES, ANNUAL_REPORT_CHILDREN, ANNUAL_REPORT_PROJECTION, ChallengeFactsDocument, ChildFactsDocument,
  factsFromDocuments,
} from '../../src/reporting/annual-report.projection';
import { FoldableEvent, foldFacts } from '../../src/reporting/fold-report-facts';
import { initialFacts, ReportFacts } from '../../src/reporting/report-facts';
import { ArrivedRecord } from '../../src/reporting/report-changes';

/** The event as the fold reads it: upcast only when written with an older schema version (a copy costs at scale). */
function foldable(recorded: RecordedEvent): FoldableEvent {
  const current = CURRENT_SCHEMA_VERSION[recorded.type as keyof typeof CURRENT_SCHEMA_VERSION];
  return (recorded.schemaVersion === current ? recorded : upcast(recorded)) as unknown as FoldableEvent;
}

/**
 * Replays the store through the report fold: every event in global order, those
 * recorded after `asOf` left out. `onEvent` sees each oversight event read (for the
 * changes between two instants).
 */
export async function replayReportFacts(
  store: EventStore,
  asOf: string | null,
  onEvent?: (event: FoldableEvent) => void,
): Promise<ReportFacts> {
  const facts = initialFacts(asOf);
  for await (const recorded of store.readAll()) {
    if (!isOversightEventType(recorded.type)) continue;
    const event = foldable(recorded);
    foldFacts(facts, event);
    onEvent?.(event);
  }
  return facts;
}

/** Two fact sets in one pass over the store: as of `from` and as of `to`, and the records that arrived between. */
export async function replayReportFactsBetween(
  store: EventStore,
  from: string,
  to: string,
): Promise<{ from: ReportFacts; to: ReportFacts; arrivals: ArrivedRecord[] }> {
  const before = initialFacts(from);
  const after = initialFacts(to);
  const arrivals: ArrivedRecord[] = [];
  for await (const recorded of store.readAll()) {
    if (!isOversightEventType(recorded.type)) continue;
    const event = foldable(recorded);
    foldFacts(before, event);
    foldFacts(after, event);
    if (event.recordedAt > from && event.recordedAt <= to) {
      arrivals.push({ eventId: event.id, type: event.type, stream: event.stream, recordedAt: event.recordedAt, position: event.position });
    }
  }
  return { from: before, to: after, arrivals };
}

/** The facts the `annual-report` read model holds, as of its checkpoint. */
export async function readModelReportFacts(readStore: ReadStore): Promise<ReportFacts> {
  const [children, challenges, position] = await Promise.all([
    readStore.find<ChildFactsDocument>(ANNUAL_REPORT_CHILDREN),
    readStore.find<ChallengeFactsDocument>(ANNUAL_REPORT_CHALLENGES),
    readStore.checkpoint(ANNUAL_REPORT_PROJECTION),
  ]);
  return factsFromDocuments(children, challenges, position);
}

/**
 * An event store that can also give every event stream by stream: streams in name order
 * (byte order, so every `challenge-` stream before every `child-` stream, and children in
 * id order), each stream's events in revision order. The SQLite store can do it with one
 * index scan on (stream, revision); with it a report is built one stream at a time.
 */
export interface StreamOrderedEventSource {
  readAllByStream(): AsyncIterable<RecordedEvent>;
}

export function readsStreamByStream(store: EventStore): store is EventStore & StreamOrderedEventSource {
  return typeof (store as Partial<StreamOrderedEventSource>).readAllByStream === 'function';
}

/**
 * The annual report replayed from the store as of `options.asOf`. A store that reads
 * stream by stream feeds the report builder one child or challenge at a time, so memory
 * stays that of the figures' ids whatever the store's size; any other store is folded
 * into facts first (a council's history fits in memory).
 */
export async function replayAnnualReport(store: EventStore, options: AnnualReportOptions): Promise<AnnualReport> {
  const asOf = options.asOf ?? null;
  if (!readsStreamByStream(store)) return computeAnnualReport(await replayReportFacts(store, asOf), { ...options, asOf });
  const builder = new AnnualReportBuilder({ ...options, asOf });
  let stream = '';
  let child: ChildFacts | undefined;
  let challenge: ChallengeFacts | undefined;
  const flush = () => {
    if (challenge && challenge.facts.length > 0) builder.addChallenge(challenge);
    if (child && child.facts.length > 0) builder.addChild(child);
    child = undefined;
    challenge = undefined;
  };
  for await (const recorded of store.readAllByStream()) {
    if (recorded.stream !== stream) {
      flush();
      stream = recorded.stream;
      if (stream.startsWith(CHILD_STREAM_PREFIX)) child = { childId: stream.slice(CHILD_STREAM_PREFIX.length), facts: [] };
      else if (stream.startsWith(CHALLENGE_STREAM_PREFIX)) challenge = { challengeId: stream.slice(CHALLENGE_STREAM_PREFIX.length), facts: [] };
    }
    if ((!child && !challenge) || !isOversightEventType(recorded.type)) continue;
    if (asOf !== null && recorded.recordedAt > asOf) continue;
    const event = foldable(recorded);
    if (child) foldChildFact(child, event);
    else foldChallengeFact(challenge!, event);
  }
  flush();
  return builder.build();
}
