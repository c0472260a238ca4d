import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class CPPlanEndedResponse extends CommandAcceptedResponse {
  @ApiProperty({ example: 'C1001:2020-01-06', description: 'the plan ended (the one open)' })
  planId!: string;
}
