import { challengeStream, childStream } from '../events/streams';
import { FigureId, FigureItemKind, itemKindOf } from './figure-ids';
import { ReportFigure } from './figure';

/** The ids a figure names for its year, in the roles the figure gives them. */
export interface FigureItems {
  kind: FigureItemKind;
  numeratorIds?: string[];
  denominatorIds?: string[];
  ids?: string[];
}

export function figureItems(figureId: FigureId, figure: ReportFigure): FigureItems {
  const kind = itemKindOf(figureId);
  if ('numeratorIds' in figure) return { kind, numeratorIds: figure.numeratorIds, denominatorIds: figure.denominatorIds };
  return { kind, ids: figure.ids };
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
 * The events that put an id into a figure, from its stream's counting events: for a
 * child the records of care (CLA figures), of protection (CP figures) or both and the
 * IRO allocations (IRO figures); for a review the review and the start of its period of
 * care (its due date); for a conference or plan the conferences and plan records; for a
 * challenge its whole stream; for an IRO its allocations.
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
      return [...streamEvents];
    case 'review': {
      const reviews = streamEvents.filter((e) => e.type === 'ReviewHeld' && data(e).reviewId === itemId);
      const periods = new Set(reviews.map((e) => data(e).periodId));
      return streamEvents.filter((e) => reviews.includes(e) || (e.type === 'CareStarted' && periods.has(data(e).periodId)));
    }
    case 'conference':
    case 'plan':
      return streamEvents.filter((e) => PROTECTION_TYPES.has(e.type) && e.type !== 'ChildRegistered');
    case 'iro':
      return streamEvents.filter((e) => e.type === 'IroAllocated' && data(e).iroId === itemId);
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
