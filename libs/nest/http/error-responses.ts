import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The bodies the API answers with when a request fails, for the OpenAPI document. */
export class FieldErrorResponse {
  @ApiProperty({ example: 'heldOn' }) field!: string;
  @ApiProperty({ type: [String], example: ['heldOn must be a real date written yyyy-mm-dd, in the years 0100 to 9999'] }) messages!: string[];
}

export class ValidationErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'The request is malformed; see errors.' }) message!: string;
  @ApiProperty({ type: [FieldErrorResponse] }) errors!: FieldErrorResponse[];
}

export class RuleViolationResponse {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({
    example: 'not-in-care',
    description: 'the rule that forbids the step (stable id); `expected-revision` when If-Match or a concurrent write did not match',
  })
  rule!: string;
  @ApiProperty({ example: 'The child is not in care on 2020-03-02.' }) message!: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no-stream', 'any'] }], description: 'for expected-revision: the revision the request expected' })
  expectedRevision?: number | string;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no-stream'] }], description: 'for expected-revision: the stream\'s revision now' })
  actualRevision?: number | string;
}

export class NotFoundResponse {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiPropertyOptional({ example: 'child-not-registered' }) rule?: string;
  @ApiProperty({ example: 'The child is not registered.' }) message!: string;
}

export class IdempotencyConflictResponse {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ example: 'idempotency-key-reused' }) rule!: string;
  @ApiProperty({ example: 'Idempotency-Key "k1" was already used with a different request.' }) message!: string;
}

/** 413 (a body or upload over its limit) and 411 (an upload without its Content-Length): refused before it is read. */
export class RequestRefusedResponse {
  @ApiProperty({ example: 413 }) statusCode!: number;
  @ApiProperty({ example: 'Payload Too Large' }) error!: string;
  @ApiProperty({ example: 'request entity too large' }) message!: string;
}

/** 401 (no, expired or forged token), 403 (a role or user the access table refuses), 429 (the per-user rate limit). */
export class AccessErrorResponse {
  @ApiProperty({ example: 403 }) statusCode!: number;
  @ApiProperty({ example: 'Forbidden' }) error!: string;
  @ApiProperty({ example: 'Forbidden: an IRO reads only the children allocated to them.' }) message!: string;
}
