import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('looked-after review figures', () => {
  it('counts reviews held in the year and measures each against its due date: 20 working days, 3 months, then 6 months', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-04-01');
    h.holdReview('c', '2019-04-29', { reviewId: 'r1' }); // due 2019-05-01 (Easter skipped): in time
    h.holdReview('c', '2019-07-30', { reviewId: 'r2' }); // due 2019-07-29: late
    h.holdReview('c', '2020-01-30', { reviewId: 'r3' }); // due 2020-01-30: in time
    h.holdReview('c', '2020-04-02', { reviewId: 'next-year' });
    const figures = reportFor(h).figures;
    expect(figures['reviews.held']).toMatchObject({ value: 3, ids: ['r1', 'r2', 'r3'] });
    expect(figures['reviews.inTimescalePercent']).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, numeratorIds: ['r1', 'r3'] });
  });

  it('skips bank holidays when counting 20 working days from the start of care', () => {
    const h = new ReportHistory();
    h.registerChild('xmas', { dateOfBirth: '2010-01-01' });
    h.startCare('xmas', '2019-12-09'); // + 20 working days over Christmas and New Year = 2020-01-09
    h.holdReview('xmas', '2020-01-09', { reviewId: 'on-time' });
    h.registerChild('late', { dateOfBirth: '2010-01-01' });
    h.startCare('late', '2019-12-09');
    h.holdReview('late', '2020-01-10', { reviewId: 'late' });
    expect(reportFor(h).figures['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['on-time'], denominator: 2 });
  });

  it('measures the first review of a period begun as short breaks from the day the child came off them (reg 33)', () => {
    const h = new ReportHistory();
    h.registerChild('sb', { dateOfBirth: '2010-01-01' });
    h.startCare('sb', '2019-06-03', { legalStatus: 'V3' });
    h.changeLegalStatus('sb', '2019-12-02', 'C2'); // + 20 working days over Christmas and New Year = 2020-01-02
    h.holdReview('sb', '2020-01-02', { reviewId: 'on-time' });
    h.registerChild('sb-late', { dateOfBirth: '2010-01-01' });
    h.startCare('sb-late', '2019-06-03', { legalStatus: 'V4' });
    h.changeLegalStatus('sb-late', '2019-12-02', 'C1');
    h.holdReview('sb-late', '2020-01-03', { reviewId: 'late' });
    expect(reportFor(h).figures['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['on-time'], denominator: 2 });
  });

  it('counts a review due on a bank holiday and held the next working day as late (held on or before the due date)', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-08-28');
    h.holdReview('c', '2019-09-25', { reviewId: 'first' }); // second due 2019-12-25, Christmas Day
    h.holdReview('c', '2019-12-27', { reviewId: 'second' });
    expect(reportFor(h).figures['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['first'], denominator: 2 });
  });

  it('gives participation PN0-PN7 with percents, PN7, and IRO visits with imported reviews counted as not known', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-01-01');
    h.holdReview('c', '2019-05-01', { reviewId: 'a', participation: 'PN1', visited: true });
    h.holdReview('c', '2019-09-01', { reviewId: 'b', participation: 'PN7', visited: false });
    h.holdReview('c', '2019-12-01', { reviewId: 'c', participation: 'PN7', visited: null });
    h.holdReview('c', '2020-02-01', { reviewId: 'd', participation: 'PN3', visited: true });
    const figures = reportFor(h).figures;
    expect(figures['reviews.participation']).toMatchObject({
      value: { PN0: 0, PN1: 1, PN2: 0, PN3: 1, PN4: 0, PN5: 0, PN6: 0, PN7: 2 },
      percent: { PN0: 0, PN1: 25, PN7: 50 },
    });
    expect(figures['reviews.notAttendedViewsNotConveyedPercent']).toMatchObject({ value: 50, numeratorIds: ['b', 'c'] });
    expect(figures['reviews.iroVisitedBeforeReviewPercent']).toMatchObject({ value: 50, numerator: 2, denominator: 4, notKnown: 1 });
  });

  it('gives null with a reason when no review was held', () => {
    const figures = reportFor(new ReportHistory()).figures;
    expect(figures['reviews.inTimescalePercent']).toMatchObject({ value: null, reason: 'no review held in the year', denominator: 0 });
    expect(figures['reviews.participation'].value).toMatchObject({ PN0: 0, PN7: 0 });
  });

  it('re-measures later reviews when a backdated review recorded after year end arrives, and as-of reproduces the earlier answer', () => {
    const h = new ReportHistory();
    h.recordedOn('2019-05-01T10:00:00Z');
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-04-01');
    h.holdReview('c', '2019-04-26', { reviewId: 'first' });
    h.recordedOn('2019-12-20T10:00:00Z');
    h.holdReview('c', '2019-12-20', { reviewId: 'third' }); // alone, due 2019-07-26: late
    h.recordedOn('2020-05-10T10:00:00Z');
    h.holdReview('c', '2019-07-20', { reviewId: 'second' }); // backdated: third is now due 2020-01-20
    const before = reportFor(h, 2019, { asOf: '2020-04-30T23:59:59Z' }).figures;
    expect(before['reviews.held'].value).toBe(2);
    expect(before['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['first'] });
    const after = reportFor(h, 2019, { asOf: '2020-06-01T00:00:00Z' }).figures;
    expect(after['reviews.held'].value).toBe(3);
    expect(after['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['first', 'second', 'third'], value: 100 });
  });

  it('leaves out reviews of short breaks and voided reviews', () => {
    const h = new ReportHistory();
    h.registerChild('respite', { dateOfBirth: '2010-01-01' });
    h.startCare('respite', '2019-05-01', { legalStatus: 'V4' });
    h.holdReview('respite', '2019-06-01', { reviewId: 'short-break' });
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-05-01');
    const wrong = h.holdReview('c', '2019-05-20', { reviewId: 'wrong' });
    h.voidRecord('child-c', wrong);
    h.holdReview('c', '2019-05-21', { reviewId: 'right' });
    expect(reportFor(h).figures['reviews.held'].ids).toEqual(['right']);
  });
});
