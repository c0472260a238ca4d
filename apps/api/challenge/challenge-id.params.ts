import { ApiProperty } from '@nestjs/swagger';
import { IsRecordId } from '../../../libs/nest/validation/is-record-id';

export class ChallengeIdParams {
  @ApiProperty({ description: "the challenge's id", pattern: '^[A-Za-z0-9_-]{1,64}$', example: 'CH-2020-014' })
  @IsRecordId()
  id!: string;
}
