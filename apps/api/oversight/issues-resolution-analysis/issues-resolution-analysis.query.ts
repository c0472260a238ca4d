import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';

export class IssuesResolutionAnalysisQuery {
  @ApiPropertyOptional({ description: 'challenges raised on or after; default 1 April of the reporting year `to` falls in', format: 'date', example: '2019-04-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: CalendarDate;

  @ApiPropertyOptional({ description: 'challenges raised on or before, with their steps counted up to this date; default today', format: 'date', example: '2020-03-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: CalendarDate;
}
