import { IsOptional } from 'class-validator';
import { CalendarDate } from '../../../src/calendar/calendar-date';
import { IsCalendarDate } from '../../../libs/nest/validation/is-calendar-date';
import { ApiAsAtProperty } from './as-at.property';

export class AsAtQuery {
  @ApiAsAtProperty('the date the answer is evaluated on')
  @IsOptional()
  @IsCalendarDate()
  asAt?: CalendarDate;
}
