import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Free text written by a person (a summary, a reason, a response): not blank, at most `max` characters. */
export const IsFreeText = (max = 4000): PropertyDecorator =>
  applyDecorators(IsString(), IsNotEmpty({ message: '$property must not be empty' }), MaxLength(max));
