import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('IRO challenge figures', () => {
  function history(): ReportHistory {
    const h = new ReportHistory();
    h.registerChild('in-care', { dateOfBirth: '2010-01-01' });
    h.startCare('in-care', '2019-01-01');
    h.registerChild('on-plan', { dateOfBirth: '2015-01-01' });
    h.startPlan('on-plan', '2019-03-01');
    h.registerChild('both', { dateOfBirth: '2015-01-01' });
    h.startCare('both', '2019-01-01');
    h.startPlan('both', '2019-02-01');
    h.registerChild('neither', { dateOfBirth: '2015-01-01' });

    h.raiseChallenge('last-year', ['in-care'], '2019-03-20');
    h.escalateChallenge('last-year', '2019-04-02', 1, 2);

    h.raiseChallenge('a', ['in-care'], '2019-05-01', 'drift-and-delay');
    h.escalateChallenge('a', '2019-05-10', 1, 2);
    h.escalateChallenge('a', '2019-05-20', 2, 3);
    h.resolveChallenge('a', '2019-06-01', 'recovery-plan-agreed', 3);

    h.raiseChallenge('b', ['on-plan'], '2019-06-01', 'drift-and-delay');
    h.escalateChallenge('b', '2019-06-10', 1, 'cafcass');

    h.raiseChallenge('c', ['both'], '2019-07-01', 'placement');
    h.escalateChallenge('c', '2019-07-10', 1, 2);
    h.escalateChallenge('c', '2019-07-20', 2, 3);
    h.resolveChallenge('c', '2020-04-02', 'resolved', 3); // after year end: not counted

    h.raiseChallenge('d', ['neither'], '2020-03-01', 'health');
    h.escalateChallenge('d', '2020-04-05', 1, 4); // after year end: still stage 1
    h.raiseChallenge('service', ['in-care', 'on-plan'], '2019-09-01', 'care-planning');
    h.resolveChallenge('service', '2019-09-10', 'not-upheld');
    return h;
  }

  it('counts the challenges raised in the year by category with percents', () => {
    const figures = reportFor(history()).figures;
    expect(figures['challenges.raised']).toMatchObject({ value: 5, ids: ['a', 'b', 'c', 'd', 'service'] });
    expect(figures['challenges.byCategory']).toMatchObject({
      value: { 'drift-and-delay': 2, placement: 1, health: 1, 'care-planning': 1, permanence: 0, other: 0 },
      percent: { 'drift-and-delay': 40, placement: 20 },
    });
  });

  it('finds the highest stage reached by year end, the most common one (the higher on a tie) and Cafcass referrals', () => {
    const figures = reportFor(history()).figures;
    expect(figures['challenges.byHighestStage']).toMatchObject({
      value: { '1': 2, '2': 0, '3': 2, '4': 0, cafcass: 1 },
      percent: { '1': 40, '3': 40, cafcass: 20 },
    });
    expect(figures['challenges.mostCommonHighestStage']).toMatchObject({ value: '3', ids: ['a', 'c'] });
    expect(figures['challenges.cafcassReferrals']).toMatchObject({ value: 1, ids: ['b'] });
  });

  it('counts recovery plans agreed and resolutions dated on or before year end', () => {
    const figures = reportFor(history()).figures;
    expect(figures['challenges.recoveryPlansAgreed']).toMatchObject({ value: 1, ids: ['a'] });
    expect(figures['challenges.resolvedPercent']).toMatchObject({ value: 40, numeratorIds: ['a', 'service'], denominator: 5 });
  });

  it('tells challenges about looked-after children from those about children on a plan (a challenge may count in both)', () => {
    const figure = reportFor(history()).figures['challenges.lookedAfterVsProtection'];
    expect(figure.value).toEqual({ lookedAfter: 3, protection: 3, neither: 1 });
    expect((figure as { idsByKey: Record<string, string[]> }).idsByKey).toEqual({
      lookedAfter: ['a', 'c', 'service'], protection: ['b', 'c', 'service'], neither: ['d'],
    });
  });

  it('gives the previous year from the same history, and no most common stage for an empty year', () => {
    const figures = reportFor(history()).figures;
    expect(figures['challenges.raised'].previousYear).toMatchObject({ value: 1, ids: ['last-year'] });
    // the escalation on 2 April 2019 is after the 2018 year end
    expect(figures['challenges.byHighestStage'].previousYear.value).toMatchObject({ '1': 1, '2': 0 });
    expect(reportFor(history(), 2021).figures['challenges.mostCommonHighestStage']).toMatchObject({ value: null, reason: expect.any(String) });
  });

  it('counts a voided challenge nowhere and a voided escalation not at all', () => {
    const h = history();
    const raised = h.events.find((e) => e.stream === 'challenge-d' && e.type === 'ChallengeRaised')!;
    h.voidRecord('challenge-d', raised.id);
    const escalation = h.events.find((e) => e.stream === 'challenge-b' && e.type === 'ChallengeEscalated')!;
    h.voidRecord('challenge-b', escalation.id);
    const figures = reportFor(h).figures;
    expect(figures['challenges.raised'].ids).toEqual(['a', 'b', 'c', 'service']);
    expect(figures['challenges.cafcassReferrals'].value).toBe(0);
  });
});
