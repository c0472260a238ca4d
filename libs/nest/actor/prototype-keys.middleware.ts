import { NextFunction, Request, Response } from 'express';
import { badRequest } from '../http/field-errors';

const MAX_DEPTH = 32;

/**
 * Names every plain object inherits (toString, constructor, __proto__, ...), and `prototype`,
 * which NestJS's ValidationPipe deletes silently before the whitelist sees it: never a field
 * of this API.
 */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** `found` gets each inherited key's path, and `tooDeep` the path of a value nested deeper than MAX_DEPTH. */
function inheritedKeyPaths(value: unknown, path: string, depth: number, found: string[], tooDeep: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    if (tooDeep.length === 0) tooDeep.push(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => inheritedKeyPaths(item, `${path}${path ? '.' : ''}${index}`, depth + 1, found, tooDeep));
    return;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (INHERITED.has(key)) found.push(field);
    else inheritedKeyPaths((value as Record<string, unknown>)[key], field, depth + 1, found, tooDeep);
  }
}

/**
 * Refuses a JSON body or query nested more than MAX_DEPTH levels, or with a key named like an inherited property (`__proto__`,
 * `constructor`, `toString`, `prototype`, ...). Such keys slip past class-validator's
 * whitelist (it looks them up in a plain object, or the pipe has deleted them) and can
 * reach prototypes through class-transformer, so they are answered 400 before any of that
 * runs.
 */
export function prototypeKeysMiddleware(request: Request, response: Response, next: NextFunction): void {
  const found: string[] = [];
  const tooDeep: string[] = [];
  inheritedKeyPaths(request.body, '', 0, found, tooDeep);
  inheritedKeyPaths(request.query, '', 0, found, tooDeep);
  if (found.length === 0 && tooDeep.length === 0) {
    next();
    return;
  }
  const refused = badRequest([
    ...found.map((field) => ({ field, messages: [`${field} is not a field of this request`] })),
    // no request of this API nests so deep; validating it would overflow the stack
    ...tooDeep.map((field) => ({ field: field.split('.')[0] || '(body)', messages: [`nested more than ${MAX_DEPTH} levels deep`] })),
  ]);
  response.status(400).json(refused.getResponse());
}
