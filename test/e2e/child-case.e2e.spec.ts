import {
  ApiUnderTest, created, holdInitialConference, holdReview, registerChild, startApi, startCare, TODAY,
} from './api-under-test';

describe("a child's case over HTTP", () => {
  let api: ApiUnderTest;
  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(() => api.destroy());

  it('registers a child: 201 { id, revision, eventIds } and a ChildRegistered effective today', async () => {
    const response = await registerChild(api, 'C1001', { familyId: 'F12' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'C1001', revision: 0, eventIds: [expect.any(String)] });

    const history = await api.http().get('/children/C1001/history');
    expect(history.status).toBe(200);
    expect(history.body.events).toEqual([
      {
        id: response.body.eventIds[0],
        type: 'ChildRegistered',
        effectiveDate: TODAY,
        recordedAt: '2020-03-31T11:00:00.000Z',
        revision: 0,
        position: 1,
        schemaVersion: 1,
        data: {
          childId: 'C1001', dateOfBirth: '2012-06-14', sex: 'female', ethnicity: 'WBRI', familyId: 'F12', effectiveDate: TODAY,
        },
        metadata: {
          correlationId: expect.any(String),
          causationId: expect.any(String),
          actor: { userId: 'local-user', role: 'admin' },
        },
      },
    ]);
  });

  it('registers an unborn child with an expected date of birth', async () => {
    const response = await registerChild(api, 'U1', { dateOfBirth: undefined, expectedDateOfBirth: '2020-06-01' });
    expect(response.status).toBe(201);
    const child = await api.http().get('/children/U1');
    expect(child.body.child).toEqual({
      dateOfBirth: null, expectedDateOfBirth: '2020-06-01', unborn: true, sex: 'female', ethnicity: 'WBRI', familyId: null,
    });
  });

  it('starts care and answers when the first review is due (20 working days)', async () => {
    await created(registerChild(api, 'C1001'));
    const response = await startCare(api, 'C1001');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: 'C1001', revision: 1, eventIds: [expect.any(String)], periodId: 'C1001:2020-01-06', firstReviewDueBy: '2020-02-03',
    });
  });

  it('records placements, legal statuses, IRO allocations and a care ending', async () => {
    await created(registerChild(api, 'C1001'));
    await created(startCare(api, 'C1001'));

    const placement = await api
      .http()
      .post('/children/C1001/placements')
      .send({ effectiveDate: '2020-02-10', placementType: 'U1', placedOutsideLocalAuthority: true, reasonForChange: 'CARPL' });
    expect(placement.status).toBe(201);
    expect(placement.body).toEqual({ id: 'C1001', revision: 2, eventIds: [expect.any(String)] });

    const legalStatus = await api.http().post('/children/C1001/legal-statuses').send({ effectiveDate: '2020-02-11', legalStatus: 'C1' });
    expect(legalStatus.status).toBe(201);
    expect(legalStatus.body.revision).toBe(3);

    const iro = await api.http().post('/children/C1001/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' });
    expect(iro.status).toBe(201);
    expect(iro.body.revision).toBe(4);

    const whileInCare = await api.http().get('/children/C1001');
    expect(whileInCare.status).toBe(200);
    expect(whileInCare.headers.etag).toBe('"4"');
    expect(whileInCare.body).toMatchObject({
      childId: 'C1001',
      revision: 4,
      asOf: TODAY,
      inCare: true,
      currentPeriodOfCare: { periodId: 'C1001:2020-01-06', startDate: '2020-01-06', endDate: null, categoryOfNeed: 'N1', reviewsHeld: 0 },
      placement: { placementType: 'U1', placedOutsideLocalAuthority: true, since: '2020-02-10' },
      legalStatus: { legalStatus: 'C1', since: '2020-02-11' },
      iro: { iroId: 'IRO7', since: '2020-01-07' },
      openChildProtectionPlan: null,
      dueNext: { reviewDueBy: '2020-02-03', reviewOverdue: true, reviewConferenceDueBy: null, reviewConferenceOverdue: false },
    });

    const ending = await api.http().post('/children/C1001/care-endings').send({ endDate: '2020-03-20', reasonCeased: 'E11' });
    expect(ending.status).toBe(201);
    expect(ending.body.revision).toBe(5);

    const afterCare = await api.http().get('/children/C1001');
    expect(afterCare.body).toMatchObject({
      inCare: false,
      currentPeriodOfCare: null,
      placement: null,
      legalStatus: null,
      iro: { iroId: 'IRO7' },
      dueNext: { reviewDueBy: null, reviewOverdue: false },
      periodsOfCare: [{ periodId: 'C1001:2020-01-06', endDate: '2020-03-20', reasonCeased: 'E11' }],
    });
  });

  it('holds a review: measured against its due date, answering heldInTime and nextReviewDueBy', async () => {
    await created(registerChild(api, 'C1001'));
    await created(startCare(api, 'C1001'));
    const first = await holdReview(api, 'C1001', { reviewId: 'R1', permanencePlanInPlace: false });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: 'C1001', revision: 2, eventIds: [expect.any(String)], reviewId: 'R1', periodId: 'C1001:2020-01-06',
      sequence: 1, dueBy: '2020-02-03', heldInTime: true, nextReviewDueBy: '2020-04-30',
    });

    const history = await api.http().get('/children/C1001/history');
    expect(history.body.events[2].data).toMatchObject({ reviewId: 'R1', dueBy: '2020-02-03', heldInTime: true, sequence: 1 });
  });

  it('gives a review without a reviewId a new id, and marks a late one', async () => {
    await created(registerChild(api, 'C1001'));
    await created(startCare(api, 'C1001'));
    const late = await holdReview(api, 'C1001', { heldOn: '2020-02-05', lateReason: 'Chair ill.' });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ reviewId: expect.stringMatching(/^[0-9a-f-]{36}$/), heldInTime: false, dueBy: '2020-02-03' });
  });

  it('holds an initial conference that starts a plan, then a review conference', async () => {
    await created(registerChild(api, 'C1001'));
    const initial = await holdInitialConference(api, 'C1001', { conferenceId: 'ICPC1' });
    expect(initial.status).toBe(201);
    expect(initial.body).toEqual({
      id: 'C1001', revision: 1, eventIds: [expect.any(String)], conferenceId: 'ICPC1', planId: 'C1001:2019-12-20',
      dueBy: '2019-12-23', heldInTime: true, nextReviewConferenceDueBy: '2020-03-20',
    });

    const onPlan = await api.http().get('/children/C1001');
    expect(onPlan.body.openChildProtectionPlan).toEqual({
      planId: 'C1001:2019-12-20', startDate: '2019-12-20', startedBy: 'initial-conference', categoryOfAbuse: 'NEG', reviewConferencesHeld: 0,
      lastConferenceOn: '2019-12-20',
    });
    expect(onPlan.body.dueNext).toMatchObject({ reviewConferenceDueBy: '2020-03-20', reviewConferenceOverdue: true });

    const review = await api
      .http()
      .post('/children/C1001/cp-conferences')
      .send({ type: 'review', heldOn: '2020-03-19', chairIroId: 'IRO7', outcome: 'plan-continued' });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ planId: 'C1001:2019-12-20', dueBy: '2020-03-20', heldInTime: true, nextReviewConferenceDueBy: '2020-09-19' });

    const ended = await api
      .http()
      .post('/children/C1001/cp-conferences')
      .send({ type: 'review', heldOn: '2020-03-30', chairIroId: 'IRO7', outcome: 'plan-ended' });
    expect(ended.status).toBe(201);
    expect(ended.body.nextReviewConferenceDueBy).toBeNull();
    expect((await api.http().get('/children/C1001')).body.openChildProtectionPlan).toBeNull();
  });

  it('lets an unborn child have a child protection conference and an IRO before its expected birth', async () => {
    await created(registerChild(api, 'U1', { dateOfBirth: undefined, expectedDateOfBirth: '2020-06-01' }));
    const conference = await holdInitialConference(api, 'U1', { heldOn: '2020-03-02', strategyDiscussionOn: '2020-02-24' });
    expect(conference.status).toBe(201);
    const iro = await api.http().post('/children/U1/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-03-01' });
    expect(iro.status).toBe(201);
  });

  it('voids a record entered wrongly: it stops counting, the history keeps both', async () => {
    await created(registerChild(api, 'C1001'));
    await created(startCare(api, 'C1001'));
    const review = await created(holdReview(api, 'C1001'));
    const voided = await api.http().post('/children/C1001/voids').send({ eventId: review.eventIds[0], reason: 'Wrong child.' });
    expect(voided.status).toBe(201);
    expect(voided.body).toEqual({
      id: 'C1001', revision: 3, eventIds: [expect.any(String)], voidedEventId: review.eventIds[0], voidedType: 'ReviewHeld',
    });
    const child = await api.http().get('/children/C1001');
    expect(child.body.currentPeriodOfCare.reviewsHeld).toBe(0);
    const history = await api.http().get('/children/C1001/history');
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual([
      'ChildRegistered', 'CareStarted', 'ReviewHeld', 'RecordVoided',
    ]);
    expect(history.body.events[3].data).toEqual({
      eventId: review.eventIds[0], voidedType: 'ReviewHeld', reason: 'Wrong child.', effectiveDate: TODAY,
    });
  });

  it('carries the caller\'s correlation id and the idempotency key into the metadata, and echoes the correlation id', async () => {
    const response = await registerChild(api, 'C1001').set('X-Correlation-Id', 'corr-42').set('Idempotency-Key', 'key-1');
    expect(response.headers['x-correlation-id']).toBe('corr-42');
    const history = await api.http().get('/children/C1001/history');
    expect(history.body.events[0].metadata).toEqual({
      correlationId: 'corr-42',
      causationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      actor: { userId: 'local-user', role: 'admin' },
      idempotencyKey: 'key-1',
    });
  });
});
