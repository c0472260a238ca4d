import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK } from '../../../src/clock/clock';
import { LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { EVENT_STORE } from '../../event-store/event-store.port';
import { StreamCommandRunner } from '../commands/stream-command-runner';
import { StreamReader } from '../streams/stream-reader';
import { PROJECTION_HEALTH } from '../health/projection-health';
import { IDEMPOTENCY_STORE } from '../idempotency/idempotency-store.port';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime } from './infrastructure-runtime';

/** Closes the stores the runtime opened when the app closes (after every module stopped). */
@Injectable()
class InfrastructureCloser implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE_RUNTIME) private readonly runtime: InfrastructureRuntime) {}
  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}

/**
 * The shared wiring every module can inject without importing anything (global):
 * CLOCK, LOCAL_AUTHORITY_CONFIG, EVENT_STORE, IDEMPOTENCY_STORE, PROJECTION_HEALTH,
 * INFRASTRUCTURE_RUNTIME, StreamReader, StreamCommandRunner and IdempotencyInterceptor.
 */
@Global()
@Module({})
export class OversightInfrastructureModule {
  static forRoot(runtime: InfrastructureRuntime): DynamicModule {
    const values = [
      { provide: INFRASTRUCTURE_RUNTIME, useValue: runtime },
      { provide: CLOCK, useValue: runtime.clock },
      { provide: LOCAL_AUTHORITY_CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: IDEMPOTENCY_STORE, useValue: runtime.idempotencyStore },
      { provide: PROJECTION_HEALTH, useValue: runtime.projectionHealth },
    ];
    return {
      module: OversightInfrastructureModule,
      providers: [...values, StreamReader, StreamCommandRunner, IdempotencyInterceptor, InfrastructureCloser],
      exports: [...values.map((value) => value.provide), StreamReader, StreamCommandRunner, IdempotencyInterceptor],
    };
  }
}
