import { flagOn, flagsOn } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';

describe('drift flag cp-review-overdue', () => {
  it('is true from the day after a review conference was due until it is held, 3 months after the initial conference then 6-monthly', () => {
    const given = new OversightHistory();
    const initial = given.initialConference('c-1', '2019-01-10');
    given.reviewConference('c-1', '2019-04-20');

    expect(flagOn(given, 'c-1', '2019-04-10', 'cp-review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2019-04-11', 'cp-review-overdue')).toEqual({
      flag: 'cp-review-overdue',
      since: '2019-04-11',
      // as it stood on 11 April: the conference of 20 April is not known yet
      reason: 'The child protection review conference due by 10 April 2019 has not been held.',
      evidence: [{ eventIds: [initial.id], dates: { dueBy: '2019-04-10', countedFrom: '2019-01-10' } }],
    });
    expect(flagOn(given, 'c-1', '2019-04-20', 'cp-review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2019-10-20', 'cp-review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2019-10-21', 'cp-review-overdue')?.since).toBe('2019-10-21');
  });

  it('counts from the start of a plan recorded without a conference, and stops when the plan ends', () => {
    const given = new OversightHistory();
    given.planStarted('c-1', '2019-03-04');
    given.planEnded('c-1', '2019-08-01');
    expect(flagOn(given, 'c-1', '2019-06-05', 'cp-review-overdue')?.since).toBe('2019-06-05');
    expect(flagOn(given, 'c-1', '2019-08-01', 'cp-review-overdue')).toBeUndefined();
  });
});

describe('drift flags for long plans: cp-plan-over-15-months, -18-months, -24-months', () => {
  // A plan from 31 Aug 2018: addMonths clamps, so each becomes true as FIGURES.md's
  // "started on or before addMonths(D, -N)" first holds.
  const given = new OversightHistory();
  given.initialConference('c-1', '2018-08-31');
  given.reviewConference('c-1', '2018-11-29');
  for (const heldOn of ['2019-05-28', '2019-11-27', '2020-05-26', '2020-11-24']) given.reviewConference('c-1', heldOn);

  it.each([
    ['cp-plan-over-15-months', '2019-11-30', '2019-12-01'],
    ['cp-plan-over-18-months', '2020-02-29', '2020-03-01'],
    ['cp-plan-over-24-months', '2020-08-30', '2020-08-31'],
  ] as const)('%s: not on %s, true from %s', (flag, dayBefore, since) => {
    expect(flagOn(given, 'c-1', dayBefore, flag)).toBeUndefined();
    expect(flagOn(given, 'c-1', since, flag)).toMatchObject({ since, reason: expect.stringContaining('since 31 August 2018') });
  });

  it('ends with the plan', () => {
    const ended = new OversightHistory();
    ended.initialConference('c-1', '2018-08-31');
    ended.reviewConference('c-1', '2018-11-29', 'plan-ended');
    expect(flagsOn(ended, 'c-1', '2020-12-01').map((f) => f.flag)).toEqual([]);
  });
});

describe('drift flags repeat-cp-plan and repeat-cp-plan-within-2-years', () => {
  it('flags a second plan while it is open, but not within 2 years when the first ended more than 2 years before', () => {
    const given = new OversightHistory();
    const first = given.initialConference('c-1', '2017-01-10');
    given.reviewConference('c-1', '2017-07-05', 'plan-ended');
    const second = given.initialConference('c-1', '2019-09-02');

    expect(flagOn(given, 'c-1', '2017-03-01', 'repeat-cp-plan')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2019-09-02', 'repeat-cp-plan')).toEqual({
      flag: 'repeat-cp-plan',
      since: '2019-09-02',
      reason: 'A second or subsequent child protection plan: an earlier plan started on 10 January 2017.',
      evidence: [{ eventIds: [second.id, first.id], dates: { planStart: '2019-09-02', earlierPlanStart: '2017-01-10' } }],
    });
    expect(flagOn(given, 'c-1', '2019-09-02', 'repeat-cp-plan-within-2-years')).toBeUndefined();
  });

  it('flags a plan starting within 2 years of the end of an earlier one', () => {
    const given = new OversightHistory();
    given.initialConference('c-1', '2017-06-01');
    const ending = given.reviewConference('c-1', '2018-03-01', 'plan-ended');
    given.initialConference('c-1', '2020-03-01');
    given.reviewConference('c-1', '2020-05-28', 'plan-ended');

    expect(flagOn(given, 'c-1', '2020-03-01', 'repeat-cp-plan-within-2-years')).toMatchObject({
      since: '2020-03-01',
      reason: 'A child protection plan started on 1 March 2020, within 2 years of an earlier plan ending on 1 March 2018.',
      evidence: [{ eventIds: ['e3', ending.id] }],
    });
    expect(flagOn(given, 'c-1', '2020-05-28', 'repeat-cp-plan-within-2-years')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-05-28', 'repeat-cp-plan')).toBeUndefined();
  });

  it('takes plans from before this system from the previous plan count given at the initial conference', () => {
    const given = new OversightHistory();
    given.initialConference('c-1', '2019-09-02', { previousPlanCount: 2 });
    expect(flagOn(given, 'c-1', '2019-10-01', 'repeat-cp-plan')?.reason).toBe(
      'A second or subsequent child protection plan: 2 earlier plans recorded before this system.',
    );
    expect(flagOn(given, 'c-1', '2019-10-01', 'repeat-cp-plan-within-2-years')).toBeUndefined();
  });

  it('is no longer a repeat plan when the earlier plan is voided', () => {
    const given = new OversightHistory();
    const first = given.planStarted('c-1', '2017-01-10');
    given.planEnded('c-1', '2017-07-05');
    given.initialConference('c-1', '2019-09-02');
    given.voided(first);
    expect(flagOn(given, 'c-1', '2019-09-02', 'repeat-cp-plan')).toBeUndefined();
  });
});
