import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';
import { badRequest } from './field-errors';

export const CORRELATION_HEADER = 'X-Correlation-Id';
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestWithCorrelation {
  correlationId?: string;
}

/**
 * Every request carries a correlation id: the caller's `X-Correlation-Id`, or a new
 * uuid. It goes into the metadata of every event the request appends and back in the
 * response header, so a log line, a response and an event can be matched. A malformed one
 * is refused (400), under a new uuid.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header(CORRELATION_HEADER);
  const malformed = given !== undefined && !CORRELATION_ID_PATTERN.test(given);
  const correlationId = given === undefined || malformed ? randomUUID() : given;
  (request as Request & RequestWithCorrelation).correlationId = correlationId;
  response.setHeader(CORRELATION_HEADER, correlationId);
  if (malformed) {
    const body = badRequest([
      { field: CORRELATION_HEADER, messages: [`${CORRELATION_HEADER} must be 1-128 characters of A-Z a-z 0-9 . _ : -`] },
    ]).getResponse();
    response.status(400).json(body);
    return;
  }
  next();
}
