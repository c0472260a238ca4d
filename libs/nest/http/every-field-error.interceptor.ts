import { ArgumentMetadata, BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, Paramtype } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Request } from 'express';
import { Observable } from 'rxjs';
import { IDEMPOTENCY_HEADER, IF_MATCH_HEADER, ifMatchErrors } from '../commands/command-origin';
import { idempotencyKeyErrors } from '../idempotency/idempotency.interceptor';
import { createApiValidationPipe } from './api-validation-pipe';
import { badRequest, FieldError } from './field-errors';

/** Where each validated argument of a handler comes from, path first as a reader meets it. */
const SOURCES: readonly { type: RouteParamtypes; paramtype: Paramtype; of: (request: Request) => unknown }[] = [
  { type: RouteParamtypes.PARAM, paramtype: 'param', of: (request) => request.params },
  { type: RouteParamtypes.QUERY, paramtype: 'query', of: (request) => request.query },
  { type: RouteParamtypes.BODY, paramtype: 'body', of: (request) => request.body },
];

interface RouteArgument {
  index: number;
  data?: string;
}

/**
 * A command's 400 lists every malformed field at once: path, query, body and the
 * If-Match and Idempotency-Key headers. Nest would otherwise answer with whichever check
 * fails first (a header checked before the body, or one argument's pipe before
 * another's), hiding the rest. This checks them all, with the API's validation pipe,
 * before anything else runs; when all are well, the handler's own pipes run as usual.
 */
@Injectable()
export class EveryFieldErrorInterceptor implements NestInterceptor {
  private readonly pipe = createApiValidationPipe();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const errors = [
      ...(await this.argumentErrors(context, request)),
      ...ifMatchErrors(request.header(IF_MATCH_HEADER)),
      ...idempotencyKeyErrors(request.header(IDEMPOTENCY_HEADER)),
    ];
    if (errors.length > 0) throw badRequest(errors);
    return next.handle();
  }

  private async argumentErrors(context: ExecutionContext, request: Request): Promise<FieldError[]> {
    const controller = context.getClass();
    const method = context.getHandler().name;
    const argumentsByKey: Record<string, RouteArgument> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
    const metatypes: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
    const errors: FieldError[] = [];
    for (const source of SOURCES) {
      for (const [key, argument] of Object.entries(argumentsByKey)) {
        if (key.split(':')[0] !== String(source.type)) continue;
        const whole = source.of(request) as Record<string, unknown> | undefined;
        const value = argument.data === undefined ? whole : whole?.[argument.data];
        const metadata: ArgumentMetadata = {
          type: source.paramtype,
          metatype: metatypes[argument.index] as ArgumentMetadata['metatype'],
          data: argument.data,
        };
        errors.push(...(await this.fieldErrorsOf(value, metadata)));
      }
    }
    return errors;
  }

  private async fieldErrorsOf(value: unknown, metadata: ArgumentMetadata): Promise<FieldError[]> {
    try {
      await this.pipe.transform(value, metadata);
      return [];
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const body = error.getResponse() as { errors?: FieldError[] };
      // a refusal without field errors is answered as it would be without this check
      if (!Array.isArray(body.errors)) throw error;
      return body.errors;
    }
  }
}
