import { addDays } from '../../calendar/calendar-date';
import { addWorkingDays } from '../../calendar/working-days';
import { IRO_HANDBOOK_TOTAL_WORKING_DAYS } from '../../config/local-authority-config';
import { answeredOn, ChallengeHistory } from '../issues-resolution/challenge-history';
import { DateInterval, isEmpty } from './date-intervals';
import { flagWindow, FlagWindow } from './drift-flag';
import { longDate } from './long-date';

/** What a child's document keeps of a challenge naming the child. */
export type ChildChallenge = Pick<
  ChallengeHistory,
  'challengeId' | 'raisedOn' | 'status' | 'outcome' | 'resolvedOn' | 'recoveryPlanAgreed' | 'stages'
> & {
  raisedEventId: string;
};

export function childChallenge(history: ChallengeHistory): ChildChallenge {
  const { challengeId, raisedOn, status, outcome, resolvedOn, recoveryPlanAgreed, stages } = history;
  return { challengeId, raisedOn, status, outcome, resolvedOn, recoveryPlanAgreed, stages, raisedEventId: history.eventIds[0] };
}

/**
 * The challenge flags of a child named in challenges:
 * - challenge-overdue: from the day after a stage's response deadline until the stage
 *   is answered (a response, an escalation or the resolution);
 * - challenge-over-20-working-days: from the day the challenge has been open more than
 *   the IRO Handbook's 20 working days in all, until it is resolved.
 */
export function challengeFlagWindows(challenges: readonly ChildChallenge[]): FlagWindow[] {
  return challenges.flatMap((challenge) => {
    const windows: FlagWindow[] = [];
    for (const spell of challenge.stages) {
      if (spell.responseDueBy === null) continue;
      const overdue: DateInterval = { from: addDays(spell.responseDueBy, 1), until: answeredOn(spell) };
      if (isEmpty(overdue)) continue;
      windows.push(
        flagWindow(
          'challenge-overdue',
          overdue,
          `Challenge ${challenge.challengeId} at stage ${spell.stage} had no answer by its deadline, ${longDate(spell.responseDueBy)}.`,
          { eventIds: [spell.eventId], dates: { stageEnteredOn: spell.enteredOn, responseDueBy: spell.responseDueBy } },
        ),
      );
    }
    const overTwenty: DateInterval = {
      from: addWorkingDays(challenge.raisedOn, IRO_HANDBOOK_TOTAL_WORKING_DAYS + 1),
      until: challenge.resolvedOn,
    };
    if (!isEmpty(overTwenty)) {
      windows.push(
        flagWindow(
          'challenge-over-20-working-days',
          overTwenty,
          `Challenge ${challenge.challengeId}, raised on ${longDate(challenge.raisedOn)}, has been open more than ${IRO_HANDBOOK_TOTAL_WORKING_DAYS} working days.`,
          { eventIds: [challenge.raisedEventId], dates: { raisedOn: challenge.raisedOn } },
        ),
      );
    }
    return windows;
  });
}
