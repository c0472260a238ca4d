import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import { computeAnnualReport } from './annual-report';
import { collectReportFacts } from './fold-report-facts';
import { childStreamsOfChallenges, itemStreamIndex } from './item-streams';
import { ArrivedRecord, differingFigures, recordsThatMoved } from './report-changes';
import { ReportHistory } from './testing/report-history';

/** The records recorded after `from` and up to `to`, as the service lists them. */
const arrivalsBetween = (h: ReportHistory, from: string, to: string): ArrivedRecord[] =>
  h.events
    .filter((e) => e.recordedAt > from && e.recordedAt <= to)
    .map((e) => ({ eventId: e.id, type: e.type, stream: e.stream, recordedAt: e.recordedAt, position: e.position }));

describe('changes between two as-of instants', () => {
  it('lists the figures a late record moved and the record that moved them', () => {
    const h = new ReportHistory().recordedOn('2019-05-01T00:00:00Z');
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-04-01');
    h.holdReview('c', '2019-04-26', { reviewId: 'first' });
    h.registerChild('other', { dateOfBirth: '2010-01-01' });
    h.startCare('other', '2019-04-01');
    h.recordedOn('2019-12-20T00:00:00Z');
    h.holdReview('c', '2019-12-20', { reviewId: 'third' });
    h.recordedOn('2020-05-10T00:00:00Z');
    const late = h.holdReview('c', '2019-07-20', { reviewId: 'second', participation: 'PN7' });
    const from = '2020-04-30T00:00:00.000Z';
    const to = '2020-06-01T00:00:00.000Z';
    const factsFrom = collectReportFacts(h.events, { asOf: from });
    const factsTo = collectReportFacts(h.events, { asOf: to });
    const options = { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
    const before = computeAnnualReport(factsFrom, options);
    const after = computeAnnualReport(factsTo, options);
    const differences = differingFigures(before, after);
    expect(differences.map((d) => d.figureId)).toEqual([
      'reviews.held', 'reviews.inTimescalePercent', 'reviews.participation', 'reviews.notAttendedViewsNotConveyedPercent',
      'reviews.iroVisitedBeforeReviewPercent',
    ]);
    const inTime = differences[1];
    expect(inTime.from).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(inTime.to).toMatchObject({ value: 100, numerator: 3, denominator: 3 });
    expect(inTime.idsAdded).toEqual(['second']);
    const arrivals = arrivalsBetween(h, from, to);
    const moved = recordsThatMoved(inTime, before.figures['reviews.inTimescalePercent'], after.figures['reviews.inTimescalePercent'], arrivals, itemStreamIndex(factsFrom, factsTo));
    expect(moved.map((r) => r.eventId)).toEqual([late]);
  });

  it("names the child who left this year's figure, though still in last year's, and only that child's record as moving it", () => {
    const h = new ReportHistory().recordedOn('2019-06-01T00:00:00Z');
    h.registerChild('Q1', { dateOfBirth: '2010-01-01' });
    h.startCare('Q1', '2018-06-04');
    h.registerChild('Q2', { dateOfBirth: '2010-01-01' });
    h.startCare('Q2', '2018-06-04');
    h.recordedOn('2020-04-20T00:00:00Z');
    const ending = h.endCare('Q1', '2020-03-15');
    h.holdReview('Q2', '2019-07-01');
    const from = '2020-04-01T00:00:00.000Z';
    const to = '2020-05-01T00:00:00.000Z';
    const factsFrom = collectReportFacts(h.events, { asOf: from });
    const factsTo = collectReportFacts(h.events, { asOf: to });
    const options = { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
    const before = computeAnnualReport(factsFrom, options);
    const after = computeAnnualReport(factsTo, options);
    const difference = differingFigures(before, after).find((d) => d.figureId === 'cla.atYearEnd')!;
    expect(difference).toMatchObject({
      from: { value: 2, previousYear: { value: 2 } },
      to: { value: 1, previousYear: { value: 2 } },
      idsAdded: [],
      idsRemoved: ['Q1'],
      previousYear: { idsAdded: [], idsRemoved: [] },
    });
    const arrivals = arrivalsBetween(h, from, to);
    const moved = recordsThatMoved(difference, before.figures['cla.atYearEnd'], after.figures['cla.atYearEnd'], arrivals, itemStreamIndex(factsFrom, factsTo));
    expect(moved.map((r) => r.eventId)).toEqual([ending]);
  });

  it("gives the ids that joined or left the previous year's figure apart from this year's", () => {
    const h = new ReportHistory().recordedOn('2019-06-01T00:00:00Z');
    h.registerChild('P', { dateOfBirth: '2010-01-01' });
    h.recordedOn('2020-04-20T00:00:00Z');
    h.startCare('P', '2018-06-04');
    h.endCare('P', '2019-05-01');
    const facts = (asOf: string) => collectReportFacts(h.events, { asOf });
    const options = { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
    const before = computeAnnualReport(facts('2020-04-01T00:00:00.000Z'), options);
    const after = computeAnnualReport(facts('2020-05-01T00:00:00.000Z'), options);
    const difference = differingFigures(before, after).find((d) => d.figureId === 'cla.atYearEnd')!;
    expect(difference).toMatchObject({ idsAdded: [], idsRemoved: [], previousYear: { idsAdded: ['P'], idsRemoved: [] } });
  });

  it("names a child's record that moved a challenge between lookedAfter and neither", () => {
    const h = new ReportHistory().recordedOn('2019-06-01T00:00:00Z');
    h.registerChild('X', { dateOfBirth: '2010-01-01' });
    h.registerChild('Y', { dateOfBirth: '2010-01-01' });
    h.raiseChallenge('CH1', ['X'], '2019-06-01');
    h.raiseChallenge('CH2', ['Y'], '2019-06-01');
    h.recordedOn('2019-07-01T00:00:00Z');
    const careStarted = h.startCare('X', '2019-05-01');
    h.holdReview('Y', '2019-06-20'); // arrives too, in a stream no challenge figure reads for CH1
    const from = '2019-06-15T00:00:00.000Z';
    const to = '2019-08-01T00:00:00.000Z';
    const factsFrom = collectReportFacts(h.events, { asOf: from });
    const factsTo = collectReportFacts(h.events, { asOf: to });
    const options = { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
    const before = computeAnnualReport(factsFrom, options);
    const after = computeAnnualReport(factsTo, options);
    const difference = differingFigures(before, after).find((d) => d.figureId === 'challenges.lookedAfterVsProtection')!;
    expect(difference).toMatchObject({ from: { value: { lookedAfter: 0, neither: 2 } }, to: { value: { lookedAfter: 1, neither: 1 } } });
    const arrivals = arrivalsBetween(h, from, to);
    const figureId = 'challenges.lookedAfterVsProtection';
    const moved = recordsThatMoved(
      difference, before.figures[figureId], after.figures[figureId], arrivals,
      itemStreamIndex(factsFrom, factsTo), childStreamsOfChallenges(factsFrom, factsTo),
    );
    expect(moved.map((r) => r.eventId)).toEqual([careStarted]);
  });
});
