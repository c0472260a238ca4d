import { foldCase } from '../case/evolve-case';
import { CaseState } from '../case/case-state';
import { challengeSpec } from '../testing/decider-specs';
import { challengeRaised, childRegistered } from '../testing/oversight-history';
import { ChallengeCommand } from './challenge-commands';

const caseOf = (event: ReturnType<typeof childRegistered>): CaseState => foldCase([{ ...event, id: 'reg' }]);
const children: Record<string, CaseState> = {
  'child-1': caseOf(childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' })),
  'child-2': caseOf(childRegistered({ childId: 'child-2', dateOfBirth: '2020-03-10' })),
  'unborn-1': caseOf(childRegistered({ childId: 'unborn-1', expectedDateOfBirth: '2021-01-04' })),
  'unborn-2': caseOf(childRegistered({ childId: 'unborn-2', expectedDateOfBirth: '2021-07-01' })),
};
const raise = (extra: Partial<Extract<ChallengeCommand, { type: 'raiseChallenge' }>> = {}): ChallengeCommand => ({
  type: 'raiseChallenge', challengeId: 'ch-1', childIds: ['child-1'], raisedOn: '2020-05-04', raisedBy: 'iro-1',
  category: 'permanence', summary: 'No permanence plan at the second review', ...extra,
});

describe('raising a challenge', () => {
  it('raises it at stage 1 with its response deadline, across the 8 May 2020 bank holiday', () => {
    challengeSpec
      .given()
      .when(raise({ addressedTo: 'team-manager-3' }), { children })
      .then({
        type: 'ChallengeRaised',
        data: {
          challengeId: 'ch-1', childIds: ['child-1'], raisedOn: '2020-05-04', raisedBy: 'iro-1', category: 'permanence',
          summary: 'No permanence plan at the second review', addressedTo: 'team-manager-3', stage: 1,
          responseDueBy: '2020-05-12', effectiveDate: '2020-05-04',
        },
      });
  });

  it('names several children for a service-level challenge, one registered unborn and due by then among them', () => {
    const outcome = challengeSpec.given().when(raise({ childIds: ['child-1', 'unborn-1'], raisedOn: '2021-01-11' }), { children });
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ childIds: ['child-1', 'unborn-1'], responseDueBy: '2021-01-18' }) })],
    });
  });

  it('refuses raising a challenge that is already raised', () => {
    challengeSpec
      .given(challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-01' }))
      .when(raise(), { children })
      .thenRejects('challenge-already-raised');
  });

  it('needs at least one child', () => {
    challengeSpec.given().when(raise({ childIds: [] }), { children }).thenRejects('child-ids-required');
  });

  it('names each child once', () => {
    challengeSpec.given().when(raise({ childIds: ['child-1', 'child-1'] }), { children }).thenRejects('child-ids-not-unique');
  });

  it('refuses a child who is not registered', () => {
    challengeSpec.given().when(raise({ childIds: ['child-1', 'child-9'] }), { children }).thenRejects('child-not-registered');
  });

  it('counts a child as not registered when the caller gives no children', () => {
    challengeSpec.given().when(raise()).thenRejects('child-not-registered');
  });

  it("refuses a challenge dated before a named child's birth", () => {
    challengeSpec.given().when(raise({ childIds: ['child-2'], raisedOn: '2020-03-09' }), { children }).thenRejects('before-birth');
  });

  it("refuses a challenge about an unborn child dated before its expected birth, naming the child (nothing else than conferences, plans and an IRO allocation may be dated in the pregnancy)", () => {
    const outcome = challengeSpec.given().when(raise({ childIds: ['child-1', 'unborn-2'], raisedOn: '2021-01-11' }), { children });
    outcome.thenRejects('before-birth');
    expect(outcome.decision).toEqual({
      violation: expect.objectContaining({ message: expect.stringMatching(/unborn-2.*expected date of birth \(2021-07-01\)/) }),
    });
    challengeSpec.given().when(raise({ childIds: ['unborn-2'], raisedOn: '2000-01-03' }), { children }).thenRejects('before-birth');
  });

  it('refuses a challenge dated after today', () => {
    challengeSpec.given().when(raise({ raisedOn: '2021-04-01' }), { children }).thenRejects('date-in-future');
  });
});
