import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';

/** One malformed field: its path (`recoveryPlan.actions.0.dueBy`) and every message about it. */
export interface FieldError {
  field: string;
  messages: string[];
}

export const MALFORMED = 'The request is malformed; see errors.';

/** The 400 body: every field error at once. */
export function badRequest(errors: FieldError[], message = MALFORMED): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors });
}

/** Flattens class-validator's tree into field paths, depth first, in the order given. */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}
