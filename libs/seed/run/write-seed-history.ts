import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CaseState, initialCaseState } from '../../../src/case/case-state';
import { decideCase } from '../../../src/case/decide-case';
import { evolveCase } from '../../../src/case/evolve-case';
import { ChallengeState, initialChallengeState } from '../../../src/challenge/challenge-state';
import { decideChallenge } from '../../../src/challenge/decide-challenge';
import { evolveChallenge } from '../../../src/challenge/evolve-challenge';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Decision, isViolation } from '../../../src/decision/decision';
import { EventMetadata, NewEvent } from '../../../src/events/envelope';
import { OversightEvent } from '../../../src/events/oversight-events';
import { schemaVersionOf } from '../../../src/events/schema-versions';
import { childStream } from '../../../src/events/streams';
import { StreamAppend } from '../../event-store/sqlite/sqlite-event-store';
import { DatedCommand } from './planned-commands';
import { SeedClock } from './seed-clock';

/** What the seed writes to: the SQLite event store's bulk append (one transaction per call). */
export interface SeedSink {
  appendMany(batches: StreamAppend[]): unknown;
}

export interface SeedWriteResult {
  events: number;
  streams: number;
  firstRecordedOn: CalendarDate | null;
  lastRecordedOn: CalendarDate | null;
}

/**
 * Runs the seed's commands through the same deciders as the API: each command is decided
 * on its stream's state (kept in memory, folded with the events decided so far), with
 * today = the day it is recorded; the events are appended with the stream's expected
 * revision, one transaction per recording day, the clock set to that day. A refusal is a
 * bug in the generator: it stops the seed, naming the command and the rule.
 */
export function writeSeedHistory(
  commands: readonly DatedCommand[],
  sink: SeedSink,
  clock: SeedClock,
  config: LocalAuthorityConfig,
  source: string,
): SeedWriteResult {
  const cases = new Map<string, CaseState>();
  const challenges = new Map<string, ChallengeState>();
  const revisions = new Map<string, number>();
  let batches: StreamAppend[] = [];
  let day: CalendarDate | null = null;
  let first: CalendarDate | null = null;
  let events = 0;
  let correlation = 0;

  const flush = () => {
    if (day === null || batches.length === 0) return;
    clock.recordOn(day);
    sink.appendMany(batches);
    batches = [];
  };

  for (const dated of commands) {
    if (dated.recordOn !== day) {
      flush();
      day = dated.recordOn;
      first ??= day;
    }
    const context = { today: dated.recordOn, config };
    let decision: Decision;
    if (dated.seed.kind === 'case') {
      decision = decideCase(dated.seed.command, cases.get(dated.stream) ?? initialCaseState, context);
    } else {
      const command = dated.seed.command;
      const children: Record<string, CaseState> = {};
      if (command.type === 'raiseChallenge') {
        for (const childId of command.childIds) children[childId] = cases.get(childStream(childId)) ?? initialCaseState;
      }
      decision = decideChallenge(command, challenges.get(dated.stream) ?? initialChallengeState, { ...context, children });
    }
    if (isViolation(decision)) throw new SeedCommandRefused(dated, decision.violation.rule, decision.violation.message);

    correlation += 1;
    const metadata: EventMetadata = {
      correlationId: `${source}:${correlation}`, causationId: `${source}:${correlation}`, actor: dated.actor, source,
    };
    const revisionBefore = revisions.get(dated.stream) ?? -1;
    const appended: NewEvent[] = [];
    let revision = revisionBefore;
    for (const event of decision.events) {
      revision += 1;
      const id = `${dated.stream}:${revision}`;
      evolve(cases, challenges, dated, { ...event, id });
      appended.push({ id, type: event.type, schemaVersion: schemaVersionOf(event), data: event.data as unknown as Record<string, unknown>, metadata });
    }
    revisions.set(dated.stream, revision);
    events += appended.length;
    const last = batches[batches.length - 1];
    if (last && last.stream === dated.stream) last.events.push(...appended);
    else batches.push({ stream: dated.stream, events: appended, expectedRevision: revisionBefore < 0 ? 'no-stream' : revisionBefore });
  }
  flush();
  return { events, streams: revisions.size, firstRecordedOn: first, lastRecordedOn: day };
}

function evolve(
  cases: Map<string, CaseState>, challenges: Map<string, ChallengeState>, dated: DatedCommand, event: OversightEvent & { id: string },
): void {
  if (dated.seed.kind === 'case') cases.set(dated.stream, evolveCase(cases.get(dated.stream) ?? initialCaseState, event));
  else challenges.set(dated.stream, evolveChallenge(challenges.get(dated.stream) ?? initialChallengeState, event));
}

/** A decider refused a seed command: the generator planned something the rules forbid. */
export class SeedCommandRefused extends Error {
  constructor(
    readonly command: DatedCommand,
    readonly rule: string,
    reason: string,
  ) {
    super(`the seed planned a command the rules refuse (${rule}) on ${command.stream}, recorded ${command.recordOn}: ` +
      `${command.seed.command.type}: ${reason}`);
    this.name = 'SeedCommandRefused';
  }
}
