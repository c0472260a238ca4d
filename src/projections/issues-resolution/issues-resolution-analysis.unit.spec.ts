import { challengesWithChildren } from '../testing/challenges-with-children';
import { OversightHistory } from '../testing/oversight-history';
import { analyseIssuesResolution } from './issues-resolution-analysis';
import { percent } from './percent';

/** Six challenges raised in 2019/20 and one before it, in June 2019 and March 2020 (no bank holidays in the way). */
function reportingYear() {
  const given = new OversightHistory();
  given.careStarted('child-a', '2019-01-07');
  given.careStarted('child-b', '2019-02-04');
  given.initialConference('child-b', '2019-05-20');
  // A: answered in time and resolved at stage 1
  given.challengeRaised('A', ['child-a'], '2019-06-03', { category: 'care-planning', addressedTo: 'Children in Care 1' });
  given.challengeResponded('A', '2019-06-05');
  given.challengeResolved('A', '2019-06-07', 'resolved');
  // B: stage 1 missed, stage 2 answered in time, resolved at stage 3 with a recovery plan
  given.challengeRaised('B', ['child-b'], '2019-06-03', { category: 'permanence', raisedBy: 'iro-2', addressedTo: 'Children in Care 2' });
  given.challengeEscalated('B', '2019-06-11', 2);
  given.challengeResponded('B', '2019-06-14');
  given.challengeEscalated('B', '2019-06-17', 3);
  given.challengeResolved('B', '2019-06-20', 'recovery-plan-agreed');
  // C: referred to Cafcass from stage 1, still open
  given.challengeRaised('C', ['child-c'], '2019-06-10', { category: 'permanence', raisedBy: 'iro-2' });
  given.challengeEscalated('C', '2019-06-12', 'cafcass');
  // G: escalated straight to the director, unanswered
  given.challengeRaised('G', ['child-g'], '2019-07-01', { category: 'drift-and-delay', addressedTo: 'Children in Care 2' });
  given.challengeEscalated('G', '2019-07-03', 4);
  // D: unanswered at stage 1, overdue at year end
  given.challengeRaised('D', ['child-d'], '2020-03-02', { category: 'care-planning', addressedTo: 'Children in Care 1' });
  // E: raised days before year end, escalated after it
  given.challengeRaised('E', ['child-e'], '2020-03-27', { category: 'contact', raisedBy: 'iro-3' });
  given.challengeEscalated('E', '2020-04-02', 2);
  // F: raised in the year before
  given.challengeRaised('F', ['child-f'], '2019-03-20', { category: 'health' });
  return challengesWithChildren(given.events);
}

describe('Issues Resolution stage analysis for 2019/20', () => {
  const analysis = analyseIssuesResolution(reportingYear(), { from: '2019-04-01', to: '2020-03-31' });

  it('counts the challenges raised in the year, by category (every category present)', () => {
    expect(analysis.raised).toBe(6);
    expect(analysis.challengeIds).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
    expect(analysis.byCategory).toEqual({
      'drift-and-delay': 1, 'care-planning': 2, permanence: 2, placement: 0, 'statutory-visits': 0, health: 0,
      education: 0, contact: 1, 'legal-status': 0, assessment: 0, participation: 0, other: 0,
    });
  });

  it('counts the highest stage reached by year end (an escalation after it does not count), and the most common one', () => {
    expect(analysis.byHighestStage).toEqual({ '1': 3, '2': 0, '3': 1, '4': 1, cafcass: 1 });
    expect(analysis.mostCommonHighestStage).toBe('1');
  });

  it('counts resolutions by stage, at the lowest level, Cafcass referrals and recovery plans', () => {
    expect(analysis.resolved).toBe(2);
    expect(analysis.resolvedAtStage).toEqual({ '1': 1, '2': 0, '3': 1, '4': 0, cafcass: 0 });
    expect(analysis.resolvedAtLowestLevelPercent).toEqual({ value: 50, numerator: 1, denominator: 2 });
    expect(analysis.cafcassReferrals).toBe(1);
    expect(analysis.recoveryPlansAgreed).toBe(1);
  });

  it('gives per stage the challenges entering it, deadlines met and median working days spent', () => {
    // stage 1: A answered in time; B escalated after its deadline and D unanswered past it, both missed; C and G escalated
    // before their deadlines with no response are not measured (an escalation is not a response); E not yet due
    expect(analysis.stages['1']).toEqual({
      entered: 6,
      deadlineMetPercent: { value: 33.3, numerator: 1, denominator: 3 },
      medianWorkingDays: 3,
    });
    expect(analysis.stages['2']).toEqual({ entered: 1, deadlineMetPercent: { value: 100, numerator: 1, denominator: 1 }, medianWorkingDays: 4 });
    expect(analysis.stages['3']).toEqual({ entered: 1, deadlineMetPercent: { value: 100, numerator: 1, denominator: 1 }, medianWorkingDays: 3 });
    expect(analysis.stages['4']).toEqual({ entered: 1, deadlineMetPercent: { value: 0, numerator: 0, denominator: 1 }, medianWorkingDays: null });
    expect(analysis.stages.cafcass).toEqual({
      entered: 1,
      deadlineMetPercent: { value: null, numerator: 0, denominator: 0, reason: 'a Cafcass referral has no Issues Resolution Process deadline' },
      medianWorkingDays: null,
    });
  });

  it('counts open and overdue challenges at each stage at year end', () => {
    expect(analysis.openByStage).toEqual({ '1': 2, '2': 0, '3': 0, '4': 1, cafcass: 1 });
    expect(analysis.overdueByStage).toEqual({ '1': 1, '2': 0, '3': 0, '4': 1, cafcass: 0 });
  });

  it('splits the challenges by whether a child was looked after or on a plan when raised', () => {
    expect(analysis.lookedAfterVsProtection).toEqual({ lookedAfter: 2, protection: 1, neither: 4 });
  });

  it('sums the challenges up by the IRO who raised them, the team they were addressed to and the month raised, as they stood at year end', () => {
    expect(analysis.byRaisedBy).toEqual({
      'iro-1': { raised: 3, escalated: 1, resolved: 1, open: 2, overdue: 2 },
      'iro-2': { raised: 2, escalated: 2, resolved: 1, open: 1, overdue: 0 },
      'iro-3': { raised: 1, escalated: 0, resolved: 0, open: 1, overdue: 0 },
    });
    expect(analysis.byAddressedTo).toEqual({
      'Children in Care 1': { raised: 2, escalated: 0, resolved: 1, open: 1, overdue: 1 },
      'Children in Care 2': { raised: 2, escalated: 2, resolved: 1, open: 1, overdue: 1 },
      'not given': { raised: 2, escalated: 1, resolved: 0, open: 2, overdue: 0 },
    });
    expect(analysis.byMonth).toEqual({
      '2019-06': { raised: 3, escalated: 2, resolved: 2, open: 1, overdue: 0 },
      '2019-07': { raised: 1, escalated: 1, resolved: 0, open: 1, overdue: 1 },
      '2020-03': { raised: 2, escalated: 0, resolved: 0, open: 2, overdue: 1 },
    });
    expect(Object.keys(analysis.byMonth)).toEqual(['2019-06', '2019-07', '2020-03']);
  });

  it('counts steps only up to the end of the range', () => {
    const midJune = analyseIssuesResolution(reportingYear(), { from: '2019-04-01', to: '2019-06-14' });
    expect(midJune.challengeIds).toEqual(['A', 'B', 'C']);
    expect(midJune.byHighestStage).toEqual({ '1': 1, '2': 1, '3': 0, '4': 0, cafcass: 1 });
    expect(midJune.openByStage).toEqual({ '1': 0, '2': 1, '3': 0, '4': 0, cafcass: 1 });
    expect(midJune.overdueByStage).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, cafcass: 0 });
    expect(midJune.recoveryPlansAgreed).toBe(0);
    expect(midJune.stages['2'].deadlineMetPercent).toEqual({ value: 100, numerator: 1, denominator: 1 });
    expect(midJune.byMonth).toEqual({ '2019-06': { raised: 3, escalated: 2, resolved: 1, open: 2, overdue: 0 } });
  });

  it('gives null figures with reasons for a range with no challenges', () => {
    const empty = analyseIssuesResolution(reportingYear(), { from: '2018-04-01', to: '2019-03-01' });
    expect(empty.raised).toBe(0);
    expect(empty.mostCommonHighestStage).toBeNull();
    expect(empty.resolvedAtLowestLevelPercent).toEqual({
      value: null, numerator: 0, denominator: 0, reason: 'no challenge raised in the period was resolved by 2019-03-01',
    });
    expect(empty.stages['1'].deadlineMetPercent.value).toBeNull();
    expect([empty.byRaisedBy, empty.byAddressedTo, empty.byMonth]).toEqual([{}, {}, {}]);
  });

  it('breaks a tie for the most common highest stage towards the higher stage', () => {
    const given = new OversightHistory();
    given.challengeRaised('x', ['c'], '2019-06-03');
    given.challengeRaised('y', ['c'], '2019-06-03');
    given.challengeEscalated('y', '2019-06-04', 3);
    const documents = challengesWithChildren(given.events);
    expect(analyseIssuesResolution(documents, { from: '2019-04-01', to: '2020-03-31' }).mostCommonHighestStage).toBe('3');
  });
});

describe('percent figures', () => {
  it('rounds to one decimal place, half away from zero, without binary-fraction slips', () => {
    expect(percent(1, 3, '').value).toBe(33.3);
    expect(percent(2, 3, '').value).toBe(66.7);
    expect(percent(49, 400, '').value).toBe(12.3);
    expect(percent(85, 619, '').value).toBe(13.7);
  });

  it('gives null with the reason for a zero denominator', () => {
    expect(percent(0, 0, 'nothing to count')).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'nothing to count' });
  });
});
