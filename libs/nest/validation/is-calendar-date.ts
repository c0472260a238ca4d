import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCalendarDate } from '../../../src/calendar/calendar-date';

/** A real calendar date written yyyy-mm-dd (2019-02-29 is refused), from the year 100 (see isCalendarDate). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date written yyyy-mm-dd, in the years 0100 to 9999', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
