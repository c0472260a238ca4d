import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { WrongExpectedRevisionError } from '../../event-store/event-store.port';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '../idempotency/idempotency-errors';
import { isNotFoundRule, RuleViolationError } from '../commands/rule-violation.error';
import { badRequest, MALFORMED } from './field-errors';
import { routePathOf } from '../actor/request-access';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [key: string]: unknown;
}

/** express's body parser marks the errors it throws this way */
const isBodyParserError = (error: unknown): error is { type: string; status: number; message: string } =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

/**
 * Turns every error into the API's JSON shapes (see error-responses.ts). Unknown errors
 * are logged with their stack and answered 500 without it.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.bodyFor(exception, response);
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private bodyFor(exception: unknown, response: Response): ErrorBody {
    if (exception instanceof RuleViolationError) {
      const { rule, message } = exception.violation;
      return isNotFoundRule(rule)
        ? { statusCode: 404, error: 'Not Found', rule, message }
        : { statusCode: 409, error: 'Conflict', rule, message };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return {
        statusCode: 409,
        error: 'Conflict',
        rule: 'expected-revision',
        message: `The record changed meanwhile: ${exception.stream} is at revision ${exception.actual}, the request expected ${exception.expected}. Read it again and retry.`,
        expectedRevision: exception.expected,
        actualRevision: exception.actual,
      };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return { statusCode: 422, error: 'Unprocessable Entity', rule: exception.rule, message: exception.message };
    }
    if (exception instanceof IdempotencyKeyInUseError) {
      return { statusCode: 409, error: 'Conflict', rule: exception.rule, message: exception.message };
    }
    if (exception instanceof HttpException) return this.httpBody(exception);
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      if (exception.type === 'entity.parse.failed') {
        return badRequest([{ field: 'body', messages: ['the body is not valid JSON'] }]).getResponse() as ErrorBody;
      }
      return { statusCode: exception.status, error: reasonPhrase(exception.status), message: exception.message };
    }
    // the route pattern, never the URL: a path or query may carry a child's id or a name
    const route = (response.req && routePathOf(response.req)) ?? '(before a route was matched)';
    this.logger.error(
      `unexpected error answering ${response.req?.method} ${route}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred; it has been logged.' };
  }

  private httpBody(exception: HttpException): ErrorBody {
    const statusCode = exception.getStatus();
    const given = exception.getResponse();
    const error = reasonPhrase(statusCode);
    if (typeof given === 'string') return { statusCode, error, message: given };
    const body = given as Record<string, unknown>;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? exception.message);
    const answer = { ...body, statusCode, error: typeof body.error === 'string' ? body.error : error, message };
    return statusCode === 400 && !Array.isArray(body.errors) ? withFieldErrors(answer) : answer;
  }
}

/**
 * Every 400 lists field errors under the one message. Nest turns a body that is not JSON
 * into a bare BadRequestException carrying the parser's message; it is reported on `body`.
 * Others (the upload parser's) are reported on `request`.
 */
function withFieldErrors(answer: ErrorBody): ErrorBody {
  const notJson = /JSON/.test(answer.message);
  const error = notJson ? { field: 'body', messages: [`the body is not valid JSON: ${answer.message}`] } : { field: 'request', messages: [answer.message] };
  return { ...answer, message: MALFORMED, errors: [error] };
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
