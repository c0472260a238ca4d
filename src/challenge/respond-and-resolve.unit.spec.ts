import { challengeSpec } from '../testing/decider-specs';
import { challengeEscalated, challengeRaised, challengeResolved, challengeResponded } from '../testing/oversight-history';
import { ChallengeCommand } from './challenge-commands';

const raised = challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-27' });
const atStage3 = [raised, challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 3 })];
const respond = (respondedOn: string): ChallengeCommand => ({
  type: 'respondToChallenge', challengeId: 'ch-1', respondedOn, respondedBy: 'head-of-service-1', response: 'Placement panel booked',
});
const resolve = (extra: Partial<Extract<ChallengeCommand, { type: 'resolveChallenge' }>> = {}): ChallengeCommand => ({
  type: 'resolveChallenge', challengeId: 'ch-1', resolvedOn: '2020-05-11', outcome: 'resolved', ...extra,
});

describe('responding to a challenge', () => {
  it('records the response at the current stage', () => {
    challengeSpec
      .given(...atStage3)
      .when(respond('2020-05-07'))
      .then({
        type: 'ChallengeResponded',
        data: {
          challengeId: 'ch-1', respondedOn: '2020-05-07', respondedBy: 'head-of-service-1', response: 'Placement panel booked',
          stage: 3, effectiveDate: '2020-05-07',
        },
      });
  });

  it("refuses a response dated before the challenge's last step", () => {
    challengeSpec.given(...atStage3).when(respond('2020-05-01')).thenRejects('before-last-step');
  });

  it('refuses a response on a resolved challenge', () => {
    challengeSpec
      .given(...atStage3, challengeResolved({ challengeId: 'ch-1', resolvedOn: '2020-05-08', stage: 3 }))
      .when(respond('2020-05-11'))
      .thenRejects('challenge-resolved');
  });

  it('refuses a response dated after today', () => {
    challengeSpec.given(...atStage3).when(respond('2021-04-01')).thenRejects('date-in-future');
  });

  it('refuses a response to a challenge never raised', () => {
    challengeSpec.given().when(respond('2020-05-07')).thenRejects('challenge-not-found');
  });
});

describe('resolving a challenge', () => {
  it('closes it at its current stage with an outcome', () => {
    challengeSpec
      .given(...atStage3, challengeResponded({ challengeId: 'ch-1', respondedOn: '2020-05-07', stage: 3 }))
      .when(resolve({ outcome: 'not-upheld' }))
      .then({
        type: 'ChallengeResolved',
        data: { challengeId: 'ch-1', resolvedOn: '2020-05-11', outcome: 'not-upheld', stage: 3, effectiveDate: '2020-05-11' },
      });
  });

  it('records an agreed recovery plan with its actions', () => {
    const actions = [
      { action: 'Permanence planning meeting', dueBy: '2020-05-29' },
      { action: 'Life story work started', dueBy: '2020-06-30' },
    ];
    challengeSpec
      .given(...atStage3)
      .when(resolve({ outcome: 'recovery-plan-agreed', recoveryPlan: { actions } }))
      .then({
        type: 'ChallengeResolved',
        data: {
          challengeId: 'ch-1', resolvedOn: '2020-05-11', outcome: 'recovery-plan-agreed', stage: 3, recoveryPlan: { actions },
          effectiveDate: '2020-05-11',
        },
      });
  });

  it('needs a recovery plan for the outcome recovery-plan-agreed', () => {
    challengeSpec.given(...atStage3).when(resolve({ outcome: 'recovery-plan-agreed' })).thenRejects('recovery-plan-required');
  });

  it('needs at least one action in the recovery plan', () => {
    challengeSpec
      .given(...atStage3)
      .when(resolve({ outcome: 'recovery-plan-agreed', recoveryPlan: { actions: [] } }))
      .thenRejects('recovery-plan-required');
  });

  it('refuses a recovery plan with another outcome', () => {
    challengeSpec
      .given(...atStage3)
      .when(resolve({ outcome: 'withdrawn', recoveryPlan: { actions: [{ action: 'Review', dueBy: '2020-06-01' }] } }))
      .thenRejects('recovery-plan-not-allowed');
  });

  it("refuses a resolution dated before the challenge's last step", () => {
    challengeSpec.given(...atStage3).when(resolve({ resolvedOn: '2020-05-01' })).thenRejects('before-last-step');
  });

  it('refuses resolving a challenge twice', () => {
    challengeSpec
      .given(...atStage3, challengeResolved({ challengeId: 'ch-1', resolvedOn: '2020-05-08', stage: 3 }))
      .when(resolve())
      .thenRejects('challenge-resolved');
  });

  it('refuses a resolution dated after today', () => {
    challengeSpec.given(...atStage3).when(resolve({ resolvedOn: '2021-04-01' })).thenRejects('date-in-future');
  });

  it('refuses resolving a challenge never raised', () => {
    challengeSpec.given().when(resolve()).thenRejects('challenge-not-found');
  });
});
