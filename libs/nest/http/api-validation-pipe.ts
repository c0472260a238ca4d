import { ValidationPipe } from '@nestjs/common';
import { badRequest, fieldErrorsOf } from './field-errors';

/**
 * Validates every DTO (body, path params, query): unknown fields are refused, values are
 * converted to the DTO's types, and a 400 lists every field error, not just the first.
 */
export function createApiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(fieldErrorsOf(errors)),
  });
}
