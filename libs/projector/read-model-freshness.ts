import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { Projector } from './projector';
import { PROJECTOR } from './projector.token';

/** How long a query waits for the in-process projector before answering from what it has. */
const CATCH_UP_LIMIT_MS = 5_000;

/**
 * Read-your-writes for queries on read models: when the projector runs in this process,
 * a query first waits until every event recorded so far is in the read models (it is
 * milliseconds behind). Where projections run in another process (apps/projector),
 * the query answers at once and /health shows how far behind the read models are.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async catchUp(): Promise<void> {
    if (!this.projector.isRunning) return;
    const head = await this.eventStore.headPosition();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CATCH_UP_LIMIT_MS);
    });
    try {
      await Promise.race([this.projector.waitForPosition(head), limit]);
    } finally {
      clearTimeout(timer);
    }
  }
}
