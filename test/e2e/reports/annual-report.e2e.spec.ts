import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Clock } from '../../../src/clock/clock';
import { FIGURE_IDS } from '../../../src/reporting/figure-ids';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import {
  ApiUnderTest, created, escalate, holdInitialConference, holdReview, raiseChallenge, registerChild, startApi, startCare,
} from '../api-under-test';

/** The store records each event at `recordedAt.now`: set it to record a review "late". */
const recordedAt = { now: new Date('2019-07-01T09:00:00Z') };
const recordingClock: Clock = { now: () => new Date(recordedAt.now) };

describe('annual IRO report endpoints', () => {
  let api: ApiUnderTest;
  let store: SqliteEventStore;
  let lateReviewEventId: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iro-report-e2e-'));
    store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), clock: recordingClock });
    // the service's today is after the last record (records arrive up to 10 May 2020)
    api = await startApi({ dataDir, eventStore: store, now: '2020-06-15T09:00:00Z' });
    await created(registerChild(api, 'ada'));
    await created(startCare(api, 'ada', { startDate: '2019-06-03', placedOutsideLocalAuthority: true }));
    await created(api.http().post('/children/ada/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2019-06-03' }));
    await created(holdReview(api, 'ada', { heldOn: '2019-06-28' }));
    await created(registerChild(api, 'cal'));
    await created(api.http().post('/children/cal/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2019-06-03' })); // in no caseload
    recordedAt.now = new Date('2020-01-10T09:00:00Z');
    await created(registerChild(api, 'ben', { sex: 'male' }));
    await created(holdInitialConference(api, 'ben'));
    await created(api.http().post('/children/ben/iro-allocations').send({ iroId: 'IRO8', effectiveDate: '2019-12-20' }));
    await created(raiseChallenge(api, 'ch1', ['ada']));
    await created(raiseChallenge(api, 'ch2', ['ada', 'ben'])); // looked after and on a plan: under two keys
    await created(escalate(api, 'ch1', { escalatedOn: '2020-02-11', toStage: 2 }));
    recordedAt.now = new Date('2020-05-10T09:00:00Z');
    const late = await created(holdReview(api, 'ada', { heldOn: '2019-09-27', participation: 'PN7' }));
    lateReviewEventId = late.eventIds[0];
  });

  afterAll(async () => {
    await api.destroy();
    await store.close();
  });

  it('answers the exact JSON report with every figure, its previous year and ids', async () => {
    const response = await api.http().get('/reports/iro-annual/2019');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    expect(response.body).toMatchObject({ year: 2019, period: { start: '2019-04-01', end: '2020-03-31' }, notForPublication: true, asOf: null });
    expect(Object.keys(response.body.figures)).toEqual([...FIGURE_IDS]);
    const figures = response.body.figures;
    expect(figures['cla.atYearEnd']).toMatchObject({ value: 1, ids: ['ada'], previousYear: { value: 0 }, change: 1 });
    expect(figures['reviews.held']).toMatchObject({ value: 2 });
    expect(figures['reviews.notAttendedViewsNotConveyedPercent']).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(figures['cp.atYearEnd']).toMatchObject({ value: 1, ids: ['ben'] });
    expect(figures['cp.initialConferencesInTimescalePercent']).toMatchObject({ value: 100 });
    expect(figures['challenges.byHighestStage'].value).toMatchObject({ '2': 1 });
    expect(figures['iro.caseloadsAtYearEnd'].value).toEqual({ IRO7: 1, IRO8: 1 });
  });

  it('reproduces the report as of an earlier instant from the events recorded by then', async () => {
    const response = await api.http().get('/reports/iro-annual/2019').query({ asOf: '2020-04-30T00:00:00Z' });
    expect(response.status).toBe(200);
    expect(response.body.asOf).toBe('2020-04-30T00:00:00.000Z');
    expect(response.body.figures['reviews.held'].value).toBe(1);
    const before = await api.http().get('/reports/iro-annual/2019').query({ asOf: '2019-12-31' });
    expect(before.body.figures['cp.atYearEnd'].value).toBe(0);
  });

  it('publishes csv, md and html with small counts suppressed', async () => {
    const csv = await api.http().get('/reports/iro-annual/2019').query({ format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv');
    expect(csv.text).toContain('cla.atYearEnd,Children in our care on 31 March,,2019/20,c,');
    const md = await api.http().get('/reports/iro-annual/2019').query({ format: 'md' });
    expect(md.type).toBe('text/markdown');
    expect(md.text).toContain('| Children in our care on 31 March | c | 0 | c |');
    const html = await api.http().get('/reports/iro-annual/2019').query({ format: 'html', asOf: '2020-06-01T00:00:00Z' });
    expect(html.type).toBe('text/html');
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect((html.text.match(/<svg/g) ?? []).length).toBe(4);
    expect(html.text).not.toContain('"ids"');
  });

  it('lists the figures a late record moved and the record that moved them', async () => {
    const response = await api.http().get('/reports/iro-annual/2019/changes').query({ from: '2020-04-30T00:00:00Z', to: '2020-06-01T00:00:00Z' });
    expect(response.status).toBe(200);
    const held = response.body.figures.find((f: { figureId: string }) => f.figureId === 'reviews.held');
    expect(held).toMatchObject({ from: { value: 1 }, to: { value: 2 } });
    expect(held.movedBy).toEqual([
      expect.objectContaining({ type: 'ReviewHeld', stream: 'child-ada', recordedAt: '2020-05-10T09:00:00.000Z' }),
    ]);
    expect(held.movedBy[0].eventId).toBe(lateReviewEventId);
    expect(response.body.figures.map((f: { figureId: string }) => f.figureId)).not.toContain('cla.atYearEnd');
    expect(response.body.arrived).toHaveLength(1);
  });

  it('traces a figure to its ids and the events that put each there', async () => {
    const reviews = await api.http().get('/reports/iro-annual/2019/figures/reviews.notAttendedViewsNotConveyedPercent');
    expect(reviews.status).toBe(200);
    expect(reviews.body).toMatchObject({ figureId: 'reviews.notAttendedViewsNotConveyedPercent', kind: 'review', value: 50 });
    expect(reviews.body.denominator).toHaveLength(2);
    const [pn7] = reviews.body.numerator;
    expect(pn7.links[0].history).toBe('/children/ada/history');
    // the care start, the review before it (its due date is counted from it), the review itself
    expect(pn7.links[0].events.map((e: { type: string }) => e.type)).toEqual(['CareStarted', 'ReviewHeld', 'ReviewHeld']);
    expect(pn7.links[0].events[1].effectiveDate).toBe('2019-06-28');
    const mean = await api.http().get('/reports/iro-annual/2019/figures/iro.meanCaseloadAtYearEnd');
    expect(mean.body).toMatchObject({
      kind: 'iro', value: 1,
      ids: [{ id: 'IRO7', links: [{ history: '/children/ada/history' }] }, { id: 'IRO8', links: [{ history: '/children/ben/history' }] }],
    });
    expect(mean.body.ids[0].links).toHaveLength(1);
    expect(mean.body.ids[0]).not.toHaveProperty('keys');
    const cla = await api.http().get('/reports/iro-annual/2019/figures/cla.atYearEnd');
    expect(cla.body.ids[0]).toMatchObject({ id: 'ada', links: [{ history: '/children/ada/history' }] });
    expect(cla.body.ids[0].links[0].events.map((e: { type: string }) => e.type)).toEqual(['ChildRegistered', 'CareStarted']);
    const challenge = await api.http().get('/reports/iro-annual/2019/figures/challenges.raised');
    expect(challenge.body.ids[0].links[0]).toMatchObject({ history: '/challenges/ch1' });
  });

  it("gives a breakdown's traced ids the keys they count under, and its value per key to check each cell against", async () => {
    const cellsOf = (body: { ids: { keys: string[] }[] }, keys: string[]) =>
      Object.fromEntries(keys.map((key) => [key, body.ids.filter((item) => item.keys.includes(key)).length]));
    const caseloads = await api.http().get('/reports/iro-annual/2019/figures/iro.caseloadsAtYearEnd');
    expect(caseloads.body).toMatchObject({
      kind: 'child', value: { IRO7: 1, IRO8: 1 },
      ids: [{ id: 'ada', keys: ['IRO7'], links: [{ history: '/children/ada/history' }] }, { id: 'ben', keys: ['IRO8'] }],
    });
    expect(cellsOf(caseloads.body, ['IRO7', 'IRO8'])).toEqual(caseloads.body.value);
    const sides = await api.http().get('/reports/iro-annual/2019/figures/challenges.lookedAfterVsProtection');
    expect(sides.body.value).toEqual({ lookedAfter: 2, protection: 1, neither: 0 });
    expect(sides.body.ids.map((item: { id: string; keys: string[] }) => [item.id, item.keys])).toEqual([
      ['ch1', ['lookedAfter']],
      ['ch2', ['lookedAfter', 'protection']],
    ]);
    expect(cellsOf(sides.body, Object.keys(sides.body.value))).toEqual(sides.body.value);
    const cla = await api.http().get('/reports/iro-annual/2019/figures/cla.atYearEnd');
    expect(cla.body.ids[0]).not.toHaveProperty('keys');
  });

  it('documents the 200 answers of the report, its changes and a figure trace in the OpenAPI document', async () => {
    const { paths, components } = (await api.http().get('/docs-json')).body;
    const ok = (path: string) => paths[path].get.responses['200'];
    const report = ok('/reports/iro-annual/{year}');
    expect(report.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AnnualReportResponse' });
    expect(report.content['text/csv'].schema).toEqual({ type: 'string' });
    const reportSchema = components.schemas.AnnualReportResponse;
    expect(reportSchema.required).toEqual(expect.arrayContaining(['year', 'period', 'asOf', 'notForPublication', 'figures']));
    const figures = components.schemas.AnnualReportFiguresResponse;
    expect(Object.keys(figures.properties)).toEqual([...FIGURE_IDS]);
    expect(figures.required).toEqual([...FIGURE_IDS]);
    expect(figures.properties['cla.atYearEnd']).toEqual({ $ref: '#/components/schemas/ReportFigureResponse' });
    expect(Object.keys(components.schemas.ReportFigureResponse.properties)).toEqual(
      expect.arrayContaining(['value', 'numerator', 'denominator', 'percent', 'ids', 'idsByKey', 'numeratorIds', 'denominatorIds', 'previousYear', 'change']),
    );
    const changes = ok('/reports/iro-annual/{year}/changes');
    expect(changes.description).not.toBe('');
    expect(changes.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReportChangesResponse' });
    expect(Object.keys(components.schemas.FigureChangeResponse.properties)).toEqual(['figureId', 'from', 'to', 'idsAdded', 'idsRemoved', 'previousYear', 'movedBy']);
    const trace = ok('/reports/iro-annual/{year}/figures/{figureId}');
    expect(trace.description).not.toBe('');
    expect(trace.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/FigureTraceResponse' });
    expect(Object.keys(components.schemas.TracedLinkResponse.properties)).toEqual(['history', 'events']);
    expect(Object.keys(components.schemas.TracedItemResponse.properties)).toEqual(['id', 'keys', 'links']);
    expect(components.schemas.TracedItemResponse.required).toEqual(['id', 'links']);
  });

  it('answers 400 for a bad year, as-of, format, figure id or missing instant', async () => {
    const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);
    const bad = await api.http().get('/reports/iro-annual/20x9').query({ asOf: 'yesterday', format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['asOf', 'format', 'year']);
    const figure = await api.http().get('/reports/iro-annual/2019/figures/cla.nonsense');
    expect(figure.status).toBe(400);
    expect(fieldsOf(figure.body)).toEqual(['figureId']);
    const changes = await api.http().get('/reports/iro-annual/2019/changes').query({ to: '2020-01-01T00:00:00Z' });
    expect(changes.status).toBe(400);
    expect(fieldsOf(changes.body)).toEqual(['from']);
    const backwards = await api.http().get('/reports/iro-annual/2019/changes').query({ from: '2020-02-01', to: '2020-01-01' });
    expect(fieldsOf(backwards.body)).toEqual(['to']);
    const impossible = await api.http().get('/reports/iro-annual/2019').query({ asOf: '2020-02-30T10:00:00Z' });
    expect(impossible.status).toBe(400);
    expect(fieldsOf(impossible.body)).toEqual(['asOf']);
    const impossibleTrace = await api.http().get('/reports/iro-annual/2019/figures/cla.atYearEnd').query({ asOf: '2019-11-31T09:00:00Z' });
    expect(fieldsOf(impossibleTrace.body)).toEqual(['asOf']);
    const impossibleRange = await api.http().get('/reports/iro-annual/2019/changes').query({ from: '2020-04-31T00:00:00Z', to: '2020-02-31T12:00:00Z' });
    expect(impossibleRange.status).toBe(400);
    expect(fieldsOf(impossibleRange.body).sort()).toEqual(['from', 'to']);
    const typo = await api.http().get('/reports/iro-annual/2019').query({ asof: '2020-01-01', formt: 'csv' });
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toEqual([
      { field: 'asof', messages: ['asof is not a parameter of this request (it takes asOf, format)'] },
      { field: 'formt', messages: ['formt is not a parameter of this request (it takes asOf, format)'] },
    ]);
    const traceTypo = await api.http().get('/reports/iro-annual/2019/figures/cla.atYearEnd').query({ as_of: '2020-01-01' });
    expect(fieldsOf(traceTypo.body)).toEqual(['as_of']);
  });

  it('given an empty asOf, then it is a 400, as every other empty date parameter is', async () => {
    for (const path of ['/reports/iro-annual/2019', '/reports/iro-annual/2019/figures/cla.atYearEnd']) {
      const empty = await api.http().get(`${path}?asOf=`);
      expect({ path, status: empty.status, fields: empty.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ path, status: 400, fields: ['asOf'] });
    }
  });

  it('answers 400 for a year that has not started (today is 15 June 2020), and reports the year under way', async () => {
    const message = 'reporting year 2021 starts on 2021-04-01, after today (2020-06-15): there is nothing to report yet';
    for (const path of ['/reports/iro-annual/2021', '/reports/iro-annual/2021/figures/cla.atYearEnd']) {
      const early = await api.http().get(path);
      expect(early.status).toBe(400);
      expect(early.body.errors).toEqual([{ field: 'year', messages: [message] }]);
    }
    const changes = await api.http().get('/reports/iro-annual/2021/changes').query({ from: '2020-01-01', to: '2020-02-01' });
    expect(changes.body.errors).toEqual([{ field: 'year', messages: [message] }]);
    const underWay = await api.http().get('/reports/iro-annual/2020');
    expect(underWay.status).toBe(200);
    expect(underWay.body.yearEnded).toBe(false);
    expect((await api.http().get('/reports/iro-annual/2020/figures/cla.atYearEnd')).body.yearEnded).toBe(false);
    expect((await api.http().get('/reports/iro-annual/2020/changes').query({ from: '2020-05-01', to: '2020-06-01' })).body.yearEnded).toBe(false);
    expect((await api.http().get('/reports/iro-annual/2019/figures/cla.atYearEnd')).body.yearEnded).toBe(true);
  });

  it('takes an as-of instant after now as now, and says so: the snapshot cannot move with later records', async () => {
    const now = '2020-06-15T09:00:00.000Z';
    const future = await api.http().get('/reports/iro-annual/2019').query({ asOf: '2030-01-01' });
    expect(future.status).toBe(200);
    expect(future.body.asOf).toBe(now);
    const atNow = await api.http().get('/reports/iro-annual/2019').query({ asOf: now });
    expect(atNow.body.figures).toEqual(future.body.figures);
    const changes = await api.http().get('/reports/iro-annual/2019/changes').query({ from: '2020-05-01', to: '2099-12-31' });
    expect(changes.body.to).toBe(now);
  });
});
