import { CaseState, initialCaseState } from '../../../src/case/case-state';
import { evolveCase } from '../../../src/case/evolve-case';
import { OversightEvent } from '../../../src/events/oversight-events';

/**
 * The same state as `foldCase` (voided records left out), from a stream as an import reads
 * it. A unit test holds it equal to foldCase.
 */
export function foldStreamForImport(events: readonly (OversightEvent & { id: string })[]): CaseState {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  let state = initialCaseState;
  for (const event of events) {
    if (voided.has(event.id)) continue;
    // evolved with its id: what stands on what is kept by id
    state = evolveCase(state, { type: event.type, data: event.data, id: event.id } as OversightEvent & { id: string });
  }
  return state;
}
