import { RecordedEvent } from '../../../src/events/envelope';
import { SubscribeToAllOptions, Subscription } from '../event-store.port';

export interface EventPageSource {
  /** up to `limit` events with position > `after`, in order */
  readPage(after: number, limit: number): RecordedEvent[];
}

const PAGE_SIZE = 500;

/**
 * A catch-up subscription over a store that can be read by position: it reads pages
 * from its checkpoint until a page comes back short (then reports caught up once), and
 * then waits for a wake-up from an append in this process, or for the poll interval,
 * which is how it sees appends made by another process on the same file.
 *
 * Events are delivered one at a time; the next waits for the handler to resolve. When a
 * handler throws, the error goes to `onError` and the subscription ends (an event is
 * never skipped); the owner resubscribes from its last checkpoint.
 * Do not await `stop()` from inside `onEvent`: stop waits for the handler to finish.
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  private woken = false;
  private endIdle: (() => void) | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly source: EventPageSource,
    private readonly options: SubscribeToAllOptions,
    private readonly pollIntervalMs: number,
    onFinished: (subscription: PollingSubscription) => void,
  ) {
    this.finished = this.deliver().finally(() => onFinished(this));
  }

  /** an append in this process committed: look again now rather than at the next poll */
  wake(): void {
    if (this.endIdle) this.endIdle();
    else this.woken = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.finished;
  }

  private async deliver(): Promise<void> {
    let checkpoint = this.options.fromPosition;
    let caughtUp = false;
    // let subscribeToAll return before the first delivery
    await Promise.resolve();
    try {
      while (!this.stopped) {
        this.woken = false;
        const page = this.source.readPage(checkpoint, PAGE_SIZE);
        for (const event of page) {
          if (this.stopped) return;
          await this.options.onEvent(event);
          checkpoint = event.position;
        }
        // a short page reached the head as it was when read: anything appended since has woken us
        if (page.length === PAGE_SIZE) continue;
        if (!caughtUp) {
          caughtUp = true;
          this.options.onCaughtUp?.();
        }
        await this.idle();
      }
    } catch (error) {
      if (!this.stopped) this.options.onError?.(error);
    }
  }

  private idle(): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), this.pollIntervalMs);
      const done = (): void => {
        clearTimeout(timer);
        this.endIdle = undefined;
        resolve();
      };
      this.endIdle = done;
    });
  }
}
