import { EventStore } from '../event-store/event-store.port';
import { ReadStore } from '../read-store/read-store.port';
import { isOversightEventType, upcast } from '../../src/events/schema-versions';
import {
  ANNUAL_REPORT_CHALLENGES, ANNUAL_REPORT_CHILDREN, ANNUAL_REPORT_PROJECTION, ChallengeFactsDocument, ChildFactsDocument,
  factsFromDocuments,
} from '../../src/reporting/annual-report.projection';
import { FoldableEvent, foldFacts } from '../../src/reporting/fold-report-facts';
import { initialFacts, ReportFacts } from '../../src/reporting/report-facts';
import { ArrivedRecord } from '../../src/reporting/report-changes';

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
    const event = upcast(recorded) as unknown as FoldableEvent;
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
    const event = upcast(recorded) as unknown as FoldableEvent;
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
