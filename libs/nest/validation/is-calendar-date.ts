import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCalendarDate } from '../../../src/calendar/calendar-date';

/** A real calendar date written yyyy-mm-dd (2019-02-29 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date written yyyy-mm-dd', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
