import { Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { join } from 'path';
import request from 'supertest';
import { CLOCK, fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { driftAndDelayProjection } from '../../../src/projections/drift-and-delay/drift-and-delay.projection';
import { issuesResolutionProjection } from '../../../src/projections/issues-resolution/issues-resolution.projection';
import { OversightHistory } from '../../../src/projections/testing/oversight-history';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { ApiExceptionFilter } from '../../../libs/nest/http/api-exception.filter';
import { createApiValidationPipe } from '../../../libs/nest/http/api-validation-pipe';
import { Projector } from '../../../libs/projector/projector';
import { READ_STORE } from '../../../libs/read-store/read-store.port';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { setUpOpenApi } from '../openapi';
import { OversightQueriesModule } from './oversight-queries.module';

/**
 * The query controllers on real embedded stores: a history appended to a SQLite event
 * store, projected by the projector into a SQLite read store, read over HTTP. Today is
 * Tuesday 31 March 2020.
 */
const dir = useTempFolder('iro-oversight-queries-', 'all');

describe('OversightQueriesModule on the embedded stores', () => {
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let app: INestApplication;

  beforeAll(async () => {
    const given = new OversightHistory();
    given.careStarted('C1', '2020-01-06');
    given.iroAllocated('C1', '2020-01-06', 'IRO7');
    given.careStarted('C2', '2020-01-06');
    given.iroAllocated('C2', '2020-01-06', 'IRO7');
    given.reviewHeld('C2', '2020-01-30');
    given.initialConference('C3', '2019-12-20');
    given.iroAllocated('C3', '2019-12-20', 'IRO8');
    given.childRegistered('C4');
    given.challengeRaised('CH1', ['C1', 'C2', 'C3'], '2020-02-03', { category: 'permanence' });
    given.challengeEscalated('CH1', '2020-02-12', 2);
    given.challengeResponded('CH1', '2020-02-14');
    given.challengeRaised('CH2', ['C2'], '2020-02-03', { category: 'placement' });
    given.challengeResolved('CH2', '2020-02-07');

    eventStore = new SqliteEventStore({ file: join(dir(), 'events.sqlite') });
    for (const event of given.events) {
      const { id, type, schemaVersion, data, metadata } = event;
      await eventStore.appendToStream(event.stream, [{ id, type, schemaVersion, data: data as unknown as Record<string, unknown>, metadata }], 'any');
    }
    readStore = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite') });
    const projector = new Projector({
      eventStore,
      readStore,
      projections: [issuesResolutionProjection, driftAndDelayProjection],
      context: { config: DEFAULT_LOCAL_AUTHORITY_CONFIG },
    });
    await projector.rebuild();

    @Global()
    @Module({
      providers: [
        { provide: READ_STORE, useValue: readStore },
        { provide: CLOCK, useValue: fixedClock('2020-03-31T11:00:00Z') },
        { provide: LOCAL_AUTHORITY_CONFIG, useValue: DEFAULT_LOCAL_AUTHORITY_CONFIG },
      ],
      exports: [READ_STORE, CLOCK, LOCAL_AUTHORITY_CONFIG],
    })
    class StoresModule {}

    @Module({ imports: [StoresModule, OversightQueriesModule] })
    class QueriesUnderTest {}

    app = await NestFactory.create(QueriesUnderTest, { logger: false, abortOnError: false });
    app.useGlobalPipes(createApiValidationPipe());
    app.useGlobalFilters(new ApiExceptionFilter());
    setUpOpenApi(app);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await readStore?.close();
    await eventStore?.close();
  });

  const get = (path: string) => request(app.getHttpServer()).get(path);
  const ids = (items: { challengeId?: string; childId?: string }[]) => items.map((item) => item.challengeId ?? item.childId);

  it('GET /challenges lists, filters and pages', async () => {
    expect(ids((await get('/challenges')).body.items)).toEqual(['CH2', 'CH1']);
    expect(ids((await get('/challenges?childId=C3&status=open')).body.items)).toEqual(['CH1']);
    expect(ids((await get('/challenges?overdue=true&asAt=2020-02-11')).body.items)).toEqual(['CH1']);
    const first = await get('/challenges?limit=1');
    const second = await get(`/challenges?limit=1&cursor=${first.body.nextCursor}`);
    expect([...ids(first.body.items), ...ids(second.body.items), second.body.nextCursor]).toEqual(['CH2', 'CH1', null]);
  });

  it('GET /analysis/issues-resolution analyses the reporting year to date by default', async () => {
    const response = await get('/analysis/issues-resolution');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      from: '2019-04-01',
      to: '2020-03-31',
      raised: 2,
      byHighestStage: { '1': 1, '2': 1, '3': 0, '4': 0, cafcass: 0 },
      lookedAfterVsProtection: { lookedAfter: 2, protection: 1, neither: 0 },
      byRaisedBy: { 'iro-1': { raised: 2, escalated: 1, resolved: 1, open: 1, overdue: 0 } },
      byAddressedTo: { 'not given': { raised: 2, escalated: 1, resolved: 1, open: 1, overdue: 0 } },
      byMonth: { '2020-02': { raised: 2, escalated: 1, resolved: 1, open: 1, overdue: 0 } },
    });
    expect((await get('/analysis/issues-resolution?from=2020-04-01&to=2020-03-31')).status).toBe(400);
  });

  it('GET /children/:childId/oversight gives the child on a date, 404 for an unknown child', async () => {
    const response = await get('/children/C1/oversight');
    expect(response.body).toMatchObject({ asAt: '2020-03-31', status: 'looked-after', iroId: 'IRO7', reviewDaysOverdue: 57 });
    expect((await get('/children/C4/oversight')).body).toMatchObject({ status: 'neither', flags: [] });
    expect((await get('/children/NOBODY/oversight')).status).toBe(404);
    expect((await get('/children/C1/oversight?asAt=2020-02-30')).status).toBe(400);
  });

  it('GET /clinic/candidates ranks, filters and refuses unknown flags', async () => {
    expect(ids((await get('/clinic/candidates')).body.items)).toEqual(['C1', 'C3', 'C2']);
    expect(ids((await get('/clinic/candidates?flags=cp-review-overdue,review-overdue')).body.items)).toEqual(['C1', 'C3']);
    expect(ids((await get('/clinic/candidates?iroId=IRO7&limit=1')).body.items)).toEqual(['C1']);
    const refused = await get('/clinic/candidates?flags=late');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('flags');
  });

  it('GET /caseloads counts per IRO', async () => {
    expect((await get('/caseloads')).body).toMatchObject({
      items: [
        { iroId: 'IRO7', lookedAfter: 2, protection: 0, total: 2 },
        { iroId: 'IRO8', lookedAfter: 0, protection: 1, total: 1 },
      ],
      mean: 1.5,
    });
  });

  it('documents every query, its parameters and its answer in OpenAPI', async () => {
    const document = (await get('/docs-json')).body;
    for (const path of ['/challenges', '/analysis/issues-resolution', '/children/{childId}/oversight', '/clinic/candidates', '/caseloads']) {
      expect(document.paths[path].get.responses['200']).toBeDefined();
    }
    expect(document.paths['/clinic/candidates'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['asAt', 'cursor', 'flags', 'iroId', 'limit']);
    expect(document.components.schemas.IssuesResolutionAnalysisResponse.properties.stages.additionalProperties.$ref).toBe('#/components/schemas/StageFiguresResponse');
    expect(document.components.schemas.StageFiguresResponse).toBeDefined();
    expect(document.components.schemas.IssuesResolutionAnalysisResponse.properties.byMonth.additionalProperties.$ref).toBe('#/components/schemas/ChallengeGroupSummaryResponse');
    expect(document.components.schemas.ChallengeGroupSummaryResponse).toBeDefined();
  });
});
