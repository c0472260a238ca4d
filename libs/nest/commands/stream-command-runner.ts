import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Decision, DecisionContext, isViolation } from '../../../src/decision/decision';
import { NewEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { OversightEvent } from '../../../src/events/oversight-events';
import { schemaVersionOf } from '../../../src/events/schema-versions';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '../../event-store/event-store.port';
import { CommandOrigin } from './command-origin';
import { StreamReader } from '../streams/stream-reader';
import { isNotFoundRule, RuleViolationError } from './rule-violation.error';

/** One command on one stream: how to fold the stream and how to decide. */
export interface StreamCommand<S> {
  stream: string;
  fold(events: StoredOversightEvent[]): S;
  /** may read other streams (a challenge reads its children's cases) with StreamReader */
  decide(state: S, context: DecisionContext): Decision | Promise<Decision>;
}

export interface CommandOutcome {
  /** the events appended, with their new ids, in order */
  events: (OversightEvent & { id: string })[];
  /** the stream's revision after the append */
  revision: number;
  /** the global position of the last event appended */
  position: number;
}

/** Retries when another writer got in between load and append and the caller gave no If-Match. */
const ATTEMPTS_WITHOUT_IF_MATCH = 5;

/**
 * The one way a command changes a stream: load it, fold it, decide (with today from the
 * injected clock and the local authority's configuration), append the events with the
 * revision loaded. The append is the only commit point: a refusal or a lost race appends
 * nothing.
 *
 * With If-Match the caller's revision must be the stream's (else 409 expected-revision,
 * no retry), unless the child or challenge is unknown (404 first). Without it, a
 * concurrent write to the same stream makes the runner decide again on the new state, a
 * few times, before it gives up with the same 409.
 */
@Injectable()
export class StreamCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: StreamReader,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
  ) {}

  /** what the deciders know besides the state: today by the injected clock, and the configuration */
  decisionContext(): DecisionContext {
    return { today: this.reader.today(), config: this.config };
  }

  async run<S>(command: StreamCommand<S>, origin: CommandOrigin): Promise<CommandOutcome> {
    const attempts = origin.expectedRevision === undefined ? ATTEMPTS_WITHOUT_IF_MATCH : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(command, origin);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
      }
    }
  }

  private async runOnce<S>(command: StreamCommand<S>, origin: CommandOrigin): Promise<CommandOutcome> {
    const loaded = await this.reader.load(command.stream, command.fold);
    const earlier = recordedUnderKey(loaded.events, origin);
    if (earlier) {
      origin.foundRecorded?.();
      return earlier;
    }
    const decision = await command.decide(loaded.state, this.decisionContext());
    // an unknown child or challenge is 404 whatever revision the caller expected
    if (isViolation(decision) && isNotFoundRule(decision.violation.rule)) throw new RuleViolationError(decision.violation);
    if (origin.expectedRevision !== undefined && origin.expectedRevision !== loaded.revision) {
      throw new WrongExpectedRevisionError(command.stream, origin.expectedRevision, loaded.revision);
    }
    if (isViolation(decision)) throw new RuleViolationError(decision.violation);

    const events = decision.events.map((event) => ({ ...event, id: randomUUID() }) as OversightEvent & { id: string });
    if (events.length === 0) {
      const head = loaded.events[loaded.events.length - 1];
      return { events, revision: head?.revision ?? -1, position: head?.position ?? 0 };
    }
    const newEvents: NewEvent[] = events.map((event) => ({
      id: event.id,
      type: event.type,
      schemaVersion: schemaVersionOf(event),
      data: event.data as unknown as Record<string, unknown>,
      metadata: origin.metadata,
    }));
    const appended = await this.store.appendToStream(command.stream, newEvents, loaded.revision);
    return { events, revision: appended.nextRevision, position: appended.position };
  }
}

/**
 * The outcome of this same command when it was recorded before: events in the stream under
 * the caller's Idempotency-Key. The key store marks a key completed in a commit of its own
 * after the append, so a process killed in between leaves the events recorded and the key
 * open; the retry, once it takes the key over, must get the first outcome back (the same
 * answer), not record the command again. The key store has already refused the same key
 * for another request, so events under the key are this request's.
 */
function recordedUnderKey(events: readonly StoredOversightEvent[], origin: CommandOrigin): CommandOutcome | undefined {
  const { idempotencyKey, actor } = origin.metadata;
  if (idempotencyKey === undefined) return undefined;
  const recorded = events.filter((event) => event.metadata.idempotencyKey === idempotencyKey && event.metadata.actor?.userId === actor.userId);
  if (recorded.length === 0) return undefined;
  const last = recorded[recorded.length - 1];
  return {
    events: recorded.map(({ id, type, data }) => ({ id, type, data }) as OversightEvent & { id: string }),
    revision: last.revision,
    position: last.position,
  };
}
