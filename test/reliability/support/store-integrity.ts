import { RecordedEvent } from '../../../src/events/envelope';
import { EventStore } from '../../../libs/event-store/event-store.port';

/**
 * What a crash must never leave behind, read back from the store: every event readable
 * whole (its data and metadata parse, its metadata names an actor), global positions
 * 1..head with no gap, each stream's revisions 0..n with no gap, no event id twice.
 * Returns the problems found (none: []).
 */
export async function integrityProblems(store: EventStore): Promise<{ problems: string[]; events: RecordedEvent[] }> {
  const problems: string[] = [];
  const events: RecordedEvent[] = [];
  const nextRevision = new Map<string, number>();
  const ids = new Set<string>();
  let expectedPosition = 1;
  try {
    for await (const event of store.readAll()) {
      events.push(event);
      if (event.position !== expectedPosition) problems.push(`position ${expectedPosition} missing (next is ${event.position})`);
      expectedPosition = event.position + 1;
      const revision = nextRevision.get(event.stream) ?? 0;
      if (event.revision !== revision) problems.push(`${event.stream}: revision ${event.revision} where ${revision} was due`);
      nextRevision.set(event.stream, event.revision + 1);
      if (ids.has(event.id)) problems.push(`event id ${event.id} twice`);
      ids.add(event.id);
      if (typeof event.data !== 'object' || event.data === null) problems.push(`${event.id}: data is not an object`);
      const actor = event.metadata?.actor;
      if (!actor || typeof actor.userId !== 'string' || typeof actor.role !== 'string') problems.push(`${event.id}: metadata names no actor`);
    }
  } catch (error) {
    problems.push(`the store cannot be read to its end: ${(error as Error).message}`);
  }
  if (events.length !== (await store.headPosition())) problems.push(`read ${events.length} events, head position is ${await store.headPosition()}`);
  return { problems, events };
}
