import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request, { Response } from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app';
import { DEFAULT_HTTP_HARDENING } from '../../libs/nest/actor/http-hardening-settings';
import { requestAs, testAuth } from '../support/auth';
import { fixedClock } from '../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { EVENT_STORE, EventStore } from '../../libs/event-store/event-store.port';

/** The service's "today" in every e2e test: Tuesday 31 March 2020, the last day of the 2019/20 year. */
export const TODAY = '2020-03-31';
const NOW = '2020-03-31T11:00:00Z';

export interface ApiUnderTest {
  app: INestApplication;
  dataDir: string;
  store: EventStore;
  /** requests as an admin (a bearer token from test/support/auth.ts) */
  http(): ReturnType<typeof request.agent>;
  /** events in the whole store */
  eventCount(): Promise<number>;
  /** closes the app; the data folder stays (for a restart) */
  close(): Promise<void>;
  /** closes the app and deletes the data folder */
  destroy(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  config?: LocalAuthorityConfig;
  eventStore?: EventStore;
  /** the service's now (default 31 March 2020, 11:00 UTC) */
  now?: string;
}

/** The real API (createApiApp) on embedded SQLite files in a temp folder, with a fixed clock. */
export async function startApi(options: StartOptions = {}): Promise<ApiUnderTest> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'iro-e2e-'));
  const app = await createApiApp({
    dataDir,
    config: options.config ?? DEFAULT_LOCAL_AUTHORITY_CONFIG,
    clock: fixedClock(options.now ?? NOW),
    eventStore: options.eventStore,
    auth: testAuth(),
    http: { ...DEFAULT_HTTP_HARDENING, rateLimitPerMinute: null, logLevel: 'silent' },
  });
  const store = app.get<EventStore>(EVENT_STORE);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    app,
    dataDir,
    store,
    // the local admin, as before authentication; see test/support/auth.ts for other users
    http: () => requestAs(app, 'admin', 'local-user'),
    eventCount: () => store.headPosition(),
    close,
    destroy: async () => {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Expects a 409 naming `rule` and that nothing was appended by the request. */
export async function expectRefused(api: ApiUnderTest, send: () => Promise<Response>, rule: string): Promise<Response> {
  const before = await api.eventCount();
  const response = await send();
  expect({ status: response.status, rule: response.body.rule }).toEqual({ status: 409, rule });
  expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', rule, message: expect.any(String) });
  expect(await api.eventCount()).toBe(before);
  return response;
}

/** Expects a 400 listing exactly these fields (each with messages) and nothing appended. */
export async function expectMalformed(api: ApiUnderTest, send: () => Promise<Response>, fields: string[]): Promise<Response> {
  const before = await api.eventCount();
  const response = await send();
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
  expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([...fields].sort());
  for (const error of response.body.errors) expect(error.messages.length).toBeGreaterThan(0);
  expect(await api.eventCount()).toBe(before);
  return response;
}

// ---- a child's case as the tests build it --------------------------------------

/** Born 14 June 2012: 7 years old through 2019/20. */
export const registerChild = (api: ApiUnderTest, childId: string, body: Record<string, unknown> = {}) =>
  api.http().post('/children').send({ childId, dateOfBirth: '2012-06-14', sex: 'female', ethnicity: 'WBRI', ...body });

/** In care from Monday 6 January 2020: first review due Monday 3 February 2020. */
export const startCare = (api: ApiUnderTest, childId: string, body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`/children/${childId}/care-periods`)
    .send({ startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false, categoryOfNeed: 'N1', ...body });

export const holdReview = (api: ApiUnderTest, childId: string, body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`/children/${childId}/reviews`)
    .send({ heldOn: '2020-01-30', chairIroId: 'IRO7', participation: 'PN1', iroVisitedBeforeReview: true, ...body });

/** Strategy discussion Mon 2 Dec 2019, conference Fri 20 Dec 2019 (due Mon 23 Dec), plan started. */
export const holdInitialConference = (api: ApiUnderTest, childId: string, body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`/children/${childId}/cp-conferences`)
    .send({
      type: 'initial', heldOn: '2019-12-20', strategyDiscussionOn: '2019-12-02', chairIroId: 'IRO7',
      outcome: 'plan-started', categoryOfAbuse: 'NEG', ...body,
    });

/** Raised Monday 3 February 2020 about the given children: stage 1 due Monday 10 February. */
export const raiseChallenge = (api: ApiUnderTest, challengeId: string, childIds: string[], body: Record<string, unknown> = {}) =>
  api
    .http()
    .post('/challenges')
    .send({
      challengeId, childIds, raisedOn: '2020-02-03', raisedBy: 'IRO7', category: 'permanence',
      summary: 'No permanence plan at the second review.', ...body,
    });

export const escalate = (api: ApiUnderTest, challengeId: string, body: Record<string, unknown>) =>
  api.http().post(`/challenges/${challengeId}/escalations`).send({ reason: 'No response in time.', ...body });

export const resolve = (api: ApiUnderTest, challengeId: string, body: Record<string, unknown>) =>
  api.http().post(`/challenges/${challengeId}/resolutions`).send(body);

/** Expects 201 and gives the body: for set-up steps that must succeed. */
export async function created(response: Promise<Response> | Response): Promise<Record<string, any>> {
  const settled = await response;
  if (settled.status !== 201) throw new Error(`expected 201, got ${settled.status}: ${JSON.stringify(settled.body)}`);
  return settled.body;
}
