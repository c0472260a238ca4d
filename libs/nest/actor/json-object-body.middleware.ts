import { NextFunction, Request, Response } from 'express';
import { badRequest } from '../http/field-errors';

/**
 * A request body is a JSON object (an import's, multipart/form-data). Anything else is
 * answered 400 saying so: sent as text/plain a command's body is never read, and would be
 * answered with every field missing; JSON that is not an object (null, "hello", 7, [])
 * is valid JSON, so the parser's "not valid JSON" would mislead. Runs after the parsers.
 */
export function jsonObjectBodyMiddleware(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'POST') return next();
  // null: no body at all, which the validation answers field by field
  const type = request.is(['application/json', 'multipart/form-data']);
  if (type === false) {
    response.status(400).json(badRequest([{ field: 'Content-Type', messages: [CONTENT_TYPE_MESSAGE] }]).getResponse());
    return;
  }
  const body: unknown = request.body;
  if (type === 'application/json' && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    response.status(400).json(badRequest([{ field: 'body', messages: ['the body must be a JSON object'] }]).getResponse());
    return;
  }
  next();
}

const CONTENT_TYPE_MESSAGE = 'Content-Type must be application/json (multipart/form-data for an import)';
