import { CaseState, initialCaseState } from '../../../src/case/case-state';
import { evolveCase } from '../../../src/case/evolve-case';
import { OversightEvent, OversightEventType } from '../../../src/events/oversight-events';

/**
 * The same state as `foldCase` (voided records left out), built for bulk imports: the events
 * are evolved without their ids and `eventsSeen` is filled once at the end, because
 * evolveCase copies `eventsSeen` at every event, which makes a long stream's fold quadratic.
 * A unit test holds it equal to foldCase.
 */
export function foldStreamForImport(events: readonly (OversightEvent & { id: string })[]): CaseState {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  let state = initialCaseState;
  const eventsSeen: Record<string, OversightEventType> = {};
  for (const event of events) {
    if (voided.has(event.id)) continue;
    state = evolveCase(state, { type: event.type, data: event.data } as OversightEvent);
    eventsSeen[event.id] = event.type;
  }
  return { ...state, eventsSeen };
}

/** The state after an event decided in this import: its id is not needed to decide what follows. */
export const evolveWithoutId = (state: CaseState, event: OversightEvent): CaseState => evolveCase(state, event);
