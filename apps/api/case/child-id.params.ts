import { ApiProperty } from '@nestjs/swagger';
import { IsRecordId } from '../../../libs/nest/validation/is-record-id';

export class ChildIdParams {
  @ApiProperty({ description: "the child's id", pattern: '^[A-Za-z0-9_-]{1,64}$', example: 'C1001' })
  @IsRecordId()
  childId!: string;
}
