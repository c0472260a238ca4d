import { withId } from '../testing/given-when-then';
import { challengeEscalated, challengeRaised, challengeResolved, challengeResponded, recordVoided } from '../testing/oversight-history';
import { foldChallenge } from './evolve-challenge';
import { seenEventTypes } from '../case/case-state';

describe('the challenge state', () => {
  it('keeps the stage history with entry dates, deadlines and leaving dates', () => {
    const state = foldChallenge([
      withId('a', challengeRaised({ challengeId: 'ch-1', childIds: ['child-1', 'child-2'], raisedOn: '2020-04-27', category: 'placement' })),
      withId('b', challengeResponded({ challengeId: 'ch-1', respondedOn: '2020-04-30', stage: 1 })),
      withId('c', challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 3 })),
      withId('d', challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-13', fromStage: 3, toStage: 'cafcass' })),
      withId('e', challengeResolved({ challengeId: 'ch-1', resolvedOn: '2020-06-01', stage: 'cafcass', outcome: 'resolved' })),
    ]);
    expect(state).toMatchObject({
      raised: true, challengeId: 'ch-1', childIds: ['child-1', 'child-2'], category: 'placement', raisedBy: 'iro-1',
      raisedOn: '2020-04-27', stage: 'cafcass', highestStage: 'cafcass', lastStepOn: '2020-06-01', resolved: true,
      resolvedOn: '2020-06-01', outcome: 'resolved', recoveryPlan: null, voidedIds: [],
    });
    expect(state.stageHistory).toEqual([
      { stage: 1, enteredOn: '2020-04-27', responseDueBy: '2020-05-04', leftOn: '2020-05-04' },
      { stage: 3, enteredOn: '2020-05-04', responseDueBy: '2020-05-12', leftOn: '2020-05-13' },
      { stage: 'cafcass', enteredOn: '2020-05-13', responseDueBy: null, leftOn: '2020-06-01' },
    ]);
    expect(state.responses).toEqual([
      { respondedOn: '2020-04-30', respondedBy: 'manager-1', response: 'Permanence planning meeting booked', stage: 1 },
    ]);
    expect([...seenEventTypes(state.eventsSeen).keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves voided records out: a voided escalation leaves the stage where it was', () => {
    const state = foldChallenge([
      withId('a', challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-27' })),
      withId('c', challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 3 })),
      withId('v', recordVoided({ eventId: 'c', voidedType: 'ChallengeEscalated', effectiveDate: '2020-05-05' })),
    ]);
    expect(state.stage).toBe(1);
    expect(state.highestStage).toBe(1);
    expect(state.stageHistory).toEqual([{ stage: 1, enteredOn: '2020-04-27', responseDueBy: '2020-05-04' }]);
    expect(state.lastStepOn).toBe('2020-04-27');
    expect(state.voidedIds).toEqual(['c']);
  });
});
