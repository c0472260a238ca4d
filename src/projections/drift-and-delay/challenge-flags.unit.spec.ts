import { flagOn, oversightDocument } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';

describe('drift flag challenge-overdue', () => {
  it('is true from the day after the stage deadline (5 working days across the bank holiday of Fri 8 May 2020) until the stage is answered', () => {
    const given = new OversightHistory();
    const raised = given.challengeRaised('ch-1', ['c-1'], '2020-05-04');
    given.challengeEscalated('ch-1', '2020-05-20', 2);

    expect(flagOn(given, 'c-1', '2020-05-12', 'challenge-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-05-13', 'challenge-overdue')).toEqual({
      flag: 'challenge-overdue',
      since: '2020-05-13',
      reason: 'Challenge ch-1 at stage 1 had no answer by its deadline, 12 May 2020.',
      evidence: [{ eventIds: [raised.id], dates: { stageEnteredOn: '2020-05-04', responseDueBy: '2020-05-12' } }],
    });
    // stage 2 from Wed 20 May: due Thu 28 May, past the spring bank holiday of Mon 25 May
    expect(flagOn(given, 'c-1', '2020-05-20', 'challenge-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-05-28', 'challenge-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-05-29', 'challenge-overdue')?.since).toBe('2020-05-29');
  });

  it('is not true when the stage was answered in time, nor at Cafcass', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2020-05-04');
    given.challengeResponded('ch-1', '2020-05-12');
    given.challengeEscalated('ch-1', '2020-06-01', 'cafcass');
    expect(flagOn(given, 'c-1', '2020-05-20', 'challenge-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-09-01', 'challenge-overdue')).toBeUndefined();
  });
});

describe('drift flag challenge-over-20-working-days', () => {
  it('is true once a challenge has been open more than 20 working days in all, until resolved', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2020-05-04');
    given.challengeResolved('ch-1', '2020-06-10');

    expect(flagOn(given, 'c-1', '2020-06-03', 'challenge-over-20-working-days')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-06-04', 'challenge-over-20-working-days')).toMatchObject({
      since: '2020-06-04',
      reason: 'Challenge ch-1, raised on 4 May 2020, has been open more than 20 working days.',
    });
    expect(flagOn(given, 'c-1', '2020-06-10', 'challenge-over-20-working-days')).toBeUndefined();
  });
});

describe('a service-level challenge naming three children', () => {
  const given = () => {
    const history = new OversightHistory();
    for (const child of ['c-1', 'c-2', 'c-3']) history.childRegistered(child);
    history.challengeRaised('service-1', ['c-1', 'c-2', 'c-3'], '2020-01-06', { category: 'placement' });
    return history;
  };

  it('flags each of the three children', () => {
    for (const child of ['c-1', 'c-2', 'c-3']) {
      expect(flagOn(given(), child, '2020-01-14', 'challenge-overdue')?.since).toBe('2020-01-14');
      expect(oversightDocument(given(), child).challenges.map((c) => c.challengeId)).toEqual(['service-1']);
    }
  });

  it('flags none of them once its raising is voided', () => {
    const history = given();
    history.voided(history.events[3]);
    for (const child of ['c-1', 'c-2', 'c-3']) {
      expect(flagOn(history, child, '2020-01-14', 'challenge-overdue')).toBeUndefined();
      expect(oversightDocument(history, child).challenges).toEqual([]);
    }
  });
});
