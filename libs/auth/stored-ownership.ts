import { foldCase } from '../../src/case/evolve-case';
import { StoredOversightEvent } from '../../src/events/envelope';
import { isOversightEventType, upcast } from '../../src/events/schema-versions';
import { challengeStream, childStream, ID_PATTERN } from '../../src/events/streams';
import { EventStore } from '../event-store/event-store.port';
import { OwnershipLookups } from './access-check';

/**
 * Ownership read from the streams themselves, not from a read model, so a new
 * allocation counts at once (a projection may lag).
 */
export class StoredOwnership implements OwnershipLookups {
  constructor(private readonly store: EventStore) {}

  async currentIroOf(childId: string): Promise<string | null> {
    if (!ID_PATTERN.test(childId)) return null;
    const events = await this.oversightEvents(childStream(childId));
    return foldCase(events).iro?.iroId ?? null;
  }

  async challengeRaisedBy(challengeId: string): Promise<string | null> {
    if (!ID_PATTERN.test(challengeId)) return null;
    const events = await this.oversightEvents(challengeStream(challengeId));
    const voided = new Set(events.flatMap((e) => (e.type === 'RecordVoided' ? [e.data.eventId] : [])));
    const raised = events.find((e) => e.type === 'ChallengeRaised' && !voided.has(e.id));
    return raised?.type === 'ChallengeRaised' ? raised.data.raisedBy : null;
  }

  private async oversightEvents(stream: string): Promise<StoredOversightEvent[]> {
    return (await this.store.readStream(stream)).filter((e) => isOversightEventType(e.type)).map(upcast);
  }
}
