import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DestinationStream } from 'pino';
import { AuthSettings } from '../../libs/auth/auth-settings';
import { createApiLogger, PinoNestLogger } from '../../libs/nest/actor/api-logger';
import { applyHttpHardening } from '../../libs/nest/actor/http-hardening';
import { DEFAULT_HTTP_HARDENING, HttpHardeningSettings } from '../../libs/nest/actor/http-hardening-settings';
import { ApiExceptionFilter } from '../../libs/nest/http/api-exception.filter';
import { createApiValidationPipe } from '../../libs/nest/http/api-validation-pipe';
import { checkStores } from '../../libs/nest/infrastructure/check-stores';
import { InfrastructureOptions, openInfrastructure, storeFilesOpened } from '../../libs/nest/infrastructure/infrastructure-runtime';
import { ProjectionHealthLink } from '../../libs/projector/projection-health-link';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi';

export interface ApiAppOptions extends InfrastructureOptions {
  /** who may call: the embedded HS256 secret or an OpenID Connect provider (libs/auth) */
  auth: AuthSettings;
  /** CORS, per-user rate limit, body limit, log level (default DEFAULT_HTTP_HARDENING) */
  http?: HttpHardeningSettings;
  /** where the JSON log goes (default stdout) */
  logDestination?: DestinationStream;
}

/**
 * Builds the API, initialised but not listening: `await app.listen(port)` to serve,
 * or hand `app.getHttpServer()` to supertest. Closing the app closes the stores it
 * opened (not the ones passed in).
 */
export async function createApiApp(options: ApiAppOptions): Promise<INestApplication> {
  const http = options.http ?? DEFAULT_HTTP_HARDENING;
  const logger = createApiLogger(http.logLevel, options.logDestination);
  // the in-process projector is created inside the app; /health reaches it through this link
  const projections = new ProjectionHealthLink();
  // a store it cannot use stops the start in one line (a read-models file that is no database is moved aside and rebuilt)
  await checkStores({
    dataDir: options.dataDir,
    eventStoreUrl: options.eventStore ? null : options.eventStoreUrl,
    mongodbUrl: options.mongodbUrl,
    files: storeFilesOpened(options),
    warn: (message) => logger.warn(message),
  });
  const runtime = await openInfrastructure({ ...options, projectionHealth: options.projectionHealth ?? projections.source });
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(runtime, { auth: options.auth, rateLimitPerMinute: http.rateLimitPerMinute }, projections),
      { logger: new PinoNestLogger(logger), abortOnError: false },
    );
  } catch (error) {
    await runtime.close();
    throw error;
  }
  app.disable('x-powered-by');
  // request log, helmet, CORS and correlation id first, then the body parsers: see http-hardening.ts
  applyHttpHardening(app, http, logger);
  app.useGlobalPipes(createApiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  setUpOpenApi(app);
  await app.init();
  return app;
}
