import { ApiProperty } from '@nestjs/swagger';
import { IsRecordId } from '../../../libs/nest/validation/is-record-id';

export class ChallengeIdParams {
  @ApiProperty({ description: "the challenge's id", example: 'CH-2020-014' })
  @IsRecordId()
  id!: string;
}
