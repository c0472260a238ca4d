import {
  DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy,
} from '@nestjs/common';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime } from '../nest/infrastructure/infrastructure-runtime';
import { READ_STORE, ReadStore } from '../read-store/read-store.port';
import { ALL_PROJECTIONS } from './all-projections';
import { ProjectionHealthLink } from './projection-health-link';
import { Projector } from './projector';
import { PROJECTOR } from './projector.token';
import { ReadModelFreshness } from './read-model-freshness';

export { PROJECTOR } from './projector.token';
const PROJECTOR_MODULE_OPTIONS = Symbol('ProjectorModuleOptions');

export interface ProjectorModuleOptions {
  /** the projections to feed (default ALL_PROJECTIONS from all-projections.ts) */
  projections?: readonly Projection[];
  /**
   * feed them in this process. Default: yes with the embedded read store (SQLite), no
   * with MongoDB, where apps/projector runs as its own worker.
   */
  runInProcess?: boolean;
  /** GET /health's link to this projector (see ProjectionHealthLink) */
  health?: ProjectionHealthLink;
  /** events between commits while catching up */
  batchSize?: number;
}

/** Starts the projector with the app (when it runs in this process) and stops it before the stores close. */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(PROJECTOR_MODULE_OPTIONS) private readonly options: ProjectorModuleOptions,
    @Inject(INFRASTRUCTURE_RUNTIME) private readonly runtime: InfrastructureRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const inProcess = this.options.runInProcess ?? !this.runtime.mongodbUrl;
    if (!inProcess) {
      this.logger.log('projections are fed by apps/projector, not this process');
      return;
    }
    await this.projector.start();
    this.logger.log(`feeding ${this.projector.projectionNames.join(', ') || 'no projections'} in this process`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}

/**
 * The projector as a Nest module: PROJECTOR (the Projector, for rebuilds and
 * `waitForPosition`), fed from EVENT_STORE into READ_STORE with LOCAL_AUTHORITY_CONFIG
 * (OversightInfrastructureModule and ReadStoreModule provide them). In the embedded
 * default it runs in the API's process. A projection is registered in all-projections.ts
 * (or passed here as `projections`).
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorModuleOptions = {}): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      providers: [
        { provide: PROJECTOR_MODULE_OPTIONS, useValue: options },
        {
          provide: PROJECTOR,
          inject: [EVENT_STORE, READ_STORE, LOCAL_AUTHORITY_CONFIG],
          useFactory: (eventStore: EventStore, readStore: ReadStore, config: LocalAuthorityConfig): Projector => {
            const logger = new Logger('Projector');
            const projector = new Projector({
              eventStore,
              readStore,
              projections: options.projections ?? ALL_PROJECTIONS,
              context: { config },
              batchSize: options.batchSize,
              logger: {
                log: (message) => logger.log(message),
                error: (message, error) => logger.error(message, error instanceof Error ? error.stack : error),
              },
            });
            options.health?.attach(projector);
            return projector;
          },
        },
        ProjectorLifecycle,
        ReadModelFreshness,
      ],
      exports: [PROJECTOR, ReadModelFreshness],
    };
  }
}
