import { EventOf, OversightEvent, OversightEventType } from '../../../src/events/oversight-events';
import { CommandOutcome } from '../../../libs/nest/commands/stream-command-runner';

/** The data of the event of this type the command appended (what the decider computed). */
export function appendedEvent<K extends OversightEventType>(outcome: CommandOutcome, type: K): EventOf<K>['data'] {
  const event = outcome.events.find((candidate: OversightEvent) => candidate.type === type);
  if (!event) throw new Error(`the command appended no ${type}`);
  return event.data as EventOf<K>['data'];
}

/** `{ id, revision, eventIds }`, the part of the answer every command shares. */
export const accepted = (id: string, outcome: CommandOutcome) => ({
  id,
  revision: outcome.revision,
  eventIds: outcome.events.map((event) => event.id),
});
