import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, ValidationArguments } from 'class-validator';

/** What is wrong with a free-text value, or undefined when it is good. */
function freeTextProblem(value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return 'is required';
  if (typeof value !== 'string') return 'must be text';
  if (value.trim() === '') return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters (it has ${value.length})`;
  return undefined;
}

/**
 * Free text written by a person (a summary, a reason, a response): not blank, at most `max`
 * characters, and so documented (`pattern: \S`: a character that is not a space). One
 * message per field, the one that applies (a missing reason is "required", not also "too
 * long" and "not a string").
 */
export const IsFreeText =
  (max = 4000): PropertyDecorator =>
  (target: object, propertyName: string | symbol) => {
    ApiProperty({ minLength: 1, maxLength: max, pattern: '\\S' })(target, propertyName);
    registerDecorator({
      name: 'isFreeText',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      validator: {
        validate: (value: unknown) => freeTextProblem(value, max) === undefined,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${freeTextProblem(args?.value, max)}`,
      },
    });
  };
