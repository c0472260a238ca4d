import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Request } from 'express';
import { EventMetadata } from '../../../src/events/envelope';
import { actorOf, RequestWithActor } from '../actor/current-actor.decorator';
import { RequestWithCorrelation } from '../http/correlation-id.middleware';
import { badRequest, FieldError } from '../http/field-errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IF_MATCH_HEADER = 'If-Match';

/**
 * Where a command came from: the metadata its events carry (correlation, causation,
 * actor, idempotency key) and, from `If-Match`, the stream revision the caller
 * expects (undefined: the handler uses the revision it loaded).
 */
export interface CommandOrigin {
  metadata: EventMetadata;
  expectedRevision: number | undefined;
  /**
   * Told when the command was found recorded already under its Idempotency-Key (a retry
   * after a crash between the append and the key's close): its answer is the first one again.
   */
  foundRecorded?: () => void;
}

const FOUND_RECORDED = Symbol('commandFoundRecorded');
type RequestWithFoundRecorded = Request & { [FOUND_RECORDED]?: true };

/** Whether this request's command was found recorded already under its key (see CommandOrigin.foundRecorded). */
export const wasFoundRecorded = (request: Request): boolean => (request as RequestWithFoundRecorded)[FOUND_RECORDED] === true;

export const IF_MATCH_PATTERN = /^(?:W\/)?"?(\d{1,15})"?$/;

/** What is wrong with an `If-Match` header, if anything (none when it is missing). */
export function ifMatchErrors(header: string | undefined): FieldError[] {
  if (header === undefined || IF_MATCH_PATTERN.test(header.trim())) return [];
  return [{ field: IF_MATCH_HEADER, messages: [`${IF_MATCH_HEADER} must be the stream revision the change is based on, e.g. 3 or "3"`] }];
}

/** `If-Match: 3`, `"3"` or `W/"3"` -> 3; a missing header -> undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const errors = ifMatchErrors(header);
  if (errors.length > 0) throw badRequest(errors);
  return Number(IF_MATCH_PATTERN.exec(header.trim())![1]);
}

export function commandOriginOf(request: Request & RequestWithActor & RequestWithCorrelation): CommandOrigin {
  const idempotencyKey = request.header(IDEMPOTENCY_HEADER);
  const metadata: EventMetadata = {
    correlationId: request.correlationId ?? randomUUID(),
    // each command is a new cause: its events share this id
    causationId: randomUUID(),
    actor: actorOf(request),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
  };
  return {
    metadata,
    expectedRevision: parseIfMatch(request.header(IF_MATCH_HEADER)),
    foundRecorded: () => {
      (request as RequestWithFoundRecorded)[FOUND_RECORDED] = true;
    },
  };
}

/** A command handler's view of the request: `@Origin() origin: CommandOrigin`. */
export const Origin = createParamDecorator((_: unknown, context: ExecutionContext): CommandOrigin =>
  commandOriginOf(context.switchToHttp().getRequest()),
);
