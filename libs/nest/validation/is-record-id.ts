import { ApiProperty } from '@nestjs/swagger';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { ID_PATTERN } from '../../../src/events/streams';

/** An id as the API takes them: 1-64 characters of A-Z a-z 0-9 _ -, and so documented (on each item with `each`). */
export function IsRecordId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    ApiProperty({ pattern: ID_PATTERN.source })(target, propertyName);
    registerDecorator({
      name: 'isRecordId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be 1-64 characters of A-Z, a-z, 0-9, _ and -', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && ID_PATTERN.test(value) },
    });
  };
}
