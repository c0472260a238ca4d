import { ReportHistory } from '../../../src/reporting/testing/report-history';

/**
 * A small council's history over 2018/19 and 2019/20, built by hand so every figure is
 * known: 12 children looked after at 31 March 2020 (7 boys, 5 girls), 3 of them
 * entering and leaving twice, reviews around Christmas, an unborn child on a plan,
 * challenges at every stage, and a review recorded after the year end.
 */
export function councilHistory(): ReportHistory {
  const h = new ReportHistory().recordedOn('2018-04-02T09:00:00Z');
  for (let i = 0; i < 12; i += 1) {
    const childId = `cla${i}`;
    h.registerChild(childId, { dateOfBirth: `20${String(5 + i).padStart(2, '0')}-05-01`, sex: i < 7 ? 'male' : 'female', ethnicity: i < 10 ? 'WBRI' : 'BAFR', familyId: `f${i % 4}` });
    h.startCare(childId, i < 6 ? '2017-06-01' : '2019-06-03', { legalStatus: i % 3 === 0 ? 'C1' : 'C2', placementType: i % 2 === 0 ? 'U4' : 'U1', outside: i % 2 === 0 });
    h.allocateIro(childId, i < 6 ? '2017-06-01' : '2019-06-03', i < 8 ? 'IRO1' : 'IRO2');
    if (i < 6) {
      h.holdReview(childId, '2018-10-10', { reviewId: `${childId}-r2018` });
      h.holdReview(childId, '2019-04-05', { reviewId: `${childId}-r2019a`, participation: i === 0 ? 'PN7' : 'PN1' });
      h.holdReview(childId, i < 4 ? '2019-10-01' : '2019-10-10', { reviewId: `${childId}-r2019b`, participation: 'PN1', visited: i === 5 ? null : i < 3 });
    } else {
      h.holdReview(childId, '2019-06-28', { reviewId: `${childId}-first` });
      h.holdReview(childId, '2019-09-30', { reviewId: `${childId}-second`, participation: 'PN6' });
    }
    if (i === 1) {
      h.changePlacement(childId, '2019-05-01', 'K2', true);
      h.changePlacement(childId, '2019-08-01', 'U6', true);
    }
  }
  for (let i = 0; i < 3; i += 1) {
    const childId = `twice${i}`;
    h.registerChild(childId, { dateOfBirth: '2008-01-01', sex: 'female' });
    h.startCare(childId, '2019-04-15');
    h.endCare(childId, '2019-07-01', 'E13');
    h.startCare(childId, '2019-09-01');
    h.endCare(childId, '2019-12-01', 'E41');
  }
  for (let i = 0; i < 6; i += 1) {
    const childId = `cp${i}`;
    h.registerChild(childId, i === 0 ? { expectedDateOfBirth: '2020-06-01', sex: 'unknown' } : { dateOfBirth: '2014-01-01', sex: i % 2 ? 'male' : 'female', familyId: 'cpf' });
    h.startPlan(childId, '2019-07-01', i < 3 ? 'NEG' : 'EMO', { strategyDiscussionOn: i < 4 ? '2019-06-20' : '2019-06-01' });
    h.allocateIro(childId, '2019-07-01', 'IRO2');
    h.holdConference(childId, i < 5 ? '2019-09-30' : '2019-10-02', { type: 'review', outcome: 'plan-continued' });
  }
  h.raiseChallenge('chA', ['cla1'], '2019-05-02', 'drift-and-delay');
  h.escalateChallenge('chA', '2019-05-10', 1, 2);
  h.escalateChallenge('chA', '2019-05-20', 2, 3);
  h.raiseChallenge('chB', ['cla2'], '2019-06-02', 'drift-and-delay');
  h.escalateChallenge('chB', '2019-06-10', 1, 3);
  h.resolveChallenge('chB', '2019-07-01', 'recovery-plan-agreed', 3);
  h.raiseChallenge('chC', ['cp1'], '2019-08-01', 'care-planning');
  h.escalateChallenge('chC', '2019-08-10', 1, 'cafcass');
  h.recordedOn('2020-05-10T09:00:00Z');
  h.holdReview('cla7', '2020-03-20', { reviewId: 'cla7-late', participation: 'PN7' });
  return h;
}
