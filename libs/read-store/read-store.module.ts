import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime } from '../nest/infrastructure/infrastructure-runtime';
import { createReadStore } from './create-read-store';
import { READ_STORE, ReadStore } from './read-store.port';

const OWNED_READ_STORE = Symbol('OwnedReadStore');

/** Closes the read store this module opened, after every module has stopped (the projector stops in onModuleDestroy). */
@Injectable()
class ReadStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(OWNED_READ_STORE) private readonly owned: ReadStore | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.owned?.close();
  }
}

/**
 * READ_STORE for every module (global): MongoDB when the runtime has MONGODB_URL, else
 * `read-models.sqlite` in DATA_DIR. Needs OversightInfrastructureModule (INFRASTRUCTURE_RUNTIME).
 */
@Global()
@Module({})
export class ReadStoreModule {
  /** `readStore`: use this one instead of opening one; the caller keeps ownership. */
  static forRoot(options: { readStore?: ReadStore } = {}): DynamicModule {
    return {
      module: ReadStoreModule,
      providers: [
        {
          provide: OWNED_READ_STORE,
          inject: [INFRASTRUCTURE_RUNTIME],
          useFactory: (runtime: InfrastructureRuntime): ReadStore | null =>
            options.readStore ? null : createReadStore({ DATA_DIR: runtime.dataDir, MONGODB_URL: runtime.mongodbUrl ?? undefined }),
        },
        {
          provide: READ_STORE,
          inject: [OWNED_READ_STORE],
          useFactory: (owned: ReadStore | null): ReadStore => options.readStore ?? owned!,
        },
        ReadStoreCloser,
      ],
      exports: [READ_STORE],
    };
  }
}
