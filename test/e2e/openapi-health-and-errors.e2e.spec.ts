import { RecordedEvent } from '../../src/events/envelope';
import { EventStore } from '../../libs/event-store/event-store.port';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { makeTempFolder, removeTempFolder } from '../../libs/testing/temp-folder';
import { join } from 'path';
import request from 'supertest';
import { ApiUnderTest, registerChild, startApi } from './api-under-test';

const COMMANDS = [
  '/children', '/children/{childId}/care-periods', '/children/{childId}/placements', '/children/{childId}/legal-statuses',
  '/children/{childId}/care-endings', '/children/{childId}/iro-allocations', '/children/{childId}/reviews',
  '/children/{childId}/cp-conferences', '/children/{childId}/cp-plans', '/children/{childId}/cp-plan-endings', '/children/{childId}/voids', '/challenges', '/challenges/{id}/escalations',
  '/challenges/{id}/responses', '/challenges/{id}/resolutions', '/challenges/{id}/voids',
];
const READS = ['/health', '/children/{childId}', '/children/{childId}/history', '/challenges/{id}'];

describe('OpenAPI and health', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.destroy());

  it('documents every endpoint with its body, its 201 answer and its error answers (413 past the body limit too)', async () => {
    const response = await request(api.app.getHttpServer()).get('/docs-json');
    expect(response.status).toBe(200);
    const { paths, components } = response.body;
    for (const path of COMMANDS) {
      const post = paths[path]?.post;
      expect({ path, documented: Boolean(post) }).toEqual({ path, documented: true });
      expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', '429']);
      expect(post.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
        expect.arrayContaining(['Idempotency-Key', 'If-Match', 'X-Correlation-Id']),
      );
      if (path !== '/challenges' && path !== '/children') expect(post.requestBody).toBeDefined();
    }
    for (const path of READS) expect({ path, documented: Boolean(paths[path]?.get) }).toEqual({ path, documented: true });
    expect(Object.keys(components.schemas)).toEqual(
      expect.arrayContaining([
        'RegisterChildDto', 'StartCareDto', 'HoldReviewDto', 'HoldCPConferenceDto', 'StartCPPlanDto', 'EndCPPlanDto', 'RaiseChallengeDto', 'ResolveChallengeDto',
        'RecoveryPlanActionDto', 'ValidationErrorResponse', 'RuleViolationResponse', 'ChildRecordResponse', 'ChallengeRecordResponse',
      ]),
    );
    expect(components.schemas.RegisterChildDto.properties.sex.enum).toEqual(['male', 'female', 'unknown']);
  });

  it('says every operation but /health needs the bearer token, and may answer 401, 403 and 429 (with Retry-After)', async () => {
    const { paths } = (await request(api.app.getHttpServer()).get('/docs-json')).body;
    type Operation = { security?: unknown; responses: Record<string, { headers?: object }> };
    for (const [path, item] of Object.entries(paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const access = { path, method, security: operation.security, answers: ['401', '403', '429'].filter((code) => code in operation.responses) };
        if (path === '/health') expect(access).toEqual({ path, method, security: undefined, answers: [] });
        else expect(access).toEqual({ path, method, security: [{ bearer: [] }], answers: ['401', '403', '429'] });
        if (path !== '/health') expect({ path, method, headers: Object.keys(operation.responses['429'].headers ?? {}) }).toEqual({ path, method, headers: ['Retry-After'] });
      }
    }
  });

  it('documents Idempotent-Replayed on the 201 answer of every command', async () => {
    const { paths } = (await request(api.app.getHttpServer()).get('/docs-json')).body;
    const commands = Object.entries(paths as Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>)
      .flatMap(([path, item]) => Object.entries(item).filter(([method]) => method === 'post').map(([, operation]) => ({ path, operation })))
      .filter(({ path }) => !path.startsWith('/imports'));
    expect(commands.length).toBeGreaterThan(10);
    for (const { path, operation } of commands) expect({ path, headers: Object.keys(operation.responses['201']?.headers ?? {}) }).toEqual({ path, headers: ['Idempotent-Replayed'] });
  });

  it('types every field that may be null (no bare nullable object where a string, number or boolean is answered)', async () => {
    const { components } = (await request(api.app.getHttpServer()).get('/docs-json')).body;
    const untyped: string[] = [];
    for (const [name, schema] of Object.entries(components.schemas as Record<string, { properties?: Record<string, Record<string, unknown>> }>)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const bare = property.nullable === true && property.type === 'object' && !['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'].some((key) => key in property);
        if (bare) untyped.push(`${name}.${field}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('given an object field that may be null, then null is a branch of its own, as a strict OAS 3.0.3 reader needs', async () => {
    const { components } = (await request(api.app.getHttpServer()).get('/docs-json')).body;
    const nullableRefs: string[] = [];
    const declared: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(components.schemas as Record<string, { properties?: Record<string, Record<string, unknown>> }>)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        // nullable adds null only to a type in the same schema: an allOf or $ref beside it still refuses null
        if (property.nullable === true && ('allOf' in property || '$ref' in property)) nullableRefs.push(`${name}.${field}`);
      }
    }
    expect(nullableRefs).toEqual([]);
    for (const field of ['currentPeriodOfCare', 'placement', 'legalStatus', 'iro', 'openChildProtectionPlan']) {
      declared[field] = components.schemas.ChildRecordResponse.properties[field].oneOf;
    }
    expect(declared.iro).toEqual([{ $ref: '#/components/schemas/IroResponse' }, { type: 'object', nullable: true, enum: [null] }]);
    for (const oneOf of Object.values(declared)) expect(oneOf).toContainEqual({ type: 'object', nullable: true, enum: [null] });
    expect(components.schemas.ChallengeRecordResponse.properties.recoveryPlan.oneOf).toContainEqual({ type: 'object', nullable: true, enum: [null] });
  });

  it('serves the OpenAPI page at /docs', async () => {
    const response = await request(api.app.getHttpServer()).get('/docs');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });

  it('answers GET /health without a token: the event store and the projections', async () => {
    await registerChild(api, 'C1');
    const response = await request(api.app.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', eventStore: { status: 'ok', kind: 'sqlite', headPosition: 1 } });
    const names = response.body.projections.map((projection: { name: string }) => projection.name);
    expect(names).toEqual(expect.arrayContaining(['issues-resolution', 'drift-and-delay', 'annual-report']));
    for (const projection of response.body.projections) {
      expect(projection).toMatchObject({ checkpoint: expect.any(Number), lag: expect.any(Number), status: expect.any(String) });
    }
  });

  it('documents every field /health gives for a projection', async () => {
    const health = await request(api.app.getHttpServer()).get('/health');
    const docs = await request(api.app.getHttpServer()).get('/docs-json');
    const documented = Object.keys(docs.body.components.schemas.ProjectionHealthEntry.properties);
    for (const projection of health.body.projections) {
      expect(documented).toEqual(expect.arrayContaining(Object.keys(projection)));
    }
    expect(documented).toEqual(expect.arrayContaining(['position', 'headPosition', 'runsIn', 'error']));
  });
});

/** An event store that works until told to fail, to see how the API answers what it did not expect. */
class FailingEventStore implements EventStore {
  failing = false;
  constructor(private readonly inner: EventStore) {}
  private check(): void {
    if (this.failing) throw new Error('disk on fire at /var/lib/secret/path');
  }
  appendToStream: EventStore['appendToStream'] = async (...args) => (this.check(), this.inner.appendToStream(...args));
  readStream = async (stream: string): Promise<RecordedEvent[]> => (this.check(), this.inner.readStream(stream));
  streamRevision: EventStore['streamRevision'] = async (stream) => (this.check(), this.inner.streamRevision(stream));
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  headPosition = async (): Promise<number> => (this.check(), this.inner.headPosition());
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  close = () => this.inner.close();
}

describe('what the API did not expect', () => {
  let dataDir: string;
  let store: FailingEventStore;
  let api: ApiUnderTest;
  beforeAll(async () => {
    dataDir = makeTempFolder('iro-e2e-failing-');
    store = new FailingEventStore(new SqliteEventStore({ file: join(dataDir, 'events.sqlite') }));
    api = await startApi({ dataDir, eventStore: store });
  });
  afterAll(async () => {
    await api.close();
    await store.close();
    removeTempFolder(dataDir);
  });

  it('answers 500 without the error or its stack', async () => {
    store.failing = true;
    const response = await registerChild(api, 'C1');
    store.failing = false;
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred; it has been logged.',
    });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });

  it('reports an event store it cannot read as 503 on /health', async () => {
    store.failing = true;
    const response = await request(api.app.getHttpServer()).get('/health');
    store.failing = false;
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'error',
      eventStore: { status: 'error', kind: 'provided', error: 'the event store cannot be read; see the log' },
      projections: [],
    });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });
});
