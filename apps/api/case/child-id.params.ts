import { ApiProperty } from '@nestjs/swagger';
import { IsRecordId } from '../../../libs/nest/validation/is-record-id';

export class ChildIdParams {
  @ApiProperty({ description: "the child's id", example: 'C1001' })
  @IsRecordId()
  childId!: string;
}
