import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiUnderTest, created, expectRefused, holdReview, raiseChallenge, registerChild, startApi, startCare } from './api-under-test';

describe('Idempotency-Key on commands', () => {
  let api: ApiUnderTest;
  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(() => api.destroy());

  it('answers a retry with the same key and body with the same status and body, appending once', async () => {
    const first = await registerChild(api, 'C1').set('Idempotency-Key', 'reg-C1');
    const retry = await registerChild(api, 'C1').set('Idempotency-Key', 'reg-C1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await api.eventCount()).toBe(1);
  });

  it('treats a body with its keys in another order as the same request', async () => {
    await created(registerChild(api, 'C1'));
    const body = { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false };
    const reordered = { placedOutsideLocalAuthority: false, placementType: 'U4', legalStatus: 'C2', startDate: '2020-01-06' };
    const first = await api.http().post('/children/C1/care-periods').set('Idempotency-Key', 'care-1').send(body);
    const retry = await api.http().post('/children/C1/care-periods').set('Idempotency-Key', 'care-1').send(reordered);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await api.eventCount()).toBe(2);
  });

  it('refuses the same key with a different body (422), appending nothing', async () => {
    await created(registerChild(api, 'C1').set('Idempotency-Key', 'reg'));
    const before = await api.eventCount();
    const reused = await registerChild(api, 'C2').set('Idempotency-Key', 'reg');
    expect(reused.status).toBe(422);
    expect(reused.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      rule: 'idempotency-key-reused',
      message: 'Idempotency-Key "reg" was already used with a different request (method, path or body).',
    });
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses the same key on another endpoint (422)', async () => {
    await created(registerChild(api, 'C1').set('Idempotency-Key', 'k'));
    const elsewhere = await raiseChallenge(api, 'CH1', ['C1']).set('Idempotency-Key', 'k');
    expect(elsewhere.status).toBe(422);
  });

  it('runs two requests with one key arriving together once: both get the one answer', async () => {
    const [a, b] = await Promise.all([
      registerChild(api, 'C1').set('Idempotency-Key', 'together'),
      registerChild(api, 'C1').set('Idempotency-Key', 'together'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await api.eventCount()).toBe(1);
  });

  it('frees the key of a refused request, so the retry runs once the state allows it', async () => {
    await created(registerChild(api, 'C1'));
    await expectRefused(api, () => holdReview(api, 'C1').set('Idempotency-Key', 'review-1'), 'not-in-care');
    await created(startCare(api, 'C1'));
    const retried = await holdReview(api, 'C1').set('Idempotency-Key', 'review-1');
    expect(retried.status).toBe(201);
    const again = await holdReview(api, 'C1').set('Idempotency-Key', 'review-1');
    expect(again.body).toEqual(retried.body);
    expect(await api.eventCount()).toBe(3);
  });

  it('survives a restart: the kept answer is still given after the API starts again', async () => {
    const first = await registerChild(api, 'C1').set('Idempotency-Key', 'durable');
    await api.close();
    const restarted = await startApi({ dataDir: api.dataDir });
    try {
      const retry = await registerChild(restarted, 'C1').set('Idempotency-Key', 'durable');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await restarted.eventCount()).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('after a crash between recording the events and closing the key, the retry gets the first answer and records nothing again', async () => {
    await created(registerChild(api, 'C1'));
    await created(startCare(api, 'C1'));
    const first = await holdReview(api, 'C1').set('Idempotency-Key', 'rev-C1-1');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    await api.close();
    // what a kill between the two commits leaves: the review recorded, its key still open, its lease run out
    const keys = new Database(join(api.dataDir, 'idempotency.sqlite'));
    keys.prepare("UPDATE idempotency_keys SET state = 'in-progress', response_status = NULL, response_body = NULL, claimed_at = 0").run();
    keys.close();
    const restarted = await startApi({ dataDir: api.dataDir });
    try {
      const retry = await holdReview(restarted, 'C1').set('Idempotency-Key', 'rev-C1-1');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await restarted.eventCount()).toBe(3);
      // the key is closed with that answer: the next retry is an ordinary replay
      const again = await holdReview(restarted, 'C1').set('Idempotency-Key', 'rev-C1-1');
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
    } finally {
      await restarted.close();
    }
  });
});

describe('If-Match and concurrent writers', () => {
  let api: ApiUnderTest;
  beforeEach(async () => {
    api = await startApi();
    await created(registerChild(api, 'C1'));
    await created(startCare(api, 'C1'));
  });
  afterEach(() => api.destroy());

  it('appends when If-Match is the stream revision, with or without quotes', async () => {
    const child = await api.http().get('/children/C1');
    expect(child.headers.etag).toBe('"1"');
    const review = await holdReview(api, 'C1').set('If-Match', child.headers.etag);
    expect(review.status).toBe(201);
    expect(review.body.revision).toBe(2);
    const iro = await api.http().post('/children/C1/iro-allocations').set('If-Match', '2').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' });
    expect(iro.status).toBe(201);
  });

  it('refuses a stale If-Match with 409 expected-revision, appending nothing', async () => {
    const before = await api.eventCount();
    const stale = await holdReview(api, 'C1').set('If-Match', '0');
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      rule: 'expected-revision',
      message: expect.stringContaining('child-C1 is at revision 1, the request expected 0'),
      expectedRevision: 0,
      actualRevision: 1,
    });
    expect(await api.eventCount()).toBe(before);
  });

  it('answers If-Match on an unknown child or challenge with 404, not 409 expected-revision', async () => {
    const before = await api.eventCount();
    const child = await api.http().post('/children/NOPE/iro-allocations').set('If-Match', '0').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' });
    expect(child.status).toBe(404);
    expect(child.body).toMatchObject({ statusCode: 404, rule: 'child-not-registered' });
    const challenge = await api
      .http()
      .post('/challenges/NOPE/escalations')
      .set('If-Match', '0')
      .send({ escalatedOn: '2020-02-12', toStage: 2, reason: 'No answer.' });
    expect(challenge.status).toBe(404);
    expect(challenge.body).toMatchObject({ statusCode: 404, rule: 'challenge-not-found' });
    expect(await api.eventCount()).toBe(before);
  });

  it('lets one of two appends at one expected revision win; the other gets 409', async () => {
    const [a, b] = await Promise.all([
      api.http().post('/children/C1/iro-allocations').set('If-Match', '1').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' }),
      api.http().post('/children/C1/iro-allocations').set('If-Match', '1').send({ iroId: 'IRO8', effectiveDate: '2020-01-08' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.rule).toBe('expected-revision');
    const history = await api.http().get('/children/C1/history');
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['ChildRegistered', 'CareStarted', 'IroAllocated']);
  });

  it('without If-Match, concurrent changes to one child are both kept, each decided on the state before it', async () => {
    const results = await Promise.all([
      api.http().post('/children/C1/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' }),
      api.http().post('/children/C1/legal-statuses').send({ effectiveDate: '2020-02-01', legalStatus: 'C1' }),
      holdReview(api, 'C1'),
    ]);
    expect(results.map((result) => result.status)).toEqual([201, 201, 201]);
    expect(results.map((result) => result.body.revision).sort()).toEqual([2, 3, 4]);
    const history = await api.http().get('/children/C1/history');
    expect(history.body.events.map((event: { revision: number }) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });
});
