import {
  ApiUnderTest, created, expectRefused, holdInitialConference, holdReview, registerChild, startApi, startCare,
} from './api-under-test';

/** Every rule of the child's case: 409 naming the rule, nothing appended. */
describe("the child's case refuses what its rules forbid", () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi();
    // C1: 7 years old, in care from 6 Jan 2020. C2: registered, never in care. TODDLER: born 1 May 2018, in care.
    // UNBORN: expected 1 June 2020. CP: on a plan since 20 Dec 2019.
    await created(registerChild(api, 'C1'));
    await created(startCare(api, 'C1'));
    await created(registerChild(api, 'C2'));
    await created(registerChild(api, 'TODDLER', { dateOfBirth: '2018-05-01' }));
    await created(startCare(api, 'TODDLER'));
    await created(registerChild(api, 'UNBORN', { dateOfBirth: undefined, expectedDateOfBirth: '2020-06-01' }));
    await created(registerChild(api, 'CP'));
    await created(holdInitialConference(api, 'CP'));
  });
  afterAll(() => api.destroy());

  describe('date-in-future: nothing is dated after today', () => {
    it('a review held tomorrow', () => expectRefused(api, () => holdReview(api, 'C1', { heldOn: '2020-04-01' }), 'date-in-future'));
    it('a placement tomorrow', () =>
      expectRefused(
        api,
        () => api.http().post('/children/C1/placements').send({ effectiveDate: '2020-04-01', placementType: 'U5', placedOutsideLocalAuthority: false }),
        'date-in-future',
      ));
    it('a date of birth after today', () =>
      expectRefused(api, () => registerChild(api, 'LATER', { dateOfBirth: '2020-04-02' }), 'date-in-future'));
  });

  describe("before-birth: nothing is dated before the child's birth", () => {
    it('care starting before the date of birth', async () => {
      await created(registerChild(api, 'BABY', { dateOfBirth: '2020-02-01' }));
      await expectRefused(api, () => startCare(api, 'BABY', { startDate: '2020-01-20' }), 'before-birth');
    });
    it('an unborn child may not start care before its expected date of birth', () =>
      expectRefused(api, () => startCare(api, 'UNBORN', { startDate: '2020-03-02' }), 'before-birth'));
    it('a conference more than a pregnancy (280 days) before a born child\'s birth', async () => {
      await created(registerChild(api, 'NEWBORN', { dateOfBirth: '2020-03-01' }));
      await expectRefused(
        api,
        () => holdInitialConference(api, 'NEWBORN', { heldOn: '2019-05-20', strategyDiscussionOn: '2019-05-10' }),
        'before-birth',
      );
    });
  });

  describe('not-in-care: a placement, legal status, care ending or review needs the child in care on that date', () => {
    it('a placement for a child never in care', () =>
      expectRefused(
        api,
        () => api.http().post('/children/C2/placements').send({ effectiveDate: '2020-02-01', placementType: 'U5', placedOutsideLocalAuthority: false }),
        'not-in-care',
      ));
    it('a legal status before care started', () =>
      expectRefused(api, () => api.http().post('/children/C1/legal-statuses').send({ effectiveDate: '2020-01-03', legalStatus: 'C1' }), 'not-in-care'));
    it('a care ending for a child not in care', () =>
      expectRefused(api, () => api.http().post('/children/C2/care-endings').send({ endDate: '2020-02-01', reasonCeased: 'E11' }), 'not-in-care'));
    it('a review before care started', () => expectRefused(api, () => holdReview(api, 'C1', { heldOn: '2020-01-02' }), 'not-in-care'));
  });

  it('already-in-care: care cannot start while in care', () =>
    expectRefused(api, () => startCare(api, 'C1', { startDate: '2020-02-01' }), 'already-in-care'));

  it('no-open-plan: a review conference needs an open plan', () =>
    expectRefused(
      api,
      () => api.http().post('/children/C2/cp-conferences').send({ type: 'review', heldOn: '2020-03-02', chairIroId: 'IRO7', outcome: 'plan-continued' }),
      'no-open-plan',
    ));

  it('plan-already-open: no initial conference while a plan is open', () =>
    expectRefused(api, () => holdInitialConference(api, 'CP', { heldOn: '2020-03-02', strategyDiscussionOn: '2020-02-24' }), 'plan-already-open'));

  describe('participation-age: PN0 is for a child under 4, and only for them (DfE rules 440/441)', () => {
    it('PN0 for a child of 7', () => expectRefused(api, () => holdReview(api, 'C1', { participation: 'PN0' }), 'participation-age'));
    it('PN1 for a child of 1', () => expectRefused(api, () => holdReview(api, 'TODDLER', { participation: 'PN1' }), 'participation-age'));
    it('while PN0 for the child of 1 is recorded', async () => {
      const response = await holdReview(api, 'TODDLER', { participation: 'PN0' });
      expect(response.status).toBe(201);
    });
  });

  describe('voids', () => {
    it('void-unknown-event: an event that is not in this stream', async () => {
      const otherChilds = await created(registerChild(api, 'OTHER'));
      await expectRefused(
        api,
        () => api.http().post('/children/C1/voids').send({ eventId: otherChilds.eventIds[0], reason: 'wrong' }),
        'void-unknown-event',
      );
      await expectRefused(api, () => api.http().post('/children/C1/voids').send({ eventId: 'no-such-event', reason: 'wrong' }), 'void-unknown-event');
    });
    it('void-already-voided: an event already voided', async () => {
      await created(registerChild(api, 'V1'));
      await created(startCare(api, 'V1'));
      const review = await created(holdReview(api, 'V1'));
      await created(api.http().post('/children/V1/voids').send({ eventId: review.eventIds[0], reason: 'wrong' }));
      await expectRefused(api, () => api.http().post('/children/V1/voids').send({ eventId: review.eventIds[0], reason: 'again' }), 'void-already-voided');
    });
  });

  it('child-already-registered: a child is registered once', () => expectRefused(api, () => registerChild(api, 'C1'), 'child-already-registered'));

  describe('an unknown child: 404, nothing appended', () => {
    it.each([
      ['care-periods', { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }],
      ['placements', { effectiveDate: '2020-02-10', placementType: 'U1', placedOutsideLocalAuthority: false }],
      ['legal-statuses', { effectiveDate: '2020-02-10', legalStatus: 'C1' }],
      ['care-endings', { endDate: '2020-02-10', reasonCeased: 'E11' }],
      ['iro-allocations', { iroId: 'IRO7', effectiveDate: '2020-02-10' }],
      ['reviews', { heldOn: '2020-01-30', chairIroId: 'IRO7', participation: 'PN1', iroVisitedBeforeReview: true }],
      ['cp-conferences', { type: 'review', heldOn: '2020-03-02', chairIroId: 'IRO7', outcome: 'plan-continued' }],
      ['voids', { eventId: 'x', reason: 'wrong' }],
    ])('POST /children/NOBODY/%s', async (path, body) => {
      const before = await api.eventCount();
      const response = await api.http().post(`/children/NOBODY/${path}`).send(body);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered', message: 'Child NOBODY is not registered.' });
      expect(await api.eventCount()).toBe(before);
    });

    it.each(['/children/NOBODY', '/children/NOBODY/history'])('GET %s', async (path) => {
      const response = await api.http().get(path);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered' });
    });
  });
});
