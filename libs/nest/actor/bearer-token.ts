import { UnauthorizedException } from '@nestjs/common';
import { Request, Response } from 'express';

// the scheme's name is case-insensitive (RFC 7235 §2.1): `bearer` is Bearer
const BEARER = /^Bearer ([A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]*\.[A-Za-z0-9_=+/-]*)$/i;

/** A 401 that tells the client how to authenticate (RFC 6750). */
export function unauthorized(response: Response, message: string, tokenGiven: boolean): UnauthorizedException {
  response.setHeader(
    'WWW-Authenticate',
    tokenGiven ? 'Bearer realm="iro-oversight", error="invalid_token"' : 'Bearer realm="iro-oversight"',
  );
  return new UnauthorizedException(message);
}

/** The bearer token of the request; a 401 naming what is wrong when there is none. */
export function bearerTokenOf(request: Request, response: Response): string {
  const header = request.header('authorization');
  if (header === undefined || header.trim() === '') {
    throw unauthorized(
      response,
      'A bearer token is required: send Authorization: Bearer <token> (locally, `iro token --role <role> --sub <userId>` mints one).',
      false,
    );
  }
  const match = BEARER.exec(header.trim());
  if (!match) throw unauthorized(response, 'The Authorization header must be "Bearer <JWT>".', true);
  return match[1];
}
