import {
  ApiUnderTest, created, escalate, expectRefused, raiseChallenge, registerChild, resolve, startApi, TODAY,
} from './api-under-test';

describe('a challenge through the Issues Resolution Process over HTTP', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi();
    await created(registerChild(api, 'C1'));
    await created(registerChild(api, 'C2'));
  });
  afterAll(() => api.destroy());

  it('raises a challenge at stage 1 with its response deadline (5 working days by default)', async () => {
    const response = await raiseChallenge(api, 'CH1', ['C1'], { addressedTo: 'Team manager' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'CH1', revision: 0, eventIds: [expect.any(String)], stage: 1, responseDueBy: '2020-02-10' });
  });

  it('raises a service-level challenge about several children, with a new id when none is given', async () => {
    const response = await raiseChallenge(api, undefined as unknown as string, ['C1', 'C2']);
    expect(response.status).toBe(201);
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const challenge = await api.http().get(`/challenges/${response.body.id}`);
    expect(challenge.body.childIds).toEqual(['C1', 'C2']);
  });

  it('escalates, responds and resolves with a recovery plan; the state keeps the stage history', async () => {
    await created(raiseChallenge(api, 'CH2', ['C1']));
    const toStage2 = await escalate(api, 'CH2', { escalatedOn: '2020-02-12', toStage: 2 });
    expect(toStage2.status).toBe(201);
    expect(toStage2.body).toEqual({ id: 'CH2', revision: 1, eventIds: [expect.any(String)], fromStage: 1, stage: 2, responseDueBy: '2020-02-19' });

    const response = await api
      .http()
      .post('/challenges/CH2/responses')
      .send({ respondedOn: '2020-02-14', respondedBy: 'Service manager', response: 'Meeting booked.' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'CH2', revision: 2, eventIds: [expect.any(String)], stage: 2 });

    const resolution = await resolve(api, 'CH2', {
      resolvedOn: '2020-02-20',
      outcome: 'recovery-plan-agreed',
      recoveryPlan: { actions: [{ action: 'Permanence planning meeting', dueBy: '2020-03-13' }] },
    });
    expect(resolution.status).toBe(201);
    expect(resolution.body).toEqual({ id: 'CH2', revision: 3, eventIds: [expect.any(String)], stage: 2, outcome: 'recovery-plan-agreed' });

    const challenge = await api.http().get('/challenges/CH2');
    expect(challenge.status).toBe(200);
    expect(challenge.headers.etag).toBe('"3"');
    expect(challenge.body).toEqual({
      challengeId: 'CH2',
      revision: 3,
      asOf: TODAY,
      childIds: ['C1'],
      category: 'permanence',
      raisedBy: 'IRO7',
      raisedOn: '2020-02-03',
      summary: 'No permanence plan at the second review.',
      addressedTo: null,
      stage: 2,
      highestStage: 2,
      responseDueBy: null,
      stageHistory: [
        { stage: 1, enteredOn: '2020-02-03', responseDueBy: '2020-02-10', leftOn: '2020-02-12', overdue: false, deadlineMet: false },
        { stage: 2, enteredOn: '2020-02-12', responseDueBy: '2020-02-19', leftOn: '2020-02-20', overdue: false, deadlineMet: true },
      ],
      responses: [{ respondedOn: '2020-02-14', respondedBy: 'Service manager', response: 'Meeting booked.', stage: 2 }],
      resolved: true,
      resolvedOn: '2020-02-20',
      outcome: 'recovery-plan-agreed',
      recoveryPlan: { actions: [{ action: 'Permanence planning meeting', dueBy: '2020-03-13' }] },
    });

    const history = await api.http().get('/challenges/CH2/history');
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual([
      'ChallengeRaised', 'ChallengeEscalated', 'ChallengeResponded', 'ChallengeResolved',
    ]);
  });

  it('lets the IRO bypass stages, and refer to Cafcass from any stage (no deadline there)', async () => {
    await created(raiseChallenge(api, 'CH3', ['C1']));
    const bypass = await escalate(api, 'CH3', { escalatedOn: '2020-02-12', toStage: 3 });
    expect(bypass.body).toMatchObject({ fromStage: 1, stage: 3, responseDueBy: '2020-02-19' });
    const cafcass = await escalate(api, 'CH3', { escalatedOn: '2020-02-13', toStage: 'cafcass' });
    expect(cafcass.status).toBe(201);
    expect(cafcass.body).toMatchObject({ fromStage: 3, stage: 'cafcass', responseDueBy: null });

    await created(raiseChallenge(api, 'CH4', ['C1']));
    expect((await escalate(api, 'CH4', { escalatedOn: '2020-02-04', toStage: 'cafcass' })).status).toBe(201);
  });

  it('shows an open challenge overdue at its stage', async () => {
    await created(raiseChallenge(api, 'CH5', ['C2']));
    const challenge = await api.http().get('/challenges/CH5');
    expect(challenge.body).toMatchObject({ resolved: false, stage: 1, responseDueBy: '2020-02-10' });
    expect(challenge.body.stageHistory).toEqual([{ stage: 1, enteredOn: '2020-02-03', responseDueBy: '2020-02-10', leftOn: null, overdue: true, deadlineMet: null }]);
  });

  it('does not show a stage overdue once it was answered in time: the same answer as GET /challenges?overdue=true', async () => {
    await created(raiseChallenge(api, 'CH5B', ['C2']));
    await created(api.http().post('/challenges/CH5B/responses').send({ respondedOn: '2020-02-05', respondedBy: 'Team manager', response: 'Plan booked.' }));
    const challenge = await api.http().get('/challenges/CH5B');
    expect(challenge.body.stageHistory).toEqual([{ stage: 1, enteredOn: '2020-02-03', responseDueBy: '2020-02-10', leftOn: null, overdue: false, deadlineMet: true }]);
    const overdue = await api.http().get('/challenges').query({ overdue: true, childId: 'C2' });
    expect(overdue.status).toBe(200);
    const overdueIds = overdue.body.items.map((listed: { challengeId: string }) => listed.challengeId);
    expect(overdueIds).toContain('CH5');
    expect(overdueIds).not.toContain('CH5B');
  });

  it('shows a stage answered late overdue from its deadline until the answer, not after', async () => {
    await created(raiseChallenge(api, 'CH5C', ['C2']));
    await created(api.http().post('/challenges/CH5C/responses').send({ respondedOn: '2020-02-20', respondedBy: 'Team manager', response: 'Late.' }));
    const challenge = await api.http().get('/challenges/CH5C');
    expect(challenge.body.stageHistory[0]).toMatchObject({ stage: 1, responseDueBy: '2020-02-10', overdue: false });
  });

  it('voids a record of the challenge', async () => {
    await created(raiseChallenge(api, 'CH6', ['C1']));
    const escalation = await created(escalate(api, 'CH6', { escalatedOn: '2020-02-12', toStage: 4 }));
    const voided = await api.http().post('/challenges/CH6/voids').send({ eventId: escalation.eventIds[0], reason: 'Meant stage 2.' });
    expect(voided.status).toBe(201);
    expect(voided.body).toMatchObject({ id: 'CH6', revision: 2, voidedEventId: escalation.eventIds[0], voidedType: 'ChallengeEscalated' });
    expect((await api.http().get('/challenges/CH6')).body).toMatchObject({ stage: 1, highestStage: 1 });
    expect((await escalate(api, 'CH6', { escalatedOn: '2020-02-12', toStage: 2 })).status).toBe(201);
  });

  describe('rules: 409 naming the rule, nothing appended', () => {
    beforeAll(async () => {
      await created(raiseChallenge(api, 'AT2', ['C1']));
      await created(escalate(api, 'AT2', { escalatedOn: '2020-02-12', toStage: 2 }));
      await created(raiseChallenge(api, 'DONE', ['C1']));
      await created(resolve(api, 'DONE', { resolvedOn: '2020-02-05', outcome: 'resolved' }));
    });

    it('escalation-not-forward: to the same stage', () =>
      expectRefused(api, () => escalate(api, 'AT2', { escalatedOn: '2020-02-20', toStage: 2 }), 'escalation-not-forward'));
    it('escalation-not-forward: never back (a stage 4 challenge to stage 3)', async () => {
      await created(raiseChallenge(api, 'AT4', ['C1']));
      await created(escalate(api, 'AT4', { escalatedOn: '2020-02-12', toStage: 4 }));
      await expectRefused(api, () => escalate(api, 'AT4', { escalatedOn: '2020-02-20', toStage: 3 }), 'escalation-not-forward');
    });
    it('escalation-not-forward: nothing after Cafcass', async () => {
      await created(raiseChallenge(api, 'ATC', ['C1']));
      await created(escalate(api, 'ATC', { escalatedOn: '2020-02-12', toStage: 'cafcass' }));
      await expectRefused(api, () => escalate(api, 'ATC', { escalatedOn: '2020-02-20', toStage: 4 }), 'escalation-not-forward');
    });
    it('before-last-step: an escalation dated before the last step', () =>
      expectRefused(api, () => escalate(api, 'AT2', { escalatedOn: '2020-02-11', toStage: 3 }), 'before-last-step'));
    it('before-last-step: a resolution dated before the last step', () =>
      expectRefused(api, () => resolve(api, 'AT2', { resolvedOn: '2020-02-11', outcome: 'resolved' }), 'before-last-step'));
    it('challenge-resolved: no escalation, response or resolution once resolved', async () => {
      await expectRefused(api, () => escalate(api, 'DONE', { escalatedOn: '2020-02-20', toStage: 2 }), 'challenge-resolved');
      await expectRefused(
        api,
        () => api.http().post('/challenges/DONE/responses').send({ respondedOn: '2020-02-20', respondedBy: 'TM', response: 'late' }),
        'challenge-resolved',
      );
      await expectRefused(api, () => resolve(api, 'DONE', { resolvedOn: '2020-02-20', outcome: 'withdrawn' }), 'challenge-resolved');
    });
    it('date-in-future: an escalation dated after today', () =>
      expectRefused(api, () => escalate(api, 'AT2', { escalatedOn: '2020-04-01', toStage: 3 }), 'date-in-future'));
    it('challenge-already-raised: one id, one challenge', () =>
      expectRefused(api, () => raiseChallenge(api, 'AT2', ['C1']), 'challenge-already-raised'));
    it("before-birth: a challenge dated before a named child's birth", async () => {
      await created(registerChild(api, 'YOUNG', { dateOfBirth: '2020-03-01' }));
      await expectRefused(api, () => raiseChallenge(api, 'EARLY', ['YOUNG']), 'before-birth');
    });
    it("before-birth: a challenge about an unborn child dated before its expected date of birth, naming the child", async () => {
      await created(registerChild(api, 'UNBORN', { dateOfBirth: undefined, expectedDateOfBirth: '2020-06-01' }));
      const refused = await expectRefused(api, () => raiseChallenge(api, 'PREBIRTH', ['C1', 'UNBORN'], { raisedOn: '2019-10-01' }), 'before-birth');
      expect(refused.body.message).toContain('UNBORN');
      expect(refused.body.message).toContain('2020-06-01');
      await expectRefused(api, () => raiseChallenge(api, 'PREBIRTH', ['UNBORN']), 'before-birth');
    });
    it('void-unknown-event and void-already-voided', async () => {
      await expectRefused(api, () => api.http().post('/challenges/AT2/voids').send({ eventId: 'nope', reason: 'x' }), 'void-unknown-event');
      await created(raiseChallenge(api, 'VV', ['C1']));
      const escalation = await created(escalate(api, 'VV', { escalatedOn: '2020-02-12', toStage: 2 }));
      await created(api.http().post('/challenges/VV/voids').send({ eventId: escalation.eventIds[0], reason: 'x' }));
      await expectRefused(api, () => api.http().post('/challenges/VV/voids').send({ eventId: escalation.eventIds[0], reason: 'x' }), 'void-already-voided');
    });
  });

  describe('an unknown challenge or child: 404, nothing appended', () => {
    it.each([
      ['escalations', { escalatedOn: '2020-02-12', toStage: 2, reason: 'x' }],
      ['responses', { respondedOn: '2020-02-12', respondedBy: 'TM', response: 'x' }],
      ['resolutions', { resolvedOn: '2020-02-12', outcome: 'resolved' }],
      ['voids', { eventId: 'x', reason: 'x' }],
    ])('POST /challenges/NONE/%s', async (path, body) => {
      const before = await api.eventCount();
      const response = await api.http().post(`/challenges/NONE/${path}`).send(body);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', rule: 'challenge-not-found' });
      expect(await api.eventCount()).toBe(before);
    });
    it.each(['/challenges/NONE', '/challenges/NONE/history'])('GET %s', async (path) => {
      const response = await api.http().get(path);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ rule: 'challenge-not-found' });
    });
    it('raising a challenge about a child not registered', async () => {
      const before = await api.eventCount();
      const response = await raiseChallenge(api, 'CHX', ['C1', 'NOBODY']);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered', message: 'Child NOBODY is not registered.' });
      expect(await api.eventCount()).toBe(before);
    });
  });
});
