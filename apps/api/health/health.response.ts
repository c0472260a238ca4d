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
  @ApiProperty({ description: 'the last global position of the event store applied to this read model' }) checkpoint!: number;
  @ApiProperty({ required: false, description: 'the same as checkpoint: the position the read model has reached' }) position?: number;
  @ApiProperty({ required: false, description: "the event store's last global position when /health was read" }) headPosition?: number;
  @ApiProperty({ description: 'events in the store not yet applied (headPosition - position)' }) lag!: number;
  @ApiProperty({
    enum: ['ok', 'catching-up', 'stopped', 'error'],
    description: 'ok: caught up; catching-up: behind the head; stopped: runs in this process but is not started; error: the projection failed (see error)',
  })
  status!: string;
  @ApiProperty({
    enum: ['this-process', 'another-process'],
    required: false,
    description: "this-process: fed by the API's own projector; another-process: by another process, e.g. the projector worker",
  })
  runsIn?: 'this-process' | 'another-process';
  @ApiProperty({ required: false, description: "the version of the projection's code in this process: raised with each change to what its read model stores" })
  version?: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    required: false,
    description: 'the version of the code the stored documents were built by (null: from before versions were recorded); a read model built by another version is rebuilt when the projector starts',
  })
  builtByVersion?: number | null;
  @ApiProperty({ required: false, description: 'with status error: the event type, its position and what went wrong' }) error?: string;
  @ApiProperty({ type: ProjectionRebuildHealth, required: false, description: 'present while a rebuild of this read model runs (iro projections rebuild)' })
  rebuild?: ProjectionRebuildHealth;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: EventStoreHealth }) eventStore!: EventStoreHealth;
  @ApiProperty({ type: [ProjectionHealthEntry] }) projections!: ProjectionHealthEntry[];
}
