import { EventStoreDbEventStore } from '../../../libs/event-store/eventstoredb/eventstoredb-event-store';
import { eventStoreContract } from './event-store.contract';
import { skippedSuite } from '../../support/skipped-suite';

const connectionString = process.env.EVENTSTORE_URL;

if (connectionString) {
  eventStoreContract('EventStoreDB', async () => ({
    open: async (clock) => new EventStoreDbEventStore({ connectionString, clock }),
    // streams have unique names; a shared server keeps them
    dispose: async () => undefined,
  }));
} else {
  skippedSuite(
    'EventStore contract: EventStoreDB',
    'EVENTSTORE_URL is not set, and no EventStoreDB server runs on this machine (no Docker engine). ' +
      'Set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run it.',
  );
}
