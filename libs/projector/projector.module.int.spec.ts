import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { PROJECTION_HEALTH, ProjectionHealthSource } from '../nest/health/projection-health';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime, openInfrastructure } from '../nest/infrastructure/infrastructure-runtime';
import { OversightInfrastructureModule } from '../nest/infrastructure/oversight-infrastructure.module';
import { generateHistory } from '../history-generator/history-generator';
import { READ_STORE, ReadStore } from '../read-store/read-store.port';
import { ReadStoreModule } from '../read-store/read-store.module';
import { useTempFolder } from '../testing/temp-folder';
import { ProjectionHealthLink } from './projection-health-link';
import { Projector } from './projector';
import { PROJECTOR, ProjectorModule } from './projector.module';
import { SAMPLE_PROJECTIONS } from './testing/sample-projections';

@Module({})
class TestApp {}

const dir = useTempFolder('projector-module-');

describe('ProjectorModule in a Nest app (the embedded default: in the API process)', () => {
  let app: INestApplicationContext;

  beforeEach(async () => {
    const health = new ProjectionHealthLink();
    const runtime = await openInfrastructure({ dataDir: dir(), config: DEFAULT_LOCAL_AUTHORITY_CONFIG, projectionHealth: health.source });
    app = await NestFactory.createApplicationContext(
      {
        module: TestApp,
        imports: [
          OversightInfrastructureModule.forRoot(runtime),
          ReadStoreModule.forRoot(),
          ProjectorModule.forRoot({ projections: SAMPLE_PROJECTIONS, health }),
        ],
      },
      { logger: false },
    );
  });
  afterEach(() => app.close());

  it('feeds the projections from the app’s event store into its read store, and /health’s source reports them', async () => {
    const runtime = app.get<InfrastructureRuntime>(INFRASTRUCTURE_RUNTIME);
    let position = 0;
    for (const { stream, event } of generateHistory({ events: 200, seed: 3 })) {
      position = (await runtime.eventStore.appendToStream(stream, [event], 'any')).position;
    }
    await app.get<Projector>(PROJECTOR).waitForPosition(position);

    const readStore = app.get<ReadStore>(READ_STORE);
    expect(await readStore.checkpoint('sample-stream-log')).toBe(position);
    expect(await readStore.count('sample-stream-log')).toBeGreaterThan(10);
    const health = await app.get<ProjectionHealthSource>(PROJECTION_HEALTH)();
    expect(health.map((h) => [h.name, h.checkpoint, h.lag, h.status])).toEqual(
      SAMPLE_PROJECTIONS.map((p) => [p.name, position, 0, 'ok']),
    );
  });
});
