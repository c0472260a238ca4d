import fc from 'fast-check';
import request from 'supertest';
import { authHeader } from '../support/auth';
import { COMMAND_ENDPOINTS, GeneratedRequest, SEED_REQUESTS } from './support/command-endpoints';
import { IMPORT_ENDPOINTS } from './support/import-endpoints';
import { recorded, ReliabilityApi, startReliabilityApi } from './support/reliability-api';

/**
 * Bad input, generated: at least 10,000 malformed or rule-breaking requests across every
 * command endpoint, against one app holding a known history. Every one is answered 4xx
 * with a message that says what is wrong (400: every field error; 404/409: the rule),
 * none 5xx, and not one event is appended.
 */
const TOTAL_REQUESTS = 10_000;
const ENDPOINTS = [...COMMAND_ENDPOINTS, ...IMPORT_ENDPOINTS];
const RUNS_PER_KIND = Math.ceil(TOTAL_REQUESTS / ENDPOINTS.length / 2);

describe('bad input', () => {
  let api: ReliabilityApi;
  let eventsAfterSeeding: number;
  let sent = 0;
  const admin = authHeader('admin', 'admin-1');

  beforeAll(async () => {
    api = await startReliabilityApi();
    for (const { path, body } of SEED_REQUESTS) await recorded(api.as('admin', 'admin-1').post(path, body));
    eventsAfterSeeding = await api.eventCount();
  });
  afterAll(async () => {
    await api.destroy();
  });

  const send = (generated: GeneratedRequest): Promise<request.Response> => {
    sent += 1;
    const test = request(api.url).post(generated.path).set(admin).set(generated.headers ?? {});
    if (generated.multipart) {
      for (const file of generated.multipart.files) test.attach(file.field, Buffer.from(file.content), file.name);
      for (const [name, value] of Object.entries(generated.multipart.fields)) test.field(name, value);
      return test;
    }
    if (generated.raw !== undefined) return test.set('Content-Type', generated.contentType ?? 'application/json').send(generated.raw);
    return test.send(generated.body as object);
  };

  /** The answer a client can act on: the status, and a message saying what is wrong. */
  const expectUsefulRefusal = (generated: GeneratedRequest, response: request.Response): void => {
    const seen = `${generated.path} (${generated.how}) -> ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    if (response.status >= 500 || response.status < 400) throw new Error(`not a 4xx: ${seen}`);
    const body = response.body as { statusCode?: unknown; message?: unknown; errors?: unknown; rule?: unknown };
    if (generated.expect === 'refused-import') {
      const report = response.body as { accepted?: unknown; issues?: { message?: unknown }[] };
      const explained = response.status === 422 && report.accepted === false && Array.isArray(report.issues) && report.issues.length > 0 &&
        report.issues.every((issue) => typeof issue.message === 'string' && issue.message !== '');
      if (!explained) throw new Error(`expected 422 with the issues listed: ${seen}`);
      return;
    }
    if (body.statusCode !== response.status || typeof body.message !== 'string' || body.message.trim() === '') {
      throw new Error(`no useful message: ${seen}`);
    }
    if (generated.expect === 'refused') {
      if (![404, 409].includes(response.status) || typeof body.rule !== 'string') throw new Error(`expected a 404/409 naming a rule: ${seen}`);
      return;
    }
    const routeMissing = response.status === 404 && generated.how.startsWith('path id');
    if (response.status === 413 || response.status === 415 || routeMissing) return;
    if (response.status !== 400) throw new Error(`expected 400: ${seen}`);
    const errors = body.errors as { field?: unknown; messages?: unknown }[] | undefined;
    const listed = Array.isArray(errors) && errors.length > 0 &&
      errors.every((e) => typeof e.field === 'string' && Array.isArray(e.messages) && e.messages.length > 0 && e.messages.every((m) => typeof m === 'string' && m !== ''));
    if (!listed) throw new Error(`a 400 must list each field error: ${seen}`);
  };

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.route}: ${RUNS_PER_KIND} malformed and ${RUNS_PER_KIND} rule-breaking requests, each refused 4xx, nothing appended`, async () => {
      for (const kind of ['malformed', 'refused'] as const) {
        await fc.assert(
          fc.asyncProperty(endpoint[kind], async (generated) => {
            const before = await api.eventCount();
            const response = await send(generated);
            const appended = (await api.eventCount()) - before;
            if (appended !== 0) {
              throw new Error(`${appended} event(s) appended by ${generated.path} (${generated.how}) -> ${response.status} ${JSON.stringify(response.body)}`);
            }
            expectUsefulRefusal(generated, response);
          }),
          // a request that wrongly appends changes the state the rest are made against: report it as found
          { numRuns: RUNS_PER_KIND, endOnFailure: true },
        );
      }
    });
  }

  it(`sent at least ${TOTAL_REQUESTS} requests in all, and the store holds only the seeded history`, async () => {
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    expect(await api.eventCount()).toBe(eventsAfterSeeding);
  });
});
