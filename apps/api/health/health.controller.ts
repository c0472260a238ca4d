import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Response } from 'express';
import { PROJECTION_HEALTH, ProjectionHealthSource } from '../../../libs/nest/health/projection-health';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime } from '../../../libs/nest/infrastructure/infrastructure-runtime';
import { HealthResponse } from './health.response';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    @Inject(INFRASTRUCTURE_RUNTIME) private readonly runtime: InfrastructureRuntime,
    @Inject(PROJECTION_HEALTH) private readonly projectionHealth: ProjectionHealthSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the API can reach its event store, and how far the projections have got' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'the event store cannot be read' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const kind = this.runtime.eventStoreKind;
    let eventStore: HealthResponse['eventStore'];
    try {
      eventStore = { status: 'ok', kind, headPosition: await this.runtime.eventStore.headPosition() };
    } catch (error) {
      // /health answers without a token: the detail goes to the log only
      this.logger.error('the event store cannot be read', error instanceof Error ? error.stack : String(error));
      eventStore = { status: 'error', kind, error: 'the event store cannot be read; see the log' };
    }
    let projections: HealthResponse['projections'] = [];
    try {
      projections = await this.projectionHealth();
    } catch (error) {
      // their lag needs the store's head: when the store cannot be read neither can it
      this.logger.error('the projections cannot report', error instanceof Error ? error.stack : String(error));
    }
    const status = eventStore.status === 'ok' ? 'ok' : 'error';
    if (status !== 'ok') response.status(503);
    return { status, eventStore, projections };
  }
}
