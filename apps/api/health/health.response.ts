import { ApiProperty } from '@nestjs/swagger';

export class EventStoreHealth {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ example: 'sqlite', description: 'sqlite (embedded), eventstoredb, or provided (tests)' }) kind!: string;
  @ApiProperty({ description: 'global position of the last event (0 when empty)', required: false }) headPosition?: number;
  @ApiProperty({ required: false }) error?: string;
}

export class ProjectionHealthEntry {
  @ApiProperty() name!: string;
  @ApiProperty() checkpoint!: number;
  @ApiProperty() lag!: number;
  @ApiProperty({ enum: ['ok', 'catching-up', 'stopped', 'error'] }) status!: string;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: EventStoreHealth }) eventStore!: EventStoreHealth;
  @ApiProperty({ type: [ProjectionHealthEntry] }) projections!: ProjectionHealthEntry[];
}
