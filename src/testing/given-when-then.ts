import { expect } from '@jest/globals';
import { Decision } from '../decision/decision';
import { OversightEvent } from '../events/oversight-events';

/** A recorded event in a spec's history: the id is given where a spec voids it. */
export type GivenEvent = OversightEvent & { id?: string };

export interface SpecDecider<Command, State, Context> {
  fold(events: (OversightEvent & { id: string })[]): State;
  decide(command: Command, state: State, context: Context): Decision;
}

export interface Outcome<State> {
  /** the state the command was decided on */
  state: State;
  decision: Decision;
  /** the command is accepted with exactly these events */
  then(...events: OversightEvent[]): void;
  /** the command is refused by `rule`, with a message in words */
  thenRejects(rule: string): void;
}

/**
 * given(events).when(command).then(events) | thenRejects(rule), for a pure decider.
 * Events without an id are given `given-<n>` (their position in the history, from 1).
 */
export function specFor<Command, State, Context>(decider: SpecDecider<Command, State, Context>, context: Context) {
  return {
    given(...history: GivenEvent[]) {
      const events = history.map((event, index) => ({ ...event, id: event.id ?? `given-${index + 1}` }));
      return {
        when(command: Command, contextOverride: Partial<Context> = {}): Outcome<State> {
          const state = decider.fold(events);
          const decision = decider.decide(command, state, { ...context, ...contextOverride });
          return {
            state,
            decision,
            then: (...expected) => expect(decision).toEqual({ events: expected }),
            thenRejects: (rule) =>
              expect(decision).toEqual({ violation: { rule, message: expect.stringMatching(/\w+ \w+/) } }),
          };
        },
      };
    },
  };
}

/** Gives a history event the id a later void names. */
export const withId = <E extends OversightEvent>(id: string, event: E): E & { id: string } => ({ ...event, id });
