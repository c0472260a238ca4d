import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CaseState } from '../../../src/case/case-state';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Actor, NewEvent, RecordedEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { upcast } from '../../../src/events/schema-versions';
import { childStream } from '../../../src/events/streams';
import { ExpectedRevision } from '../../event-store/event-store.port';
import { ImportIssue, issueAt } from '../report/import-issue';
import { SourcePlan } from './import-source';
import { PlannedCommand } from './planned-command';
import { reconcileChildStream } from './reconcile-child-stream';

/** What deciding any child of an import needs besides its own records and stream. */
export interface DecideSetup {
  today: CalendarDate;
  config: LocalAuthorityConfig;
  actor: Actor;
  /** one id for every event of this import run */
  correlationId: string;
  /** SSDA903 before CIN */
  sources: SourcePlan[];
}

export interface ChildToDecide {
  childId: string;
  /** the child's stream as the store holds it */
  recorded: RecordedEvent[];
  /** indexes into `DecideSetup.sources` of the sources that name the child, in order */
  sources: number[];
}

/** One stream's events to append, as the store's bulk append takes them. */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * A child decided: refused (the decider's refusal, on the row the command came from), or its
 * events (null: nothing new), with how many there are and how many of them are voids (so
 * that counting them need not read the events: a worker's come packed, see packed-outcomes.ts).
 */
export type ChildOutcome =
  | { childId: string; refused: ImportIssue }
  | { childId: string; append: StreamAppend | null; events: number; voided: number };

/** Plans one source's commands for a child against its stream (see planSsda903Child, planCinChild). */
export type PlanChild = (source: SourcePlan, childId: string, stream: readonly StoredOversightEvent[]) => PlannedCommand[];

/** An event decided in this run, as the next source's plan sees it in the stream. */
const asStored = (stream: string, event: NewEvent): StoredOversightEvent =>
  ({
    id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata,
    stream, revision: -1, position: 0, recordedAt: '',
  }) as unknown as StoredOversightEvent;

const yearsOfFiles = new WeakMap<SourcePlan, Map<string, number>>();
const yearOfFileIn = (plan: SourcePlan): Map<string, number> => {
  let years = yearsOfFiles.get(plan);
  if (!years) {
    years = new Map(plan.yearOfFile);
    yearsOfFiles.set(plan, years);
  }
  return years;
};

/**
 * A child's plans (one per source naming it, SSDA903 before CIN) through the case decider
 * against its stream, read once: the events to append, or the first refusal.
 */
export function decideChild(child: ChildToDecide, setup: DecideSetup, planChild: PlanChild): ChildOutcome {
  const { childId, recorded } = child;
  const stream = childStream(childId);
  const context = { today: setup.today, config: setup.config };
  let events: StoredOversightEvent[] = recorded.map(upcast);
  const decided: NewEvent[] = [];
  // the case after the previous source's events, so that the next need not fold the stream again
  let state: CaseState | undefined;
  for (let position = 0; position < child.sources.length; position += 1) {
    const plan = setup.sources[child.sources[position]];
    const yearOfFile = yearOfFileIn(plan);
    const planned = planChild(plan, childId, events);
    const result = reconcileChildStream({
      source: plan.source, childId, stream: events, state, planned, context, actor: setup.actor, correlationId: setup.correlationId,
      // joined, not concatenated: one flat string per record, kept until the import appends
      sourceOf: (command) =>
        command.origin
          ? [plan.source, yearOfFile.get(command.origin.file) ?? '', command.origin.file, command.origin.row].join(':')
          : command.year !== undefined
            ? `${plan.source}:${command.year}:kept from an earlier import`
            : `${plan.source}:kept from an earlier import`,
    });
    if ('violation' in result) {
      const { refused, violation } = result;
      return {
        childId,
        refused: issueAt(refused.origin ?? { file: '(stored history)', row: 0 }, refused.column, refused.value, violation.rule, violation.message, childId),
      };
    }
    for (const event of result.events) decided.push(event);
    state = result.state ?? state;
    const laterSourceHasChild = position + 1 < child.sources.length;
    if (laterSourceHasChild && result.events.length > 0) events = events.concat(result.events.map((event) => asStored(stream, event)));
  }
  if (decided.length === 0) return { childId, append: null, events: 0, voided: 0 };
  let voided = 0;
  for (const event of decided) if (event.type === 'RecordVoided') voided += 1;
  return {
    childId,
    append: { stream, events: decided, expectedRevision: recorded.length === 0 ? 'no-stream' : recorded.length - 1 },
    events: decided.length,
    voided,
  };
}
