import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PLACEMENT_TYPES, PlacementType, REASONS_PLACE_CHANGE, ReasonPlaceChange } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';

export class ChangePlacementDto {
  @ApiProperty({ format: 'date', example: '2020-02-10' })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiProperty({ enum: PLACEMENT_TYPES, description: 'SSDA903 PLACE code' })
  @IsIn(PLACEMENT_TYPES)
  placementType!: PlacementType;

  @ApiProperty()
  @IsBoolean()
  placedOutsideLocalAuthority!: boolean;

  @ApiPropertyOptional({ enum: REASONS_PLACE_CHANGE, description: 'SSDA903 REASON_PLACE_CHANGE code' })
  @IsOptional()
  @IsIn(REASONS_PLACE_CHANGE)
  reasonForChange?: ReasonPlaceChange;
}
