import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, HeadersObject, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AccessErrorResponse } from '../../libs/nest/http/error-responses';
import { withNullableObjectFields } from './nullable-object-fields';

export const OPENAPI_PATH = 'docs';

/** OpenAPI at /docs (the page) and /docs-json (the document). */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IRO Oversight API')
      .setDescription(
        'Event-sourced case oversight for the Independent Reviewing Officer service: children\'s cases, ' +
          'looked-after reviews, child protection conferences and the Issues Resolution Process. ' +
          'Every command answers 201 `{ id, revision, eventIds, ... }`; 400 lists every field error; ' +
          '404 an unknown child or challenge; 409 names the rule that forbids the step (or `expected-revision`); ' +
          '422 an Idempotency-Key reused with another request.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [AccessErrorResponse] },
  );
  SwaggerModule.setup(OPENAPI_PATH, app, withNullableObjectFields(withAccessAnswers(document)));
}

/** paths open without a token (README "Access") */
const OPEN_PATHS = ['/health'];

/**
 * Every operation but the open ones needs the bearer token and may answer 401, 403 and 429
 * (README "Access"): said once here rather than on each controller, so none is missed.
 */
export function withAccessAnswers(document: OpenAPIObject): OpenAPIObject {
  const schema = { $ref: '#/components/schemas/AccessErrorResponse' };
  const answer = (description: string, headers?: HeadersObject) => ({ description, headers, content: { 'application/json': { schema } } });
  const retryAfter: HeadersObject = { 'Retry-After': { description: 'seconds until a request is taken again', schema: { type: 'integer' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    if (OPEN_PATHS.includes(path)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.security = [{ bearer: [] }];
      operation.responses = {
        '401': answer('no bearer token, or one that is expired, forged or for another service (with WWW-Authenticate)'),
        '403': answer('the caller\'s role or user may not do this (the access table)'),
        '429': answer('past the per-user rate limit (RATE_LIMIT_PER_MINUTE; per address without a token)', retryAfter),
        ...operation.responses,
      };
    }
  }
  return document;
}
