import { challengeSpec } from '../testing/decider-specs';
import { challengeEscalated, challengeRaised, challengeResolved, challengeResponded } from '../testing/oversight-history';
import { ChallengeCommand } from './challenge-commands';
import { ChallengeStage } from '../events/codes';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';

const raised = challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-27' });
const escalate = (toStage: Exclude<ChallengeStage, 1>, escalatedOn = '2020-05-04'): ChallengeCommand => ({
  type: 'escalateChallenge', challengeId: 'ch-1', escalatedOn, toStage, reason: 'No response at the previous stage',
});

describe('escalating a challenge', () => {
  it('moves to the next stage with its deadline, across the 8 May 2020 bank holiday', () => {
    challengeSpec
      .given(raised)
      .when(escalate(2))
      .then({
        type: 'ChallengeEscalated',
        data: {
          challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 2, reason: 'No response at the previous stage',
          responseDueBy: '2020-05-12', effectiveDate: '2020-05-04',
        },
      });
  });

  it('may bypass stages: 1 -> 3 (IRO Handbook 6.2)', () => {
    const outcome = challengeSpec.given(raised).when(escalate(3));
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ fromStage: 1, toStage: 3, responseDueBy: '2020-05-12' }) })],
    });
  });

  it('takes the configured deadline of the stage entered: stage 4 at 10 working days, across Christmas 2019', () => {
    const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 10 } };
    const outcome = challengeSpec
      .given(challengeRaised({ challengeId: 'ch-1', raisedOn: '2019-12-13' }))
      .when(escalate(4, '2019-12-20'), { config });
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ fromStage: 1, toStage: 4, responseDueBy: '2020-01-08' }) })],
    });
  });

  it('refers to Cafcass from stage 2, with no IRP deadline', () => {
    challengeSpec
      .given(raised, challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 2 }))
      .when(escalate('cafcass', '2020-05-13'))
      .then({
        type: 'ChallengeEscalated',
        data: {
          challengeId: 'ch-1', escalatedOn: '2020-05-13', fromStage: 2, toStage: 'cafcass', reason: 'No response at the previous stage',
          responseDueBy: null, effectiveDate: '2020-05-13',
        },
      });
  });

  it('refuses moving back: 3 -> 2', () => {
    challengeSpec
      .given(raised, challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 3 }))
      .when(escalate(2, '2020-05-13'))
      .thenRejects('escalation-not-forward');
  });

  it('refuses staying at the same stage', () => {
    challengeSpec
      .given(raised, challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 2 }))
      .when(escalate(2, '2020-05-13'))
      .thenRejects('escalation-not-forward');
  });

  it('refuses escalating past Cafcass', () => {
    challengeSpec
      .given(raised, challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 'cafcass' }))
      .when(escalate('cafcass', '2020-05-13'))
      .thenRejects('escalation-not-forward');
  });

  it("refuses an escalation dated before the challenge's last step (a response)", () => {
    challengeSpec
      .given(raised, challengeResponded({ challengeId: 'ch-1', respondedOn: '2020-05-01', stage: 1 }))
      .when(escalate(2, '2020-04-30'))
      .thenRejects('before-last-step');
  });

  it('refuses an escalation dated after today', () => {
    challengeSpec.given(raised).when(escalate(2, '2021-04-01')).thenRejects('date-in-future');
  });

  it('refuses escalating a resolved challenge', () => {
    challengeSpec
      .given(raised, challengeResolved({ challengeId: 'ch-1', resolvedOn: '2020-04-30', stage: 1 }))
      .when(escalate(2))
      .thenRejects('challenge-resolved');
  });

  it('refuses escalating a challenge never raised', () => {
    challengeSpec.given().when(escalate(2)).thenRejects('challenge-not-found');
  });
});
