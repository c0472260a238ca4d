import {
  ApiUnderTest, created, escalate, expectMalformed, holdInitialConference, holdReview, raiseChallenge, registerChild,
  resolve, startApi, startCare,
} from './api-under-test';

/** 400 with every field error at once, nothing appended. */
describe('malformed requests', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi();
    await created(registerChild(api, 'C1'));
    await created(startCare(api, 'C1'));
    await created(raiseChallenge(api, 'CH1', ['C1']));
  });
  afterAll(() => api.destroy());

  it('lists every bad field of a registration, with the messages for each', async () => {
    const response = await expectMalformed(
      api,
      () =>
        api.http().post('/children').send({
          childId: 'has space', dateOfBirth: '2019-02-29', expectedDateOfBirth: '2020-06-01', sex: 'm', ethnicity: 'XXXX',
          familyId: '', nickname: 'Jo',
        }),
      ['childId', 'dateOfBirth', 'sex', 'ethnicity', 'familyId', 'nickname'],
    );
    const byField = Object.fromEntries(response.body.errors.map((error: { field: string; messages: string[] }) => [error.field, error.messages]));
    expect(byField.dateOfBirth).toEqual(
      expect.arrayContaining([
        'dateOfBirth must be a real date written yyyy-mm-dd, in the years 0100 to 9999',
        'exactly one of dateOfBirth and expectedDateOfBirth must be given',
      ]),
    );
    expect(byField.nickname).toEqual(['property nickname should not exist']);
    expect(byField.childId).toEqual(['childId must be 1-64 characters of A-Z, a-z, 0-9, _ and -']);
  });

  it('needs one of dateOfBirth and expectedDateOfBirth', () =>
    expectMalformed(api, () => api.http().post('/children').send({ childId: 'C9', sex: 'male' }), ['dateOfBirth']));

  it('refuses an id longer than 64 characters', () =>
    expectMalformed(api, () => registerChild(api, 'x'.repeat(65)), ['childId']));

  it('refuses a childId in the path that is not an id', () =>
    expectMalformed(api, () => startCare(api, 'bad%20id'), ['childId']));

  it('refuses a challenge id in the path that is not an id', () =>
    expectMalformed(api, () => escalate(api, 'x'.repeat(65), { escalatedOn: '2020-02-12', toStage: 2 }), ['id']));

  it('refuses codes that are not SSDA903 codes, and a missing boolean', () =>
    expectMalformed(
      api,
      () => api.http().post('/children/C1/placements').send({ effectiveDate: '2020-02-10', placementType: 'U9', reasonForChange: 'BORED' }),
      ['placementType', 'placedOutsideLocalAuthority', 'reasonForChange'],
    ));

  it('refuses an empty body with every required field named', () =>
    expectMalformed(api, () => api.http().post('/children/C1/care-periods').send({}), [
      'startDate', 'legalStatus', 'placementType', 'placedOutsideLocalAuthority',
    ]));

  it('refuses a date that is not a real date, or not yyyy-mm-dd', async () => {
    await expectMalformed(api, () => holdReview(api, 'C1', { heldOn: '2020-02-30' }), ['heldOn']);
    await expectMalformed(api, () => holdReview(api, 'C1', { heldOn: '30/01/2020' }), ['heldOn']);
    await expectMalformed(api, () => holdReview(api, 'C1', { heldOn: '2020-01-30T10:00:00Z' }), ['heldOn']);
  });

  it('given a real date before the year 100, then the message says which years are taken', async () => {
    const response = await expectMalformed(api, () => holdReview(api, 'C1', { heldOn: '0001-01-01' }), ['heldOn']);
    expect(response.body.errors).toEqual([{ field: 'heldOn', messages: ['heldOn must be a real date written yyyy-mm-dd, in the years 0100 to 9999'] }]);
  });

  it('refuses a participation code outside PN0-PN7 and a non-boolean visit', () =>
    expectMalformed(api, () => holdReview(api, 'C1', { participation: 'PN8', iroVisitedBeforeReview: 'yes' }), [
      'participation', 'iroVisitedBeforeReview',
    ]));

  it('an initial conference needs strategyDiscussionOn; plan-started needs a category', () =>
    expectMalformed(
      api,
      () => holdInitialConference(api, 'C1', { strategyDiscussionOn: undefined, categoryOfAbuse: undefined }),
      ['strategyDiscussionOn', 'categoryOfAbuse'],
    ));

  it('plan-started only follows an initial conference; a review conference continues or ends the plan', async () => {
    await expectMalformed(
      api,
      () => api.http().post('/children/C1/cp-conferences').send({ type: 'review', heldOn: '2020-03-02', chairIroId: 'IRO7', outcome: 'plan-started', categoryOfAbuse: 'NEG' }),
      ['outcome'],
    );
    await expectMalformed(api, () => holdInitialConference(api, 'C1', { outcome: 'plan-ended', categoryOfAbuse: undefined }), ['outcome']);
  });

  it('refuses a category of abuse outside the CIN census codes and a negative previous plan count', () =>
    expectMalformed(api, () => holdInitialConference(api, 'C1', { categoryOfAbuse: 'BAD', previousPlanCount: -1 }), [
      'categoryOfAbuse', 'previousPlanCount',
    ]));

  it('a challenge names at least one child, each once, and a known category', async () => {
    await expectMalformed(api, () => raiseChallenge(api, 'CH9', [], { category: 'weather', summary: '' }), ['childIds', 'category', 'summary']);
    await expectMalformed(api, () => raiseChallenge(api, 'CH9', ['C1', 'C1']), ['childIds']);
    await expectMalformed(api, () => raiseChallenge(api, 'CH9', ['C1', 'no good']), ['childIds']);
  });

  it('an escalation goes to 2, 3, 4 or cafcass', async () => {
    await expectMalformed(api, () => escalate(api, 'CH1', { escalatedOn: '2020-02-12', toStage: 1 }), ['toStage']);
    await expectMalformed(api, () => escalate(api, 'CH1', { escalatedOn: '2020-02-12', toStage: '2', reason: '' }), ['toStage', 'reason']);
  });

  it('a body nested deeper than any request of this API is a 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await api.http().post('/children/C1/voids').set('Content-Type', 'application/json')
      .send(`{"eventId":"00000000-0000-4000-8000-000000000000","reason":"x","x":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'x', messages: ['nested more than 32 levels deep'] }]);
  });

  it('free text gets the one message that applies: required, empty or too long', async () => {
    const messagesOf = async (body: object): Promise<unknown> => {
      const response = await api.http().post('/children/C1/voids').send({ eventId: '00000000-0000-4000-8000-000000000000', ...body });
      expect(response.status).toBe(400);
      return response.body.errors.find((error: { field: string }) => error.field === 'reason')?.messages;
    };
    expect(await messagesOf({})).toEqual(['reason is required']);
    expect(await messagesOf({ reason: '  ' })).toEqual(['reason must not be empty']);
    expect(await messagesOf({ reason: 7 })).toEqual(['reason must be text']);
    expect(await messagesOf({ reason: 'x'.repeat(4001) })).toEqual(['reason must be at most 4000 characters (it has 4001)']);
  });

  it('validates a recovery plan action by action', async () => {
    const response = await expectMalformed(
      api,
      () =>
        resolve(api, 'CH1', {
          resolvedOn: '2020-02-20',
          outcome: 'recovery-plan-agreed',
          recoveryPlan: { actions: [{ action: '', dueBy: '2020-13-01' }, { dueBy: '2020-03-01', owner: 'TM' }] },
        }),
      ['recoveryPlan.actions.0.action', 'recoveryPlan.actions.0.dueBy', 'recoveryPlan.actions.1.action', 'recoveryPlan.actions.1.owner'],
    );
    expect(response.body.errors).toContainEqual({ field: 'recoveryPlan.actions.1.owner', messages: ['property owner should not exist'] });
  });

  it('a recovery plan action is an object: an array, null or a number in its place is a 400 naming it', async () => {
    const withActions = (actions: unknown[]) => () =>
      resolve(api, 'CH1', { resolvedOn: '2020-02-20', outcome: 'recovery-plan-agreed', recoveryPlan: { actions } });
    const response = await expectMalformed(api, withActions([[]]), ['recoveryPlan.actions.0']);
    expect(response.body.errors).toEqual([
      { field: 'recoveryPlan.actions.0', messages: ['each of actions must be an object with action and dueBy'] },
    ]);
    await expectMalformed(api, withActions([null]), ['recoveryPlan.actions.0']);
    await expectMalformed(api, withActions([1]), ['recoveryPlan.actions.0']);
    await expectMalformed(api, withActions([{ action: 'Permanence panel', dueBy: '2020-03-01' }, []]), ['recoveryPlan.actions.1']);
  });

  it('recovery-plan-agreed needs a plan with an action; a plan goes only with that outcome', async () => {
    await expectMalformed(api, () => resolve(api, 'CH1', { resolvedOn: '2020-02-20', outcome: 'recovery-plan-agreed' }), ['recoveryPlan']);
    await expectMalformed(
      api,
      () => resolve(api, 'CH1', { resolvedOn: '2020-02-20', outcome: 'recovery-plan-agreed', recoveryPlan: { actions: [] } }),
      ['recoveryPlan.actions'],
    );
    await expectMalformed(
      api,
      () => resolve(api, 'CH1', { resolvedOn: '2020-02-20', outcome: 'resolved', recoveryPlan: { actions: [{ action: 'a', dueBy: '2020-03-01' }] } }),
      ['recoveryPlan'],
    );
  });

  it('refuses a body that is not JSON', () =>
    expectMalformed(api, () => api.http().post('/children').set('Content-Type', 'application/json').send('{"childId": '), ['body']));

  it('given JSON that is not an object (null, a string, a number, an array), then the 400 says the body must be an object', async () => {
    for (const body of ['null', '"hello"', '7', '[]']) {
      const response = await expectMalformed(api, () => api.http().post('/children').set('Content-Type', 'application/json').send(body), ['body']);
      expect({ body, errors: response.body.errors }).toEqual({ body, errors: [{ field: 'body', messages: ['the body must be a JSON object'] }] });
    }
  });

  it('given a body sent as another content type than JSON, then the 400 names the Content-Type, not every field', async () => {
    const json = '{"childId":"TP1","dateOfBirth":"2015-03-02","sex":"female"}';
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await expectMalformed(api, () => api.http().post('/children').set('Content-Type', type).send(json), ['Content-Type']);
      expect(response.body.errors).toEqual([{ field: 'Content-Type', messages: ['Content-Type must be application/json (multipart/form-data for an import)'] }]);
    }
  });

  it('lists a bad id in the path beside the body errors', () =>
    expectMalformed(api, () => holdReview(api, 'bad%20id', { heldOn: 'x', participation: 'PN9' }), ['childId', 'heldOn', 'participation']));

  it('lists a bad If-Match or Idempotency-Key beside the body and path errors, in one 400', async () => {
    const review = () => holdReview(api, 'bad%20id', { heldOn: 'x', participation: 'PN9' });
    await expectMalformed(api, () => review().set('If-Match', 'abc'), ['childId', 'heldOn', 'participation', 'If-Match']);
    await expectMalformed(api, () => review().set('Idempotency-Key', 'has space'), ['childId', 'heldOn', 'participation', 'Idempotency-Key']);
    await expectMalformed(
      api,
      () => review().set('If-Match', 'abc').set('Idempotency-Key', 'has space'),
      ['childId', 'heldOn', 'participation', 'If-Match', 'Idempotency-Key'],
    );
    await expectMalformed(api, () => holdReview(api, 'C1').set('If-Match', 'abc').set('Idempotency-Key', 'has space'), ['If-Match', 'Idempotency-Key']);
  });

  it('refuses headers it cannot read: If-Match, Idempotency-Key, X-Correlation-Id', async () => {
    await expectMalformed(api, () => registerChild(api, 'C7').set('If-Match', 'yesterday'), ['If-Match']);
    await expectMalformed(api, () => registerChild(api, 'C7').set('Idempotency-Key', 'k'.repeat(256)), ['Idempotency-Key']);
    await expectMalformed(api, () => registerChild(api, 'C7').set('X-Correlation-Id', 'has space'), ['X-Correlation-Id']);
  });

  it('given a malformed X-Correlation-Id, then the 400 carries a new one, as every answer does', async () => {
    const response = await expectMalformed(api, () => registerChild(api, 'C7').set('X-Correlation-Id', 'has space'), ['X-Correlation-Id']);
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
