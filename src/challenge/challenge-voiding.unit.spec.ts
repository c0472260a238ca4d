import { challengeSpec } from '../testing/decider-specs';
import { withId } from '../testing/given-when-then';
import { challengeEscalated, challengeRaised, challengeResolved, challengeResponded, recordVoided } from '../testing/oversight-history';
import { ChallengeCommand } from './challenge-commands';

const raised = withId('raise', challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-27' }));
const toStage3 = withId('esc', challengeEscalated({ challengeId: 'ch-1', escalatedOn: '2020-05-04', fromStage: 1, toStage: 3 }));
const resolvedAt3 = withId('res', challengeResolved({ challengeId: 'ch-1', resolvedOn: '2020-05-08', stage: 3 }));
const voidRecord = (eventId: string, voidedOn = '2020-05-12'): ChallengeCommand => ({
  type: 'voidChallengeRecord', challengeId: 'ch-1', eventId, reason: 'entered on the wrong challenge', voidedOn,
});

describe('voiding a challenge record', () => {
  it('voids an escalation entered wrongly', () => {
    challengeSpec
      .given(raised, toStage3)
      .when(voidRecord('esc'))
      .then({
        type: 'RecordVoided',
        data: { eventId: 'esc', voidedType: 'ChallengeEscalated', reason: 'entered on the wrong challenge', effectiveDate: '2020-05-12' },
      });
  });

  it('may void a resolution entered wrongly, on a resolved challenge', () => {
    const outcome = challengeSpec.given(raised, toStage3, resolvedAt3).when(voidRecord('res'));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'RecordVoided' })] });
  });

  it('reopens the challenge once its resolution is voided', () => {
    const outcome = challengeSpec
      .given(raised, toStage3, resolvedAt3, recordVoided({ eventId: 'res', voidedType: 'ChallengeResolved', effectiveDate: '2020-05-09' }))
      .when({ type: 'escalateChallenge', challengeId: 'ch-1', escalatedOn: '2020-05-11', toStage: 4, reason: 'No agreement' });
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ fromStage: 3, toStage: 4 }) })],
    });
  });

  it('after a voided escalation, the challenge is back at the stage before it', () => {
    challengeSpec
      .given(raised, toStage3, recordVoided({ eventId: 'esc', voidedType: 'ChallengeEscalated', effectiveDate: '2020-05-05' }))
      .when({ type: 'escalateChallenge', challengeId: 'ch-1', escalatedOn: '2020-05-06', toStage: 2, reason: 'No response' })
      .then(expect.objectContaining({ data: expect.objectContaining({ fromStage: 1, toStage: 2 }) }));
  });

  it('refuses an id that is not in the stream', () => {
    challengeSpec.given(raised).when(voidRecord('esc')).thenRejects('void-unknown-event');
  });

  it('refuses a record already voided', () => {
    challengeSpec
      .given(raised, toStage3, recordVoided({ eventId: 'esc', voidedType: 'ChallengeEscalated', effectiveDate: '2020-05-05' }))
      .when(voidRecord('esc'))
      .thenRejects('void-already-voided');
  });

  it('refuses to void a void', () => {
    challengeSpec
      .given(raised, toStage3, withId('void', recordVoided({ eventId: 'esc', voidedType: 'ChallengeEscalated', effectiveDate: '2020-05-05' })))
      .when(voidRecord('void'))
      .thenRejects('void-cannot-be-voided');
  });

  it('refuses a void dated after today', () => {
    challengeSpec.given(raised, toStage3).when(voidRecord('esc', '2021-04-01')).thenRejects('date-in-future');
  });

  it('refuses a void on a challenge with no records', () => {
    challengeSpec.given().when(voidRecord('esc')).thenRejects('challenge-not-found');
  });
});

describe('only the latest standing step of a challenge can be voided', () => {
  const voided = (eventId: string, voidedType: string) => recordVoided({ eventId, voidedType, effectiveDate: '2020-05-10' });

  it('refuses to void the raising while later steps stand, naming them latest first', () => {
    const outcome = challengeSpec.given(raised, toStage3, resolvedAt3).when(voidRecord('raise'));
    outcome.thenRejects('void-has-dependent-records');
    expect(outcome.decision).toEqual({
      violation: expect.objectContaining({ message: expect.stringContaining('res (ChallengeResolved), esc (ChallengeEscalated)') }),
    });
  });

  it('refuses to void an escalation after the resolution (the resolution stands on it)', () => {
    challengeSpec.given(raised, toStage3, resolvedAt3).when(voidRecord('esc')).thenRejects('void-has-dependent-records');
  });

  it('voids the resolution, then the escalation, then the raising; the challenge is then raised anew with no old steps', () => {
    challengeSpec
      .given(raised, toStage3, resolvedAt3, voided('res', 'ChallengeResolved'))
      .when(voidRecord('esc'))
      .then(expect.objectContaining({ type: 'RecordVoided' }));
    challengeSpec
      .given(raised, toStage3, resolvedAt3, voided('res', 'ChallengeResolved'), voided('esc', 'ChallengeEscalated'))
      .when(voidRecord('raise'))
      .then(expect.objectContaining({ type: 'RecordVoided' }));
    const state = challengeSpec
      .given(raised, toStage3, resolvedAt3, voided('res', 'ChallengeResolved'), voided('esc', 'ChallengeEscalated'), voided('raise', 'ChallengeRaised'),
        withId('raise-2', challengeRaised({ challengeId: 'ch-1', raisedOn: '2020-04-28' })))
      .when(voidRecord('raise-2')).state;
    expect(state).toMatchObject({ stage: 1, highestStage: 1, stepIds: ['raise-2'], dependents: {} });
  });

  it('a response stands on the steps before it', () => {
    const responded = withId('resp', challengeResponded({ challengeId: 'ch-1', respondedOn: '2020-05-06', stage: 3 }));
    challengeSpec.given(raised, toStage3, responded).when(voidRecord('esc')).thenRejects('void-has-dependent-records');
    challengeSpec.given(raised, toStage3, responded).when(voidRecord('resp')).then(expect.objectContaining({ type: 'RecordVoided' }));
  });
});
