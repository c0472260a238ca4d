import { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApiApp } from '../../../apps/api/create-api-app';
import { fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { useTempFolder } from '../../testing/temp-folder';
import { authHeader, testAuth } from '../../../test/support/auth';
import { DEFAULT_HTTP_HARDENING, HttpHardeningSettings } from './http-hardening-settings';

const dataDir = useTempFolder('iro-access-');

/** Tried as a new user would, over HTTP: tokens, roles, ownership, the access audit, hardening. */
describe('access over HTTP', () => {
  let app: INestApplication;
  let logLines: Record<string, unknown>[];

  const start = async (http: Partial<HttpHardeningSettings> = {}) => {
    logLines = [];
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApiApp({
      dataDir: dataDir(),
      config: DEFAULT_LOCAL_AUTHORITY_CONFIG,
      clock: fixedClock('2020-03-31T11:00:00Z'),
      auth: testAuth(),
      http: { ...DEFAULT_HTTP_HARDENING, rateLimitPerMinute: null, ...http },
      logDestination,
    });
  };
  const as = (role: Parameters<typeof authHeader>[0], sub?: string) => {
    const header = authHeader(role, sub);
    const server = app.getHttpServer();
    return {
      get: (url: string) => request(server).get(url).set(header),
      post: (url: string, body: object) => request(server).post(url).set(header).send(body),
    };
  };
  const admin = () => as('admin', 'admin-1');

  afterEach(() => app?.close());

  /** C1 allocated to iro-1, C2 to iro-2, both in care. */
  const twoChildren = async () => {
    for (const [childId, iroId] of [['C1', 'iro-1'], ['C2', 'iro-2']]) {
      expect((await admin().post('/children', { childId, dateOfBirth: '2012-06-14', sex: 'female' })).status).toBe(201);
      expect((await admin().post(`/children/${childId}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false })).status).toBe(201);
      expect((await admin().post(`/children/${childId}/iro-allocations`, { iroId, effectiveDate: '2020-01-07' })).status).toBe(201);
    }
  };

  it('answers 401 without a token, or with a bad one, on every data endpoint; /health and /docs stay open', async () => {
    await start();
    const server = app.getHttpServer();
    const dataEndpoints: [string, string][] = [
      ['post', '/children'], ['post', '/children/C1/care-periods'], ['post', '/children/C1/placements'],
      ['post', '/children/C1/legal-statuses'], ['post', '/children/C1/care-endings'], ['post', '/children/C1/iro-allocations'],
      ['post', '/children/C1/reviews'], ['post', '/children/C1/cp-conferences'], ['post', '/children/C1/voids'],
      ['get', '/children/C1'], ['get', '/children/C1/history'],
      ['post', '/challenges'], ['post', '/challenges/CH1/escalations'], ['post', '/challenges/CH1/responses'],
      ['post', '/challenges/CH1/resolutions'], ['post', '/challenges/CH1/voids'], ['get', '/challenges/CH1'], ['get', '/challenges/CH1/history'],
      ['get', '/reports/iro-annual/2019'], ['get', '/reports/iro-annual/2019/figures/cla.atYearEnd'], ['get', '/audit/access'],
    ];
    for (const [method, url] of dataEndpoints) {
      const none = await (method === 'get' ? request(server).get(url) : request(server).post(url).send({}));
      expect({ url, status: none.status }).toEqual({ url, status: 401 });
      expect(none.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/^A bearer token is required/) });
      expect(none.headers['www-authenticate']).toBe('Bearer realm="iro-oversight"');
    }
    const forged = await request(server).get('/children/C1').set('Authorization', `Bearer ${authHeader('admin').Authorization.slice(7)}x`);
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/signature does not verify/);
    expect(forged.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const lowerCase = await request(server).get('/children/C1').set('Authorization', `bearer ${authHeader('admin').Authorization.slice(7)}`);
    expect(lowerCase.status).not.toBe(401);
    const basic = await request(server).get('/children/C1').set('Authorization', 'Basic YWRtaW46YWRtaW4=');
    expect(basic.status).toBe(401);
    expect((await request(server).get('/health')).status).toBe(200);
    expect((await request(server).get('/docs')).status).toBe(200);
    expect((await request(server).get('/docs-json')).status).toBe(200);
  });

  it("refuses an IRO another IRO's child (403), lets them read their own, and the audit log shows both", async () => {
    await start();
    await twoChildren();
    const own = await as('iro', 'iro-1').get('/children/C1/history');
    expect(own.status).toBe(200);
    expect((await as('iro', 'iro-1').get('/children/C1')).status).toBe(200);
    const other = await as('iro', 'iro-1').get('/children/C2/history');
    expect(other.status).toBe(403);
    expect(other.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Forbidden: an IRO reads only the children allocated to them.' });
    expect((await as('iro', 'iro-1').get('/children/C2')).status).toBe(403);

    // the audit is not an IRO's to read
    expect((await as('iro', 'iro-1').get('/audit/access')).status).toBe(403);
    const audit = await as('auditor', 'aud-1').get('/audit/access?userId=iro-1');
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((i: Record<string, unknown>) => [i.what, i.recordId, i.childIds, i.outcome, i.role, i.accessedAt])).toEqual([
      ['child-history', 'C1', ['C1'], 'granted', 'iro', '2020-03-31T11:00:00.000Z'],
      ['child-case', 'C1', ['C1'], 'granted', 'iro', '2020-03-31T11:00:00.000Z'],
      ['child-history', 'C2', ['C2'], 'denied', 'iro', '2020-03-31T11:00:00.000Z'],
      ['child-case', 'C2', ['C2'], 'denied', 'iro', '2020-03-31T11:00:00.000Z'],
    ]);
    expect(audit.body.items[0].correlationId).toBe(own.headers['x-correlation-id']);
    const ofC2 = await as('admin', 'admin-1').get('/audit/access?childId=C2&from=2020-03-01&to=2020-03-31');
    expect(ofC2.body.items.map((i: Record<string, unknown>) => i.userId)).toEqual(['iro-1', 'iro-1']);
    expect((await as('auditor').get('/audit/access?childId=not valid&limit=0')).body).toMatchObject({
      statusCode: 400, errors: [{ field: 'childId' }, { field: 'limit' }],
    });

    // reads are audited apart from the record: they move no position in the event store
    const store = app.get<EventStore>(EVENT_STORE);
    expect(await store.headPosition()).toBe(6);
  });

  it('records the caller as the actor of every event and holds an IRO to the reviews they chair', async () => {
    await start();
    await twoChildren();
    const review = { heldOn: '2020-01-30', chairIroId: 'iro-1', participation: 'PN1', iroVisitedBeforeReview: true };
    const refused = await as('iro', 'iro-1').post('/children/C1/reviews', { ...review, chairIroId: 'iro-2' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Forbidden: an IRO records only the reviews they chair: chairIroId must be your user id.');
    const held = await as('iro', 'iro-1').post('/children/C1/reviews', review);
    expect(held.status).toBe(201);
    const history = await as('manager', 'mgr-1').get('/children/C1/history');
    const events = history.body.events as { type: string; metadata: { actor: unknown } }[];
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['ChildRegistered', { userId: 'admin-1', role: 'admin' }],
      ['CareStarted', { userId: 'admin-1', role: 'admin' }],
      ['IroAllocated', { userId: 'admin-1', role: 'admin' }],
      ['ReviewHeld', { userId: 'iro-1', role: 'iro' }],
    ]);
    // a panel member reads analyses, never a child's record
    expect((await as('panel').get('/children/C1/history')).body.message).toBe(
      "Forbidden: the panel role may not read a child's history (allowed: iro, manager, auditor, admin).",
    );
  });

  it('lets an IRO act on the challenges they raised and no other', async () => {
    await start();
    await twoChildren();
    const raise = { childIds: ['C1'], raisedOn: '2020-03-02', category: 'permanence', summary: 'No permanence plan.' };
    expect((await as('iro', 'iro-1').post('/challenges', { ...raise, challengeId: 'CH1', raisedBy: 'iro-2' })).status).toBe(403);
    expect((await as('iro', 'iro-1').post('/challenges', { ...raise, challengeId: 'CH1', raisedBy: 'iro-1' })).status).toBe(201);
    const escalation = { escalatedOn: '2020-03-10', toStage: 2, reason: 'No response.' };
    expect((await as('iro', 'iro-2').post('/challenges/CH1/escalations', escalation)).status).toBe(403);
    expect((await as('iro', 'iro-1').post('/challenges/CH1/escalations', escalation)).status).toBe(201);
    expect((await as('iro', 'iro-2').get('/challenges/CH1')).status).toBe(403);
    const read = await as('iro', 'iro-1').get('/challenges/CH1');
    expect(read.status).toBe(200);
    const ofC1 = await as('auditor').get('/audit/access?childId=C1');
    expect(ofC1.body.items.map((i: Record<string, unknown>) => [i.userId, i.what, i.recordId, i.childIds, i.outcome])).toEqual([
      ['iro-1', 'challenge', 'CH1', ['C1'], 'granted'],
    ]);
    // lists are narrowed to what is theirs (once the in-process projector has the records)
    await admin().post('/challenges', { ...raise, childIds: ['C2'], challengeId: 'CH2', raisedBy: 'iro-2' });
    const projected = async (path: string, count: number) => {
      for (let tries = 0; tries < 100 && (await as('panel').get(path)).body.items?.length !== count; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await projected('/challenges', 2);
    await projected('/clinic/candidates', 2);
    const mine = await as('iro', 'iro-1').get('/challenges');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { challengeId: string }) => c.challengeId)).toEqual(['CH1']);
    expect((await as('manager').get('/challenges')).body.items).toHaveLength(2);
    expect((await as('iro', 'iro-1').get('/challenges?raisedBy=iro-2')).status).toBe(403);
    // C1 and C2 have had no review since care began on 6 January: both are clinic candidates
    const candidates = await as('iro', 'iro-1').get('/clinic/candidates');
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.map((c: { childId: string }) => c.childId)).toEqual(['C1']);
    expect((await as('panel').get('/clinic/candidates')).body.items.map((c: { childId: string }) => c.childId).sort()).toEqual(['C1', 'C2']);
    // C1 moves to iro-2: an IRO's list is their children now, also when asked about an earlier date
    expect((await admin().post('/children/C1/iro-allocations', { iroId: 'iro-2', effectiveDate: '2020-03-09' })).status).toBe(201);
    const iroOfC1 = async () => (await as('panel').get('/clinic/candidates')).body.items.find((c: { childId: string }) => c.childId === 'C1')?.iroId;
    for (let tries = 0; tries < 100 && (await iroOfC1()) !== 'iro-2'; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = async (iroId: string) =>
      (await as('iro', iroId).get('/clinic/candidates?asAt=2020-03-02')).body.items.map((c: { childId: string; iroId: string }) => [c.childId, c.iroId]);
    expect(await listed('iro-1')).toEqual([]);
    expect(await listed('iro-2')).toEqual([['C1', 'iro-1'], ['C2', 'iro-2']]);
    // a refused reader saw nothing, so the record names the challenge only
    const byIro2 = await as('auditor').get('/audit/access?userId=iro-2');
    expect(byIro2.body.items.map((i: Record<string, unknown>) => [i.what, i.recordId, i.childIds, i.outcome])).toEqual([
      ['challenge', 'CH1', [], 'denied'],
    ]);
  });

  it('limits each user, not each address, and says when to retry', async () => {
    await start({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect((await as('manager', 'mgr-1').get('/children/NONE')).status).toBe(404);
    const limited = await as('manager', 'mgr-1').get('/children/NONE');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('Too many requests: at most 3 a minute per user. Retry after 60 s.');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await as('manager', 'mgr-2').get('/children/NONE')).status).toBe(404);
  });

  it('given the limit is spent from one address, then /health still answers, as a health probe must', async () => {
    await start({ rateLimitPerMinute: 2 });
    const server = app.getHttpServer();
    for (let i = 0; i < 5; i += 1) expect((await request(server).get('/health')).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await request(server).get('/children/C1')).status).toBe(401);
    const limited = await request(server).get('/children/C1');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('Too many requests: at most 2 a minute from one address without a token. Retry after 60 s.');
    expect((await request(server).get('/health')).status).toBe(200);
  });

  it('counts refused (403) and unauthenticated (401) requests against the rate limit, so refused reads cannot be hammered', async () => {
    await start({ rateLimitPerMinute: 6 }); // the admin setting up the two children sends 6
    await twoChildren();
    for (let i = 0; i < 6; i += 1) expect((await as('iro', 'iro-1').get('/children/C2')).status).toBe(403);
    const limited = await as('iro', 'iro-1').get('/children/C2');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('Too many requests: at most 6 a minute per user. Retry after 60 s.');
    // past the limit nothing more reaches the access audit
    const audit = await as('auditor', 'aud-1').get('/audit/access?userId=iro-1');
    expect(audit.body.items.map((i: Record<string, unknown>) => i.outcome)).toEqual(Array(6).fill('denied'));
    // another user is not held back by iro-1's refusals
    expect((await as('iro', 'iro-2').get('/children/C2')).status).toBe(200);

    // without a (valid) token the request is counted per address
    const server = app.getHttpServer();
    for (let i = 0; i < 6; i += 1) expect((await request(server).get('/children/C1')).status).toBe(401);
    expect((await request(server).get('/children/C1')).status).toBe(429);
    expect((await request(server).get('/children/C1').set('Authorization', 'Bearer a.b.c')).status).toBe(429);
  });

  it('audits a refused read of a malformed id as invalid, bounded, naming no child', async () => {
    await start();
    await twoChildren();
    const huge = 'A'.repeat(8000);
    expect((await as('iro', 'iro-1').get(`/children/${huge}`)).status).toBe(403);
    expect((await as('iro', 'iro-1').get('/children/C%20%0A1/history')).status).toBe(403);
    const audit = await as('auditor', 'aud-1').get('/audit/access?userId=iro-1');
    expect(audit.body.items.map((i: Record<string, unknown>) => [i.what, i.recordId, i.childIds, i.outcome])).toEqual([
      ['child-case', `(invalid id, 8000 characters) ${'A'.repeat(64)}...`, [], 'denied'],
      ['child-history', '(invalid id, 4 characters) C ?1', [], 'denied'],
    ]);
  });

  it('sends helmet, CORS and correlation headers on answers refused before the app (413, bad JSON, prototype keys)', async () => {
    await start({ corsOrigins: ['https://iro.example.gov.uk'] });
    const server = app.getHttpServer();
    const post = (raw: string, correlationId: string) =>
      request(server).post('/children').set(authHeader('admin')).set('Origin', 'https://iro.example.gov.uk')
        .set('X-Correlation-Id', correlationId).set('Content-Type', 'application/json').send(raw);
    const answers = [
      [await post(JSON.stringify({ childId: 'C9', familyId: 'x'.repeat(200_000) }), 'corr-413'), 413, 'corr-413'],
      [await post('{bad', 'corr-json'), 400, 'corr-json'],
      [await post('{"__proto__":{}}', 'corr-proto'), 400, 'corr-proto'],
      [await post('{}', 'corr-empty'), 400, 'corr-empty'],
    ] as const;
    for (const [answer, status, correlationId] of answers) {
      expect({ status: answer.status, headers: answer.headers }).toEqual({
        status,
        headers: expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'strict-transport-security': expect.stringMatching(/max-age/),
          'access-control-allow-origin': 'https://iro.example.gov.uk',
          'x-correlation-id': correlationId,
        }),
      });
    }
    const refusedBeforeApp = logLines.filter((line) => line.msg === 'request' && ['corr-413', 'corr-json', 'corr-proto'].includes(String(line.correlationId)));
    expect(refusedBeforeApp).toHaveLength(3);
  });

  it('keeps CORS closed unless origins are listed, sends helmet headers, caps the body and never shows a stack', async () => {
    await start();
    const server = app.getHttpServer();
    const closed = await request(server).options('/children').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const health = await request(server).get('/health').set('Origin', 'https://evil.example');
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['strict-transport-security']).toMatch(/max-age/);
    expect(health.headers['x-powered-by']).toBeUndefined();

    for (const raw of ['{"childId":"C8","dateOfBirth":"2012-06-14","sex":"male","toString":"x"}', '{"childId":"C8","dateOfBirth":"2012-06-14","sex":"male","__proto__":{"role":"admin"}}', '{"childId":"C8","dateOfBirth":"2012-06-14","sex":"male","prototype":true}']) {
      const inherited = await request(server).post('/children').set(authHeader('admin')).set('Content-Type', 'application/json').send(raw);
      expect(inherited.status).toBe(400);
      expect(inherited.body.errors).toEqual([{ field: expect.stringMatching(/^(toString|__proto__|prototype)$/), messages: [expect.stringMatching(/is not a field of this request$/)] }]);
    }
    const inQuery = await request(server).get('/challenges?status=open&prototype=1').set(authHeader('admin'));
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.errors).toEqual([{ field: 'prototype', messages: ['prototype is not a field of this request'] }]);
    const big = await admin().post('/children', { childId: 'C9', sex: 'female', dateOfBirth: '2012-06-14', familyId: 'x'.repeat(200_000) });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
    expect(JSON.stringify(big.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    await app.close();

    await start({ corsOrigins: ['https://iro.example.gov.uk'] });
    const open = await request(app.getHttpServer()).options('/children').set('Origin', 'https://iro.example.gov.uk').set('Access-Control-Request-Method', 'POST');
    expect(open.headers['access-control-allow-origin']).toBe('https://iro.example.gov.uk');
    const other = await request(app.getHttpServer()).options('/children').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs one JSON line per request: method, route pattern, status, latency, user and correlation id, nothing else', async () => {
    await start({ logLevel: 'info' });
    await admin().post('/children', { childId: 'C1', dateOfBirth: '2012-06-14', sex: 'female', familyId: 'F-SECRET' });
    await admin().get('/children/C1/history?x=Jane%20Doe');
    const requests = logLines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => Object.keys(line).sort())).toEqual([
      ['correlationId', 'latencyMs', 'level', 'method', 'msg', 'route', 'service', 'status', 'time', 'userId'],
      ['correlationId', 'latencyMs', 'level', 'method', 'msg', 'route', 'service', 'status', 'time', 'userId'],
    ]);
    expect(requests.map((line) => [line.method, line.route, line.status, line.userId])).toEqual([
      ['POST', '/children', 201, 'admin-1'],
      ['GET', '/children/:childId/history', 200, 'admin-1'],
    ]);
    const everything = JSON.stringify(logLines);
    expect(everything).not.toMatch(/2012-06-14|F-SECRET|Jane/);
  });
});
