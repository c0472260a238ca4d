import { CalendarDate } from '../../calendar/calendar-date';
import { workingDaysBetween } from '../../calendar/working-days';
import { LocalAuthorityConfig } from '../../config/local-authority-config';
import { ChallengeCategory, ChallengeOutcome } from '../../events/codes';
import { stageResponseDueBy } from '../../timescales/issues-resolution-stages';
import { ChallengeFact } from './challenge-facts';
import { rankOf, StageKey, stageKey, stageOf } from './challenge-stages';
import { inDateOrder } from '../drift-and-delay/child-facts';

/** One stay of a challenge at one stage of the Issues Resolution Process. */
export interface StageSpell {
  stage: StageKey;
  enteredOn: CalendarDate;
  /** the stage's response deadline; null at Cafcass, which has none */
  responseDueBy: CalendarDate | null;
  /** the first response recorded at this stage */
  respondedOn: CalendarDate | null;
  /** the record of that response */
  respondedEventId: string | null;
  /** escalated or resolved on; null while the challenge is at this stage */
  leftOn: CalendarDate | null;
  /** working days from entering to leaving the stage; null while at it */
  workingDays: number | null;
  /**
   * met: a response, or the stage's end, on or before the deadline; null while neither
   * has happened (whether it is missed depends on the date it is looked at) and at Cafcass
   */
  deadlineMet: boolean | null;
  /** the raising or escalation that entered the stage */
  eventId: string;
}

export interface ChallengeHistory {
  challengeId: string;
  childIds: string[];
  category: ChallengeCategory;
  raisedBy: string;
  raisedOn: CalendarDate;
  addressedTo: string | null;
  stages: StageSpell[];
  status: 'open' | 'resolved';
  outcome: ChallengeOutcome | null;
  resolvedOn: CalendarDate | null;
  recoveryPlanAgreed: boolean;
  /** the record of the resolution */
  resolvedEventId: string | null;
  /** every record the challenge is derived from */
  eventIds: string[];
}

/**
 * A challenge's stage history from its (non-voided) steps, in the order they happened.
 * Undefined when there is no raising (never raised, or the raising was voided: then the
 * challenge counts nowhere). A stage's deadline is the one decided when the step was
 * recorded (the configuration then in force: a later change of the authority's working
 * days does not move past deadlines); for a fact stored without it, the configured working
 * days counted from the day the stage was entered, as the decider counts them.
 */
export function challengeHistory(
  challengeId: string,
  facts: readonly ChallengeFact[],
  config: Pick<LocalAuthorityConfig, 'stageDeadlineWorkingDays'>,
): ChallengeHistory | undefined {
  const steps = inDateOrder(facts);
  const raised = raisingOf(steps);
  if (!raised) return undefined;
  const enter = (stage: StageKey, enteredOn: CalendarDate, eventId: string, decidedDueBy: CalendarDate | null | undefined): StageSpell => ({
    stage,
    enteredOn,
    responseDueBy: decidedDueBy !== undefined ? decidedDueBy : stageResponseDueBy(stageOf(stage), enteredOn, config),
    respondedOn: null,
    respondedEventId: null,
    leftOn: null,
    workingDays: null,
    deadlineMet: null,
    eventId,
  });
  const stages: StageSpell[] = [enter('1', raised.date, raised.eventId, raised.responseDueBy)];
  const history: ChallengeHistory = {
    challengeId,
    childIds: raised.childIds,
    category: raised.category,
    raisedBy: raised.raisedBy,
    raisedOn: raised.date,
    addressedTo: raised.addressedTo,
    stages,
    status: 'open',
    outcome: null,
    resolvedOn: null,
    recoveryPlanAgreed: false,
    resolvedEventId: null,
    eventIds: [raised.eventId],
  };
  for (const step of steps) {
    const current = stages[stages.length - 1];
    if (step === raised || history.status === 'resolved' || step.date < raised.date) continue;
    if (step.kind === 'escalated') {
      const to = stageKey(step.toStage);
      if (rankOf(to) <= rankOf(current.stage) || step.date < current.enteredOn) continue;
      current.leftOn = step.date;
      stages.push(enter(to, step.date, step.eventId, step.responseDueBy));
    } else if (step.kind === 'responded') {
      const spell = stages.find((s) => s.stage === stageKey(step.stage));
      if (!spell || spell.respondedOn !== null || step.date < spell.enteredOn) continue;
      spell.respondedOn = step.date;
      spell.respondedEventId = step.eventId;
    } else if (step.kind === 'resolved') {
      if (step.date < current.enteredOn) continue;
      current.leftOn = step.date;
      history.status = 'resolved';
      history.outcome = step.outcome;
      history.resolvedOn = step.date;
      history.recoveryPlanAgreed = step.outcome === 'recovery-plan-agreed';
      history.resolvedEventId = step.eventId;
    } else {
      continue;
    }
    history.eventIds.push(step.eventId);
  }
  stages.forEach((spell, index) => settle(spell, history.status === 'resolved' && index === stages.length - 1));
  return history;
}

export type RaisingFact = Extract<ChallengeFact, { kind: 'raised' }>;

/**
 * The raising a challenge's history starts from: the first in the order the steps
 * happened (by date, then as recorded); undefined when none (never raised, or voided).
 */
export function raisingOf(facts: readonly ChallengeFact[]): RaisingFact | undefined {
  let first: RaisingFact | undefined;
  for (const fact of facts) {
    if (fact.kind !== 'raised') continue;
    if (!first || fact.date < first.date || (fact.date === first.date && fact.position < first.position)) first = fact;
  }
  return first;
}

/** Fills in what a spell's dates decide: working days spent and whether the deadline was met (`resolvedAt`: the challenge was resolved at it). */
function settle(spell: StageSpell, resolvedAt: boolean): StageSpell {
  spell.workingDays = spell.leftOn === null ? null : workingDaysBetween(spell.enteredOn, spell.leftOn);
  spell.deadlineMet = deadlineMetBy(spell, resolvedAt);
  return spell;
}

/**
 * Whether the stage's deadline was met: answered by a response, or by the resolution of
 * the challenge at it (`resolvedAt`), on or before the deadline. An escalation is the IRO
 * moving on, not an answer: a stage escalated with no response missed its deadline if it
 * was escalated after it, and is not measured (null) if before it, the time to respond not
 * having run out. Null too while nothing has decided it, and at Cafcass (no deadline).
 */
export function deadlineMetBy(spell: Pick<StageSpell, 'responseDueBy' | 'respondedOn' | 'leftOn'>, resolvedAt: boolean): boolean | null {
  if (spell.responseDueBy === null) return null;
  const answered = earlierOf(spell.respondedOn, resolvedAt ? spell.leftOn : null);
  if (answered !== null) return answered <= spell.responseDueBy;
  if (spell.leftOn !== null) return spell.leftOn > spell.responseDueBy ? false : null;
  return null;
}

const earlierOf = (a: CalendarDate | null, b: CalendarDate | null): CalendarDate | null =>
  a === null ? b : b === null ? a : a < b ? a : b;

/** When the stage was first answered: its first response or its end, whichever came first. */
export function answeredOn(spell: Pick<StageSpell, 'respondedOn' | 'leftOn'>): CalendarDate | null {
  const { respondedOn, leftOn } = spell;
  if (respondedOn === null) return leftOn;
  if (leftOn === null) return respondedOn;
  return respondedOn < leftOn ? respondedOn : leftOn;
}

type HistoryShape = Pick<ChallengeHistory, 'stages' | 'status' | 'outcome' | 'resolvedOn' | 'recoveryPlanAgreed'> &
  Partial<Pick<ChallengeHistory, 'resolvedEventId' | 'eventIds'>>;

/**
 * The challenge as it stood at the end of `date`: only the steps dated on or before it,
 * and only their records. Undefined when it was raised after `date`.
 */
export function challengeAsAt<T extends HistoryShape>(challenge: T, date: CalendarDate): T | undefined {
  const resolved = challenge.resolvedOn !== null && challenge.resolvedOn <= date;
  const entered = challenge.stages.filter((spell) => spell.enteredOn <= date);
  const stages = entered.map((spell, index) => {
    const responded = spell.respondedOn !== null && spell.respondedOn <= date;
    const cut = {
      ...spell,
      respondedOn: responded ? spell.respondedOn : null,
      respondedEventId: responded ? spell.respondedEventId : null,
      leftOn: spell.leftOn !== null && spell.leftOn <= date ? spell.leftOn : null,
    };
    return settle(cut, resolved && index === entered.length - 1);
  });
  if (stages.length === 0) return undefined;
  const then: T = {
    ...challenge,
    stages,
    status: resolved ? 'resolved' : 'open',
    outcome: resolved ? challenge.outcome : null,
    resolvedOn: resolved ? challenge.resolvedOn : null,
    recoveryPlanAgreed: resolved && challenge.recoveryPlanAgreed,
  };
  if (challenge.resolvedEventId !== undefined) then.resolvedEventId = resolved ? challenge.resolvedEventId : null;
  if (challenge.eventIds !== undefined) {
    const recordsThen = new Set(stages.flatMap((spell) => [spell.eventId, spell.respondedEventId]));
    if (resolved) recordsThen.add(challenge.resolvedEventId ?? null);
    then.eventIds = challenge.eventIds.filter((id) => recordsThen.has(id));
  }
  return then;
}

/**
 * Whether the stage's deadline was met as the stage stood at the end of `date` (a spell cut
 * at `date`, see challengeAsAt): as deadlineMetBy, and missed when still unanswered at it
 * after its deadline; null when not decided by then (or not measured).
 */
export function deadlineMetAsOf(spell: StageSpell, date: CalendarDate): boolean | null {
  if (spell.deadlineMet !== null || spell.responseDueBy === null) return spell.deadlineMet;
  return spell.leftOn === null && date > spell.responseDueBy ? false : null;
}

export const currentSpell = (challenge: Pick<ChallengeHistory, 'stages'>): StageSpell =>
  challenge.stages[challenge.stages.length - 1];

/**
 * An open stage is overdue on `date` when its deadline has passed and it has had no answer
 * by then. The one definition: the read models, the oversight and the challenge record use it.
 */
export function isOverdueAt(spell: Pick<StageSpell, 'responseDueBy' | 'respondedOn' | 'leftOn'>, date: CalendarDate): boolean {
  if (spell.responseDueBy === null || date <= spell.responseDueBy) return false;
  const metOn = answeredOn(spell);
  return metOn === null || metOn > date;
}
