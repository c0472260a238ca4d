import { challengeStream, childStream } from '../events/streams';
import { FigureId, FigureItemKind, itemKindOf } from './figure-ids';
import { BreakdownFigure, isBreakdownFigure, ReportFigure } from './figure';
import { byDate } from './by-date';
import { isShortBreak } from './child-history';
import { LegalStatus } from '../events/codes';

/** The ids a figure names for its year, in the roles the figure gives them. */
export interface FigureItems {
  kind: FigureItemKind;
  numeratorIds?: string[];
  denominatorIds?: string[];
  ids?: string[];
  /** a breakdown: the keys each id counts under */
  keysOfId?: Map<string, string[]>;
}

export function figureItems(figureId: FigureId, figure: ReportFigure): FigureItems {
  const kind = itemKindOf(figureId);
  if ('numeratorIds' in figure) return { kind, numeratorIds: figure.numeratorIds, denominatorIds: figure.denominatorIds };
  if (isBreakdownFigure(figure)) return { kind, ids: figure.ids, keysOfId: keysOfIds(figure) };
  return { kind, ids: figure.ids };
}

/**
 * A breakdown's keys per id, in the figure's order of keys. A list: an id may count under
 * more than one key (a challenge about a child looked after and a child on a plan).
 */
export function keysOfIds(figure: BreakdownFigure): Map<string, string[]> {
  const keysOfId = new Map<string, string[]>();
  for (const key of Object.keys(figure.idsByKey)) {
    for (const id of figure.idsByKey[key]) keysOfId.set(id, [...(keysOfId.get(id) ?? []), key]);
  }
  return keysOfId;
}

/** The events of one stream that still count as of `asOf`: recorded by then, not voided, voids themselves left out. */
/** What tracing reads of a recorded event. */
export interface TraceableEvent {
  id: string;
  type: string;
  data: object;
  recordedAt: string;
}

export function countingEvents<E extends TraceableEvent>(events: readonly E[], asOf: string | null): E[] {
  const recorded = events.filter((event) => asOf === null || event.recordedAt <= asOf);
  const voided = new Set(recorded.filter((e) => e.type === 'RecordVoided').map((e) => (e.data as { eventId: string }).eventId));
  return recorded.filter((event) => event.type !== 'RecordVoided' && !voided.has(event.id));
}

const CARE_TYPES = new Set(['ChildRegistered', 'CareStarted', 'CareEnded', 'PlacementChanged', 'LegalStatusChanged']);
const PROTECTION_TYPES = new Set(['ChildRegistered', 'CPConferenceHeld', 'ChildProtectionPlanStarted', 'ChildProtectionPlanEnded']);

/** The streams to read for an id of a figure (a child's, or a challenge's). */
export function streamOfItem(kind: FigureItemKind, itemId: string, childIdOfItem?: string): string | undefined {
  if (kind === 'challenge') return challengeStream(itemId);
  if (kind === 'child') return childStream(itemId);
  return childIdOfItem ? childStream(childIdOfItem) : undefined;
}

/**
 * The streams whose records put an id into a figure: a child's or a challenge's own
 * stream; for a review, conference or plan the child streams holding it (`index`, from
 * `itemStreamIndex`); for an IRO the streams of exactly the children in its caseload at
 * year end (`caseloads`, the year's `iro.caseloadsAtYearEnd`), not of every child it was
 * ever allocated, so that the links add up to the caseloads; for a challenge its own stream,
 * and `namedChildren` (the streams of the children it names, for a figure their records
 * place it in: challenges.lookedAfterVsProtection).
 */
export function streamsBehindItem(
  kind: FigureItemKind,
  itemId: string,
  index: ReadonlyMap<string, ReadonlySet<string>>,
  caseloads: BreakdownFigure,
  namedChildren: ReadonlySet<string> = new Set(),
): string[] {
  if (kind === 'iro') return (Object.prototype.hasOwnProperty.call(caseloads.idsByKey, itemId) ? caseloads.idsByKey[itemId] : []).map(childStream);
  const streams = [...(index.get(itemId) ?? [])];
  if (kind === 'challenge') return [...streams.filter((stream) => stream === challengeStream(itemId)), ...namedChildren];
  if (kind === 'child') return streams.filter((stream) => stream === childStream(itemId));
  return streams.filter((stream) => stream.startsWith('child-'));
}

/**
 * The events that put an id into a figure, from its stream's counting events: for a
 * child the records of care (CLA figures), of protection (CP figures) or both and the
 * IRO allocations (IRO figures); for a review the review, the start of its period of
 * care, and the record that set its due date (the period's review before it, or for a
 * first review the care start); for a conference or plan the conferences and plan
 * records; for a challenge its whole stream, and in a named child's stream the records of
 * care and protection; for an IRO, in the stream of a child in its
 * caseload, the allocations to it and the records of care and protection.
 */
export function eventsBehindItem<E extends Pick<TraceableEvent, 'type' | 'data'>>(
  figureId: FigureId,
  itemId: string,
  streamEvents: readonly E[],
): E[] {
  const kind = itemKindOf(figureId);
  const data = (event: E) => event.data as unknown as Record<string, unknown>;
  switch (kind) {
    case 'challenge':
      return streamEvents.filter(
        (e) => e.type.startsWith('Challenge') || (e.type !== 'ChildRegistered' && (CARE_TYPES.has(e.type) || PROTECTION_TYPES.has(e.type))),
      );
    case 'review': {
      const reviews = streamEvents.filter((e) => e.type === 'ReviewHeld' && data(e).reviewId === itemId);
      const periods = new Set(reviews.map((e) => periodIdOfReview(e, streamEvents)));
      const dueDateSetters = new Set(reviews.map((e) => reviewBefore(e, streamEvents)));
      return streamEvents.filter(
        (e) => reviews.includes(e) || dueDateSetters.has(e) || (e.type === 'CareStarted' && periods.has(String(data(e).periodId))),
      );
    }
    case 'conference':
    case 'plan':
      return streamEvents.filter((e) => PROTECTION_TYPES.has(e.type) && e.type !== 'ChildRegistered');
    case 'iro':
      return streamEvents.filter(
        (e) => (e.type === 'IroAllocated' && data(e).iroId === itemId) || CARE_TYPES.has(e.type) || PROTECTION_TYPES.has(e.type),
      );
    case 'child': {
      const types = figureId.startsWith('cla.')
        ? CARE_TYPES
        : figureId.startsWith('cp.')
          ? PROTECTION_TYPES
          : new Set([...CARE_TYPES, ...PROTECTION_TYPES, 'IroAllocated']);
      return streamEvents.filter((e) => types.has(e.type));
    }
  }
}

type ReviewRecord = Pick<TraceableEvent, 'type' | 'data'>;
const fieldOf = (event: ReviewRecord, field: string): string => String((event.data as Record<string, unknown>)[field] ?? '');

/**
 * The period of care a review belongs to, as the report dates it (child-history's
 * due-dated reviews): the period it names, else the latest period started by its day.
 */
function periodIdOfReview(review: ReviewRecord, streamEvents: readonly ReviewRecord[]): string {
  const starts = streamEvents.filter((e) => e.type === 'CareStarted');
  const named = fieldOf(review, 'periodId');
  if (starts.some((e) => fieldOf(e, 'periodId') === named)) return named;
  const heldOn = fieldOf(review, 'heldOn');
  const started = starts.filter((e) => fieldOf(e, 'startDate') <= heldOn).sort(byDate((e) => fieldOf(e, 'startDate')));
  return started.length > 0 ? fieldOf(started[started.length - 1], 'periodId') : named;
}

/**
 * The record a review's due date is counted from: the period's review held before it, or
 * for a first review the care start, or for a period begun as short breaks the first
 * legal status that is not one (child-history's lookedAfterFrom).
 */
function reviewBefore<E extends ReviewRecord>(review: E, streamEvents: readonly E[]): E | undefined {
  const periodId = periodIdOfReview(review, streamEvents);
  const chain = streamEvents
    .filter((e) => e.type === 'ReviewHeld' && periodIdOfReview(e, streamEvents) === periodId)
    .sort(byDate((e) => fieldOf(e, 'heldOn')));
  const index = chain.indexOf(review);
  if (index > 0) return chain[index - 1];
  const started = streamEvents.find((e) => e.type === 'CareStarted' && fieldOf(e, 'periodId') === periodId);
  if (!started || !isShortBreak(fieldOf(started, 'legalStatus') as LegalStatus)) return started;
  const offShortBreaks = streamEvents
    .filter((e) => e.type === 'LegalStatusChanged' && !isShortBreak(fieldOf(e, 'legalStatus') as LegalStatus))
    .filter((e) => fieldOf(e, 'effectiveDate') >= fieldOf(started, 'startDate') && fieldOf(e, 'effectiveDate') <= fieldOf(review, 'heldOn'))
    .sort(byDate((e) => fieldOf(e, 'effectiveDate')));
  return offShortBreaks[0] ?? started;
}
