import { NextFunction, Request, Response } from 'express';
import { badRequest } from '../http/field-errors';

const MAX_DEPTH = 32;

/**
 * Names every plain object inherits (toString, constructor, __proto__, ...), and `prototype`,
 * which NestJS's ValidationPipe deletes silently before the whitelist sees it: never a field
 * of this API.
 */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

function inheritedKeyPaths(value: unknown, path: string, depth: number, found: string[]): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => inheritedKeyPaths(item, `${path}${path ? '.' : ''}${index}`, depth + 1, found));
    return;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (INHERITED.has(key)) found.push(field);
    else inheritedKeyPaths((value as Record<string, unknown>)[key], field, depth + 1, found);
  }
}

/**
 * Refuses a JSON body or query with a key named like an inherited property (`__proto__`,
 * `constructor`, `toString`, `prototype`, ...). Such keys slip past class-validator's
 * whitelist (it looks them up in a plain object, or the pipe has deleted them) and can
 * reach prototypes through class-transformer, so they are answered 400 before any of that
 * runs.
 */
export function prototypeKeysMiddleware(request: Request, response: Response, next: NextFunction): void {
  const found: string[] = [];
  inheritedKeyPaths(request.body, '', 0, found);
  inheritedKeyPaths(request.query, '', 0, found);
  if (found.length === 0) {
    next();
    return;
  }
  const refused = badRequest(found.map((field) => ({ field, messages: [`${field} is not a field of this request`] })));
  response.status(400).json(refused.getResponse());
}
