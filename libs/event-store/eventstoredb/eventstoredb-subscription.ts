import { AllStreamSubscription } from '@eventstore/db-client';
import { SubscribeToAllOptions, Subscription } from '../event-store.port';
import { fromStoredEvent, isSystemEvent, positionNumber } from './eventstoredb-event-mapping';

/**
 * Feeds an EventStoreDB catch-up subscription to $all into the port's handler, one event
 * at a time (the async iterator applies back-pressure to the gRPC stream).
 *
 * Caught up: the server says so (a `caughtUp` message, from EventStoreDB 23.10); older
 * servers do not, so the subscription is also caught up once it has passed the head
 * position measured when it started. Whichever comes first fires `onCaughtUp`, once,
 * and only after the events before it have been handled.
 * A handler that throws ends the subscription and goes to `onError`.
 */
export class EventStoreDbSubscription implements Subscription {
  private stopped = false;
  private serverCaughtUp = false;
  private reportedCaughtUp = false;
  private handling = false;
  private lastDelivered: number;
  private headAtStart: number | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly subscription: AllStreamSubscription,
    private readonly options: SubscribeToAllOptions,
    headAtStart: Promise<number>,
  ) {
    this.lastDelivered = options.fromPosition;
    subscription.on('caughtUp', () => {
      this.serverCaughtUp = true;
      this.reportCaughtUpWhenDue();
    });
    headAtStart.then(
      (head) => {
        this.headAtStart = head;
        this.reportCaughtUpWhenDue();
      },
      () => undefined,
    );
    this.finished = this.deliver();
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      // a subscription that never reached the server rejects its unsubscribe: stopping goes on regardless
      await this.subscription.unsubscribe().catch(() => undefined);
      // ends the iteration below even if the cancelled call never ends its stream
      this.subscription.destroy();
    }
    await this.finished;
  }

  private async deliver(): Promise<void> {
    try {
      for await (const resolved of this.subscription) {
        if (this.stopped) break;
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const position = positionNumber(event.position) ?? -1;
        // positions given to a subscription are exclusive; this guards a server that repeats one
        if (position <= this.options.fromPosition) continue;
        this.handling = true;
        await this.options.onEvent(fromStoredEvent(event));
        this.handling = false;
        this.lastDelivered = position;
        this.reportCaughtUpWhenDue();
      }
    } catch (error) {
      if (!this.stopped) {
        this.stopped = true;
        await this.subscription.unsubscribe().catch(() => undefined);
        this.options.onError?.(error);
      }
    }
  }

  private reportCaughtUpWhenDue(): void {
    if (this.reportedCaughtUp || this.stopped || this.handling) return;
    const nothingBuffered = this.subscription.readableLength === 0;
    const passedHead = this.headAtStart !== undefined && this.lastDelivered >= this.headAtStart;
    if ((this.serverCaughtUp && nothingBuffered) || passedHead) {
      this.reportedCaughtUp = true;
      this.options.onCaughtUp?.();
    }
  }
}
