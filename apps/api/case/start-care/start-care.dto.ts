import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  CATEGORIES_OF_NEED, CategoryOfNeed, LEGAL_STATUSES, LegalStatus, PLACEMENT_TYPES, PlacementType,
} from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';

export class StartCareDto {
  @ApiProperty({ format: 'date', example: '2020-01-06', description: 'the day the child became looked after' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ enum: LEGAL_STATUSES, description: 'SSDA903 LS code' })
  @IsIn(LEGAL_STATUSES)
  legalStatus!: LegalStatus;

  @ApiProperty({ enum: PLACEMENT_TYPES, description: 'SSDA903 PLACE code of the first placement' })
  @IsIn(PLACEMENT_TYPES)
  placementType!: PlacementType;

  @ApiProperty()
  @IsBoolean()
  placedOutsideLocalAuthority!: boolean;

  @ApiPropertyOptional({ enum: CATEGORIES_OF_NEED, description: 'SSDA903 CIN code N1-N8' })
  @IsOptional()
  @IsIn(CATEGORIES_OF_NEED)
  categoryOfNeed?: CategoryOfNeed;
}
