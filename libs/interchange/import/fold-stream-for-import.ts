import { CaseState, initialCaseState } from '../../../src/case/case-state';
import { evolveCase } from '../../../src/case/evolve-case';
import { OversightEvent, OversightEventType } from '../../../src/events/oversight-events';

/**
 * The same state as `foldCase` (voided records left out), built for bulk imports: the events
 * are evolved onto an empty `eventsSeen`, which is filled once at the end, because
 * evolveCase copies `eventsSeen` at every event, which makes a long stream's fold quadratic.
 * A unit test holds it equal to foldCase.
 */
export function foldStreamForImport(events: readonly (OversightEvent & { id: string })[]): CaseState {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  let state = initialCaseState;
  const eventsSeen: Record<string, OversightEventType> = {};
  for (const event of events) {
    if (voided.has(event.id)) continue;
    // evolved with its id (what stands on what is kept by id), onto an empty eventsSeen, so nothing long is copied
    state = evolveCase({ ...state, eventsSeen: {} }, { type: event.type, data: event.data, id: event.id } as OversightEvent & { id: string });
    eventsSeen[event.id] = event.type;
  }
  return { ...state, eventsSeen };
}

/**
 * The state after an event decided in this import: its id is kept for what stands on what,
 * but not added to `eventsSeen` (nothing appended in this run is voided in it).
 */
export const evolveWithoutId = (state: CaseState, event: OversightEvent, id?: string): CaseState =>
  id === undefined
    ? evolveCase(state, event)
    : { ...evolveCase({ ...state, eventsSeen: {} }, { ...event, id } as OversightEvent & { id: string }), eventsSeen: state.eventsSeen };
