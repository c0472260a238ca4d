import { BreakdownFigure } from './figure';
import { FigureId, itemKindOf } from './figure-ids';
import { countingEvents, eventsBehindItem, figureItems, streamsBehindItem } from './figure-trace';
import { childStreamsOfChallenges, itemStreamIndex } from './item-streams';
import { collectReportFacts } from './fold-report-facts';
import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

/** The figure's ids, each with the streams and event ids behind it, as the drill-down answers them. */
function traceOf(h: ReportHistory, figureId: FigureId): Record<string, Record<string, string[]>> {
  const report = reportFor(h);
  const items = figureItems(figureId, report.figures[figureId]);
  const facts = collectReportFacts(h.events);
  const index = itemStreamIndex(facts);
  const namedChildren = figureId === 'challenges.lookedAfterVsProtection' ? childStreamsOfChallenges(facts) : new Map<string, Set<string>>();
  const caseloads = report.figures['iro.caseloadsAtYearEnd'] as BreakdownFigure;
  const traced: Record<string, Record<string, string[]>> = {};
  for (const id of items.ids ?? items.denominatorIds ?? []) {
    traced[id] = {};
    for (const stream of streamsBehindItem(itemKindOf(figureId), id, index, caseloads, namedChildren.get(id))) {
      const events = countingEvents(h.events.filter((e) => e.stream === stream), null);
      traced[id][stream] = eventsBehindItem(figureId, id, events).map((e) => e.id);
    }
  }
  return traced;
}

describe('figure drill-down', () => {
  it('traces a challenge in looked after vs protection to the named children\'s records of care and protection as well as its own', () => {
    const h = new ReportHistory();
    h.registerChild('A', { dateOfBirth: '2010-05-01' });
    const inCare = h.startCare('A', '2019-05-01');
    h.registerChild('B', { dateOfBirth: '2012-05-01' });
    h.startPlan('B', '2019-06-01');
    const onPlan = h.events[h.events.length - 1].id;
    const raised = h.raiseChallenge('CH1', ['A', 'B'], '2019-07-01');
    expect(traceOf(h, 'challenges.lookedAfterVsProtection')).toEqual({
      CH1: { 'challenge-CH1': [raised], 'child-A': [inCare], 'child-B': [onPlan] },
    });
    expect(traceOf(h, 'challenges.raised')).toEqual({ CH1: { 'challenge-CH1': [raised] } });
  });

  it('traces the mean caseload to exactly the children in each caseload at year end, adding up', () => {
    const h = new ReportHistory();
    const allocations: Record<string, string> = {};
    for (const child of ['K1', 'K2', 'K3']) {
      h.registerChild(child, { dateOfBirth: '2010-05-01' });
      h.startCare(child, '2019-06-03');
      allocations[child] = h.allocateIro(child, '2019-06-03', 'iro-1');
    }
    const left = h.endCare('K2', '2019-12-01');
    const moved = h.allocateIro('K3', '2019-09-01', 'iro-2');
    const report = reportFor(h);
    expect(report.figures['iro.caseloadsAtYearEnd'].value).toEqual({ 'iro-1': 1, 'iro-2': 1 });
    expect(report.figures['iro.meanCaseloadAtYearEnd'].value).toBe(1);

    const trace = traceOf(h, 'iro.meanCaseloadAtYearEnd');
    expect(Object.keys(trace)).toEqual(['iro-1', 'iro-2']);
    expect(Object.keys(trace['iro-1'])).toEqual(['child-K1']);
    expect(Object.keys(trace['iro-2'])).toEqual(['child-K3']);
    const links = Object.values(trace).reduce((sum, streams) => sum + Object.keys(streams).length, 0);
    expect(links / Object.keys(trace).length).toBe(report.figures['iro.meanCaseloadAtYearEnd'].value);
    expect(trace['iro-1']['child-K1']).toContain(allocations.K1);
    expect(trace['iro-2']['child-K3']).toContain(moved);
    expect(trace['iro-2']['child-K3']).not.toContain(allocations.K3);
    expect(JSON.stringify(trace)).not.toContain(`"${left}"`);
  });

  it('gives each id of a breakdown the keys it counts under, so that each cell adds up to its value', () => {
    const h = new ReportHistory();
    for (const [child, iro] of [['K1', 'iro-1'], ['K2', 'iro-2'], ['K3', 'iro-2']]) {
      h.registerChild(child, { dateOfBirth: '2010-05-01' });
      h.startCare(child, '2019-06-03');
      h.allocateIro(child, '2019-06-03', iro);
    }
    h.registerChild('P', { dateOfBirth: '2012-05-01' });
    h.startPlan('P', '2019-06-01');
    h.raiseChallenge('CH1', ['K1', 'P'], '2019-07-01');
    h.raiseChallenge('CH2', ['K2'], '2019-07-01');
    const report = reportFor(h);
    const keysOf = (figureId: FigureId) => figureItems(figureId, report.figures[figureId]).keysOfId;

    expect(keysOf('iro.caseloadsAtYearEnd')).toEqual(new Map([['K1', ['iro-1']], ['K2', ['iro-2']], ['K3', ['iro-2']]]));
    expect(keysOf('challenges.lookedAfterVsProtection')).toEqual(new Map([['CH1', ['lookedAfter', 'protection']], ['CH2', ['lookedAfter']]]));
    for (const figureId of ['iro.caseloadsAtYearEnd', 'challenges.lookedAfterVsProtection', 'cla.atYearEnd.byAgeGroup'] as const) {
      const items = figureItems(figureId, report.figures[figureId]);
      const cells: Record<string, number> = {};
      for (const key of Object.keys(report.figures[figureId].value)) {
        cells[key] = items.ids!.filter((id) => items.keysOfId!.get(id)!.includes(key)).length;
      }
      expect(cells).toEqual(report.figures[figureId].value);
    }
    expect(keysOf('cla.atYearEnd')).toBeUndefined();
    expect(keysOf('iro.meanCaseloadAtYearEnd')).toBeUndefined();
  });

  it("traces a review to the record that set its due date: the care start for the first, the review before for the others", () => {
    const h = new ReportHistory();
    h.registerChild('A', { dateOfBirth: '2010-05-01' });
    const started = h.startCare('A', '2019-01-10');
    const first = h.holdReview('A', '2019-02-05', { reviewId: 'first' });
    const third = h.holdReview('A', '2019-11-07', { reviewId: 'third' });
    const second = h.holdReview('A', '2019-05-07', { reviewId: 'second' }); // recorded late: the chain is by date
    const report = reportFor(h);
    expect(report.figures['reviews.inTimescalePercent']).toMatchObject({ numeratorIds: ['third'], denominatorIds: ['second', 'third'] });

    const trace = traceOf(h, 'reviews.inTimescalePercent');
    expect(trace.second['child-A']).toEqual([started, first, second]);
    expect(trace.third['child-A']).toEqual([started, third, second]);
  });

  it('traces the first review of a period begun as short breaks to the legal status its due date runs from', () => {
    const h = new ReportHistory();
    h.registerChild('S', { dateOfBirth: '2010-05-01' });
    const started = h.startCare('S', '2019-06-03', { legalStatus: 'V3' });
    const careOrder = h.changeLegalStatus('S', '2019-12-02', 'C2');
    const review = h.holdReview('S', '2020-01-02', { reviewId: 'first' });
    expect(traceOf(h, 'reviews.held')).toEqual({ first: { 'child-S': [started, careOrder, review] } });
  });

  it("traces a first review to its period's care start, not to a review of an earlier period", () => {
    const h = new ReportHistory();
    h.registerChild('B', { dateOfBirth: '2010-05-01' });
    h.startCare('B', '2018-01-10');
    h.holdReview('B', '2018-02-05', { reviewId: 'old' });
    h.endCare('B', '2019-03-01');
    const again = h.startCare('B', '2019-06-03');
    const review = h.holdReview('B', '2019-07-01', { reviewId: 'new' });
    expect(traceOf(h, 'reviews.held')).toEqual({ new: { 'child-B': [again, review] } });
  });
});
