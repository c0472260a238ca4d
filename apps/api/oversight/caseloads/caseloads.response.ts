import { ApiProperty } from '@nestjs/swagger';

export class IroCaseloadResponse {
  @ApiProperty() iroId!: string;
  @ApiProperty({ description: 'children looked after on asAt (short breaks left out)' }) lookedAfter!: number;
  @ApiProperty({ description: 'children on a child protection plan on asAt' }) protection!: number;
  @ApiProperty({ description: 'a child both looked after and on a plan counts once' }) total!: number;
}

export class CaseloadRangeResponse {
  @ApiProperty({ example: 50 }) from!: number;
  @ApiProperty({ example: 70 }) to!: number;
}

export class UnallocatedResponse {
  @ApiProperty() lookedAfter!: number;
  @ApiProperty() protection!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [String] }) childIds!: string[];
}

export class CaseloadsResponse {
  @ApiProperty({ format: 'date' }) asAt!: string;
  @ApiProperty({ type: [IroCaseloadResponse], description: 'the IROs with a caseload on asAt (iro.caseloadsAtYearEnd on 31 March)' }) items!: IroCaseloadResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'mean over IROs with a caseload, one decimal place (iro.meanCaseloadAtYearEnd)' }) mean!: number | null;
  @ApiProperty({ description: 'IROs above the IRO Handbook range, 70 (iro.aboveHandbookRange)' }) aboveHandbookRange!: number;
  @ApiProperty({ description: 'IROs above the local target (iro.aboveLocalTarget)' }) aboveLocalTarget!: number;
  @ApiProperty({ type: CaseloadRangeResponse }) handbookRange!: CaseloadRangeResponse;
  @ApiProperty({ description: 'from the authority configuration (default 80)' }) localCaseloadTarget!: number;
  @ApiProperty({ type: UnallocatedResponse, description: 'children in no caseload: looked after or on a plan with no IRO allocated on asAt' }) unallocated!: UnallocatedResponse;
}
