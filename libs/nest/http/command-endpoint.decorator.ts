import { applyDecorators, HttpCode, Type, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse,
  ApiOperation, ApiPayloadTooLargeResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, IF_MATCH_HEADER, IF_MATCH_PATTERN } from '../commands/command-origin';
import { IDEMPOTENCY_KEY_PATTERN, IdempotencyInterceptor, REPLAYED_HEADER } from '../idempotency/idempotency.interceptor';
import { CORRELATION_HEADER, CORRELATION_ID_PATTERN } from './correlation-id.middleware';
import { EveryFieldErrorInterceptor } from './every-field-error.interceptor';
import {
  IdempotencyConflictResponse, NotFoundResponse, RequestRefusedResponse, RuleViolationResponse, ValidationErrorResponse,
} from './error-responses';

export interface CommandEndpointOptions {
  summary: string;
  description?: string;
  /** the 201 body */
  response: Type<unknown>;
  /** the rule ids this command can break (409), listed in the OpenAPI document */
  rules: readonly string[];
}

/**
 * Marks a controller method as a command: 201 on success, `Idempotency-Key`,
 * `If-Match` and `X-Correlation-Id` honoured and documented, the error answers listed.
 * Use with `@Origin() origin: CommandOrigin` to hand the command its metadata.
 */
export function CommandEndpoint(options: CommandEndpointOptions): MethodDecorator {
  return applyDecorators(
    HttpCode(201),
    // every malformed field is found before an idempotency key is claimed
    UseInterceptors(EveryFieldErrorInterceptor, IdempotencyInterceptor),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, example: '0b6d4c3e-8f5a-4a59-9d53-0d4a1c1e8a10' },
      description:
        'Any unique string (a uuid). A retry with the same key and body gets the first response again and appends nothing; ' +
        'the same key with another body is refused with 422. A failed request frees its key.',
    }),
    ApiHeader({
      name: IF_MATCH_HEADER,
      required: false,
      schema: { type: 'string', pattern: IF_MATCH_PATTERN.source, example: '"3"' },
      description: 'The stream revision this change is based on (from a previous response or GET). 409 expected-revision when the stream has moved on.',
    }),
    ApiHeader({
      name: CORRELATION_HEADER,
      required: false,
      schema: { type: 'string', pattern: CORRELATION_ID_PATTERN.source },
      description: 'Kept in the metadata of every event appended and echoed back; a new uuid when absent.',
    }),
    ApiCreatedResponse({
      type: options.response,
      headers: {
        [REPLAYED_HEADER]: {
          description: 'true when this is the first answer given again to a retry with the same Idempotency-Key (nothing was appended)',
          schema: { type: 'string', enum: ['true'] },
        },
      },
    }),
    ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'Malformed body, path or header: every field error is listed.' }),
    ApiNotFoundResponse({ type: NotFoundResponse, description: 'Unknown child or challenge.' }),
    ApiConflictResponse({
      type: RuleViolationResponse,
      description: `A rule forbids the step, nothing was appended. Rules: ${[...options.rules, 'expected-revision', 'idempotency-key-in-use'].join(', ')}.`,
    }),
    ApiUnprocessableEntityResponse({ type: IdempotencyConflictResponse, description: 'Idempotency-Key reused with a different request.' }),
    ApiPayloadTooLargeResponse({ type: RequestRefusedResponse, description: 'The body is over REQUEST_BODY_LIMIT (default 100kb); it was not read.' }),
  );
}
