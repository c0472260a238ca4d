import { ApiProperty } from '@nestjs/swagger';

export class EventStoreHealth {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ example: 'sqlite', description: 'sqlite (embedded), eventstoredb, or provided (tests)' }) kind!: string;
  @ApiProperty({ description: 'global position of the last event (0 when empty)', required: false }) headPosition?: number;
  @ApiProperty({ required: false }) error?: string;
}

export class ProjectionRebuildHealth {
  @ApiProperty({ description: 'when the rebuild claimed the read model (ISO instant)' }) since!: string;
  @ApiProperty() host!: string;
  @ApiProperty() pid!: number;
  @ApiProperty({ description: 'its process no longer runs (on this machine) or it is over 6 hours old: the next rebuild takes it over' })
  processGone!: boolean;
}

export class ProjectionHealthEntry {
  @ApiProperty() name!: string;
  @ApiProperty() checkpoint!: number;
  @ApiProperty() lag!: number;
  @ApiProperty({ enum: ['ok', 'catching-up', 'stopped', 'error'] }) status!: string;
  @ApiProperty({ type: ProjectionRebuildHealth, required: false, description: 'present while a rebuild of this read model runs (iro projections rebuild)' })
  rebuild?: ProjectionRebuildHealth;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: EventStoreHealth }) eventStore!: EventStoreHealth;
  @ApiProperty({ type: [ProjectionHealthEntry] }) projections!: ProjectionHealthEntry[];
}
