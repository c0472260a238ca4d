import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorModule, ActorModuleOptions } from '../../libs/nest/actor/actor.module';
import { InfrastructureRuntime } from '../../libs/nest/infrastructure/infrastructure-runtime';
import { OversightInfrastructureModule } from '../../libs/nest/infrastructure/oversight-infrastructure.module';
import { CaseModule } from './case/case.module';
import { ChallengeModule } from './challenge/challenge.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { OversightQueriesModule } from './oversight/oversight-queries.module';
import { ReportsModule } from './reports/reports.module';
import { ProjectionHealthLink } from '../../libs/projector/projection-health-link';
import { ProjectorModule } from '../../libs/projector/projector.module';
import { ReadStoreModule } from '../../libs/read-store/read-store.module';

/**
 * The API: one module per capability. A new capability is a Nest module (its own
 * controllers, handlers, providers) added to CAPABILITY_MODULES; it can inject
 * everything OversightInfrastructureModule exports (global) without importing it.
 */
export const CAPABILITY_MODULES = [HealthModule, CaseModule, ChallengeModule, ReportsModule, ImportsModule, OversightQueriesModule];

@Module({})
export class AppModule {
  /** `access`: how tokens are verified and the per-user rate limit (see libs/nest/actor) */
  static forRoot(runtime: InfrastructureRuntime, access: ActorModuleOptions, projections: ProjectionHealthLink): DynamicModule {
    return {
      module: AppModule,
      imports: [
        OversightInfrastructureModule.forRoot(runtime),
        ReadStoreModule.forRoot(),
        ProjectorModule.forRoot({ health: projections }),
        CqrsModule.forRoot(),
        ActorModule.forRoot(access),
        ...CAPABILITY_MODULES,
      ],
    };
  }
}
