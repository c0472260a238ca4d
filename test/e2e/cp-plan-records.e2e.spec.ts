import { ApiUnderTest, created, expectMalformed, expectRefused, holdInitialConference, registerChild, startApi } from './api-under-test';
import { projectionsCaughtUp } from './oversight/projections-caught-up';

const startPlan = (api: ApiUnderTest, childId: string, body: Record<string, unknown>) =>
  api.http().post(`/children/${childId}/cp-plans`).send(body);
const endPlan = (api: ApiUnderTest, childId: string, body: Record<string, unknown>) =>
  api.http().post(`/children/${childId}/cp-plan-endings`).send(body);
const reviewConference = (api: ApiUnderTest, childId: string, body: Record<string, unknown>) =>
  api.http().post(`/children/${childId}/cp-conferences`).send({ type: 'review', chairIroId: 'IRO7', outcome: 'plan-continued', ...body });

/**
 * A child protection plan that starts or ends without a conference here (a transfer in
 * from another authority, a transfer out), on "today" Tuesday 31 March 2020:
 * - T1 has been on a plan since Mon 3 Dec 2018 in Leeds (one plan before that); she
 *   moves here and her first review conference here is on Thu 20 Feb 2020;
 * - T2 is transferred in on a plan started Tue 1 Oct 2019 and out again on Mon 3 Feb 2020.
 */
describe('child protection plans started and ended without a conference here', () => {
  let api: ApiUnderTest;
  let t1Start: Record<string, any>;
  let t1Review: Record<string, any>;
  let t2Start: Record<string, any>;
  let t2End: Record<string, any>;

  beforeAll(async () => {
    api = await startApi();
    await created(registerChild(api, 'T1'));
    await created(api.http().post('/children/T1/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-02-10' }));
    t1Start = await startPlan(api, 'T1', {
      startDate: '2018-12-03', categoryOfAbuse: 'NEG', previousPlanCount: 1, reason: 'Transferred in from Leeds.',
    });
    t1Review = await reviewConference(api, 'T1', { heldOn: '2020-02-20' });
    await created(registerChild(api, 'T2', { sex: 'male' }));
    t2Start = await startPlan(api, 'T2', { startDate: '2019-10-01', categoryOfAbuse: 'PHY' });
    t2End = await endPlan(api, 'T2', { endDate: '2020-02-03', reason: 'Transferred out to Leeds.' });
  });
  afterAll(() => api.destroy());

  it('POST /children/{id}/cp-plans: 201 { id, revision, eventIds, planId, nextReviewConferenceDueBy } (3 months after the start)', () => {
    expect(t1Start.status).toBe(201);
    expect(t1Start.body).toEqual({
      id: 'T1', revision: 2, eventIds: [expect.any(String)], planId: 'T1:2018-12-03', nextReviewConferenceDueBy: '2019-03-03',
    });
    expect(t2Start.body).toEqual({
      id: 'T2', revision: 1, eventIds: [expect.any(String)], planId: 'T2:2019-10-01', nextReviewConferenceDueBy: '2020-01-01',
    });
  });

  it('records a ChildProtectionPlanStarted dated from the real start, with the reason and the plans before it', async () => {
    const history = await api.http().get('/children/T1/history');
    const started = history.body.events.find((event: { type: string }) => event.type === 'ChildProtectionPlanStarted');
    expect(started).toMatchObject({
      id: t1Start.body.eventIds[0],
      effectiveDate: '2018-12-03',
      data: {
        childId: 'T1', planId: 'T1:2018-12-03', startDate: '2018-12-03', categoryOfAbuse: 'NEG', previousPlanCount: 1,
        reason: 'Transferred in from Leeds.', effectiveDate: '2018-12-03',
      },
      metadata: { actor: { userId: 'local-user', role: 'admin' } },
    });
  });

  it("measures the plan's review conferences here from its start: the first due 3 months after it", () => {
    expect(t1Review.status).toBe(201);
    expect(t1Review.body).toMatchObject({ planId: 'T1:2018-12-03', dueBy: '2019-03-03', heldInTime: false, nextReviewConferenceDueBy: '2020-08-20' });
  });

  it("shows the plan on the child's record, started by a plan record rather than a conference here", async () => {
    const child = await api.http().get('/children/T1');
    expect(child.body).toMatchObject({
      openChildProtectionPlan: {
        planId: 'T1:2018-12-03', startDate: '2018-12-03', startedBy: 'plan-record', categoryOfAbuse: 'NEG', reviewConferencesHeld: 1,
        lastConferenceOn: '2020-02-20',
      },
      dueNext: { reviewConferenceDueBy: '2020-08-20', reviewConferenceOverdue: false },
      childProtectionPlans: 1,
    });
  });

  it('POST /children/{id}/cp-plan-endings: 201 { id, revision, eventIds, planId }, and the plan is over', async () => {
    expect(t2End.status).toBe(201);
    expect(t2End.body).toEqual({ id: 'T2', revision: 2, eventIds: [expect.any(String)], planId: 'T2:2019-10-01' });
    const child = await api.http().get('/children/T2');
    expect(child.body).toMatchObject({
      openChildProtectionPlan: null, dueNext: { reviewConferenceDueBy: null, reviewConferenceOverdue: false }, childProtectionPlans: 1,
    });
    const history = await api.http().get('/children/T2/history');
    expect(history.body.events[2]).toMatchObject({
      type: 'ChildProtectionPlanEnded',
      effectiveDate: '2020-02-03',
      data: { childId: 'T2', planId: 'T2:2019-10-01', endDate: '2020-02-03', reason: 'Transferred out to Leeds.', effectiveDate: '2020-02-03' },
    });
  });

  it("flags the plan's length from its real start (cp-plan-over-15-months, then 18), and a repeat plan", async () => {
    await projectionsCaughtUp(api, ['drift-and-delay']);
    const today = await api.http().get('/children/T1/oversight');
    expect(today.body).toMatchObject({ status: 'cp-plan', iroId: 'IRO7', nextConferenceDueBy: '2020-08-20' });
    expect(today.body.flags.map((f: { flag: string; since: string }) => [f.flag, f.since])).toEqual(
      expect.arrayContaining([['cp-plan-over-15-months', '2020-03-03'], ['repeat-cp-plan', '2018-12-03']]),
    );
    const flags = today.body.flags.map((f: { flag: string }) => f.flag);
    expect(flags).not.toContain('cp-plan-over-18-months');
    expect(flags).not.toContain('cp-review-overdue');
    const later = await api.http().get('/children/T1/oversight?asAt=2020-06-03');
    expect(later.body.flags.map((f: { flag: string; since: string }) => [f.flag, f.since])).toEqual(
      expect.arrayContaining([['cp-plan-over-18-months', '2020-06-03']]),
    );
    const before = await api.http().get('/children/T1/oversight?asAt=2020-02-19');
    expect(before.body.flags.map((f: { flag: string; since: string }) => [f.flag, f.since])).toEqual(
      expect.arrayContaining([['cp-review-overdue', '2019-03-04']]),
    );
    const ended = await api.http().get('/children/T2/oversight');
    expect(ended.body).toMatchObject({ status: 'neither', flags: [] });
  });

  it('counts the plans in the annual report by their real start and end, and no initial conference', async () => {
    await projectionsCaughtUp(api, ['annual-report']);
    const report = await api.http().get('/reports/iro-annual/2019');
    expect(report.status).toBe(200);
    const figures = report.body.figures;
    expect(figures['cp.plansDuringYear']).toMatchObject({ value: 2, ids: ['T1', 'T2'] });
    expect(figures['cp.atYearEnd']).toMatchObject({ value: 1, ids: ['T1'] });
    expect(figures['cp.initialConferences']).toMatchObject({ value: 0 });
    expect(figures['cp.plansStarted.byCategory'].value).toMatchObject({ PHY: 1, NEG: 0 });
    expect(figures['cp.openOver15Months']).toMatchObject({ value: 1 });
    expect(figures['cp.openOver18Months']).toMatchObject({ value: 0 });
    expect(figures['cp.plansEndedLasting2YearsPercent']).toMatchObject({ numerator: 0, denominator: 1 });
    expect(figures['cp.reviewConferencesInTimescalePercent']).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('the plan start and ending refuse what the rules forbid', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi();
    // OPEN: on a plan recorded from Mon 6 Jan 2020, reviewed Mon 2 Mar. ENDED: a plan from 1 Oct 2019 to 3 Feb 2020.
    // NONE: never on a plan. ICPC: on a plan from an initial conference on Fri 20 Dec 2019.
    for (const child of ['OPEN', 'ENDED', 'NONE', 'ICPC']) await created(registerChild(api, child));
    await created(startPlan(api, 'OPEN', { startDate: '2020-01-06', categoryOfAbuse: 'EMO' }));
    await created(reviewConference(api, 'OPEN', { heldOn: '2020-03-02' }));
    await created(startPlan(api, 'ENDED', { startDate: '2019-10-01', categoryOfAbuse: 'SAB' }));
    await created(endPlan(api, 'ENDED', { endDate: '2020-02-03' }));
    await created(holdInitialConference(api, 'ICPC'));
  });
  afterAll(() => api.destroy());

  it('plan-already-open: a plan start while a plan is open, or on a day an ended plan was open', async () => {
    await expectRefused(api, () => startPlan(api, 'OPEN', { startDate: '2020-02-03', categoryOfAbuse: 'NEG' }), 'plan-already-open');
    await expectRefused(api, () => startPlan(api, 'ICPC', { startDate: '2020-03-02', categoryOfAbuse: 'NEG' }), 'plan-already-open');
    await expectRefused(api, () => startPlan(api, 'ENDED', { startDate: '2019-12-02', categoryOfAbuse: 'NEG' }), 'plan-already-open');
  });

  it('plan-start-before-last-plan-end: a plan start before the previous plan', () =>
    expectRefused(api, () => startPlan(api, 'ENDED', { startDate: '2019-05-01', categoryOfAbuse: 'NEG' }), 'plan-start-before-last-plan-end'));

  it('accepts a new plan on the day the previous one ended', async () => {
    const again = await startPlan(api, 'ENDED', { startDate: '2020-02-03', categoryOfAbuse: 'NEG' });
    expect(again.status).toBe(201);
    await created(api.http().post('/children/ENDED/voids').send({ eventId: again.body.eventIds[0], reason: 'Test.' }));
  });

  it('no-open-plan: an ending with no plan open', async () => {
    await expectRefused(api, () => endPlan(api, 'NONE', { endDate: '2020-03-02' }), 'no-open-plan');
    await expectRefused(api, () => endPlan(api, 'ENDED', { endDate: '2020-03-02' }), 'no-open-plan');
  });

  it('plan-end-on-start-day: a plan cannot start and end on one day (CIN rule 8840)', async () => {
    await created(registerChild(api, 'SAME'));
    await created(startPlan(api, 'SAME', { startDate: '2020-03-02', categoryOfAbuse: 'NEG' }));
    await expectRefused(api, () => endPlan(api, 'SAME', { endDate: '2020-03-02' }), 'plan-end-on-start-day');
    await expectRefused(api, () => reviewConference(api, 'SAME', { heldOn: '2020-03-02', outcome: 'plan-ended' }), 'plan-end-on-start-day');
    await expectRefused(api, () => endPlan(api, 'ICPC', { endDate: '2019-12-20' }), 'plan-end-on-start-day');
  });

  it("plan-end-before-last-conference: an ending before the plan's last conference", () =>
    expectRefused(api, () => endPlan(api, 'OPEN', { endDate: '2020-02-28' }), 'plan-end-before-last-conference'));

  it('date-in-future and before-birth', async () => {
    await expectRefused(api, () => endPlan(api, 'OPEN', { endDate: '2020-04-01' }), 'date-in-future');
    await expectRefused(api, () => startPlan(api, 'NONE', { startDate: '2020-04-01', categoryOfAbuse: 'NEG' }), 'date-in-future');
    await expectRefused(api, () => startPlan(api, 'NONE', { startDate: '2010-01-04', categoryOfAbuse: 'NEG' }), 'before-birth');
  });

  it('404 child-not-registered for an unknown child, nothing appended', async () => {
    const before = await api.eventCount();
    for (const response of [
      await startPlan(api, 'NOBODY', { startDate: '2020-03-02', categoryOfAbuse: 'NEG' }),
      await endPlan(api, 'NOBODY', { endDate: '2020-03-02' }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered', message: 'Child NOBODY is not registered.' });
    }
    expect(await api.eventCount()).toBe(before);
  });

  it('400 listing every malformed field', async () => {
    await expectMalformed(api, () => startPlan(api, 'NONE', {}), ['startDate', 'categoryOfAbuse']);
    await expectMalformed(
      api,
      () => startPlan(api, 'NONE', { startDate: '2020-02-30', categoryOfAbuse: 'XYZ', previousPlanCount: -1, reason: ' ' }),
      ['startDate', 'categoryOfAbuse', 'previousPlanCount', 'reason'],
    );
    await expectMalformed(api, () => endPlan(api, 'OPEN', {}), ['endDate']);
    await expectMalformed(api, () => endPlan(api, 'OPEN', { endDate: '2020-03-40', reason: 42 }), ['endDate', 'reason']);
    await expectMalformed(api, () => api.http().post('/children/bad%20id/cp-plan-endings').send({ endDate: '2020-03-20' }), ['childId']);
  });

  it('answers a retry with the same Idempotency-Key again, appending once; refuses a stale If-Match', async () => {
    await created(registerChild(api, 'IDEM'));
    const body = { startDate: '2020-01-06', categoryOfAbuse: 'MUL' };
    const first = await api.http().post('/children/IDEM/cp-plans').set('Idempotency-Key', 'plan-IDEM').send(body);
    const before = await api.eventCount();
    const retry = await api.http().post('/children/IDEM/cp-plans').set('Idempotency-Key', 'plan-IDEM').send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await api.eventCount()).toBe(before);

    const stale = await api.http().post('/children/IDEM/cp-plan-endings').set('If-Match', '0').send({ endDate: '2020-03-02' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ rule: 'expected-revision', expectedRevision: 0, actualRevision: 1 });
    const current = await api.http().post('/children/IDEM/cp-plan-endings').set('If-Match', '1').send({ endDate: '2020-03-02' });
    expect(current.status).toBe(201);
    expect(current.body.revision).toBe(2);
  });

  it('void-has-dependent-records: the plan start while its ending or review conferences stand; void them first', async () => {
    await created(registerChild(api, 'VOID'));
    const start = await created(startPlan(api, 'VOID', { startDate: '2020-01-06', categoryOfAbuse: 'NEG' }));
    const end = await created(endPlan(api, 'VOID', { endDate: '2020-02-03' }));
    const refused = await expectRefused(
      api,
      () => api.http().post('/children/VOID/voids').send({ eventId: start.eventIds[0], reason: 'Wrong child.' }),
      'void-has-dependent-records',
    );
    expect(refused.body.message).toContain(end.eventIds[0]);
    await created(api.http().post('/children/VOID/voids').send({ eventId: end.eventIds[0], reason: 'Wrong child.' }));
    await created(api.http().post('/children/VOID/voids').send({ eventId: start.eventIds[0], reason: 'Wrong child.' }));
    expect((await api.http().get('/children/VOID')).body).toMatchObject({ openChildProtectionPlan: null, childProtectionPlans: 0 });
  });
});
