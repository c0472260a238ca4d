import { accept, Decision } from '../decision/decision';
import { ChallengeCommand } from './challenge-commands';
import { ChallengeDecisionContext } from './challenge-decision-context';
import { refuseChallenge } from './challenge-rules';
import { ChallengeState } from './challenge-state';
import { stageResponseDueBy } from '../timescales/issues-resolution-stages';

type RaiseChallenge = Extract<ChallengeCommand, { type: 'raiseChallenge' }>;

/**
 * The IRO raises a challenge about one child's plan, or several children's (a
 * service-level challenge), at stage 1 of the Issues Resolution Process. Every child
 * named must be registered, and the challenge cannot be dated before any named child's
 * birth: the `before-birth` rule lets only conferences, a plan start or end and an IRO
 * allocation stand in the pregnancy, so an unborn child may be named from its expected
 * date of birth on.
 */
export function raiseChallenge(command: RaiseChallenge, state: ChallengeState, context: ChallengeDecisionContext): Decision {
  const { challengeId, childIds, raisedOn, raisedBy, category, summary, addressedTo } = command;
  if (state.raised) {
    return refuseChallenge('challenge-already-raised', `Challenge ${challengeId} is already raised (on ${state.raisedOn}).`);
  }
  if (childIds.length === 0) {
    return refuseChallenge('child-ids-required', 'A challenge names at least one child.');
  }
  const repeated = childIds.filter((id, index) => childIds.indexOf(id) !== index);
  if (repeated.length > 0) {
    return refuseChallenge('child-ids-not-unique', `The challenge names ${[...new Set(repeated)].join(', ')} more than once.`);
  }
  if (raisedOn > context.today) {
    return refuseChallenge('date-in-future', `The challenge is dated ${raisedOn}, after today (${context.today}).`);
  }
  for (const childId of childIds) {
    const child = context.children?.[childId];
    if (!child?.registered) {
      return refuseChallenge('child-not-registered', `Child ${childId} is not registered.`);
    }
    const dateOfBirth = child.child?.dateOfBirth;
    if (dateOfBirth && raisedOn < dateOfBirth) {
      return refuseChallenge(
        'before-birth',
        `The challenge is dated ${raisedOn}, before child ${childId}'s birth on ${dateOfBirth}.`,
      );
    }
    const expectedDateOfBirth = child.child?.expectedDateOfBirth;
    if (!dateOfBirth && expectedDateOfBirth && raisedOn < expectedDateOfBirth) {
      return refuseChallenge(
        'before-birth',
        `The challenge is dated ${raisedOn}, before unborn child ${childId}'s expected date of birth (${expectedDateOfBirth}); ` +
          'only conferences, a plan and an IRO allocation may be dated in the pregnancy.',
      );
    }
  }
  return accept({
    type: 'ChallengeRaised',
    data: {
      challengeId,
      childIds: [...childIds],
      raisedOn,
      raisedBy,
      category,
      summary,
      ...(addressedTo !== undefined && { addressedTo }),
      stage: 1,
      responseDueBy: stageResponseDueBy(1, raisedOn, context.config)!,
      effectiveDate: raisedOn,
    },
  });
}
