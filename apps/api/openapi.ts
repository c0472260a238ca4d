import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document);
}
