import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'pino';
import { CORRELATION_HEADER } from '../http/correlation-id.middleware';
import { HttpHardeningSettings } from './http-hardening-settings';
import { prototypeKeysMiddleware } from './prototype-keys.middleware';
import { requestLogMiddleware } from './request-log.middleware';

/**
 * Applies what guards cannot: the request log (first, so every answer is logged), the
 * body limit, a refusal of body keys named like inherited properties, and CORS, which
 * stays closed (no CORS headers at all) unless CORS_ORIGINS lists origins. Call before
 * `app.init()`.
 */
export function applyHttpHardening(app: NestExpressApplication, settings: HttpHardeningSettings, logger: Logger): void {
  app.use(requestLogMiddleware(logger));
  app.useBodyParser('json', { limit: settings.requestBodyLimit });
  app.useBodyParser('urlencoded', { limit: settings.requestBodyLimit, extended: true });
  app.use(prototypeKeysMiddleware);
  if (settings.corsOrigins.length > 0) {
    app.enableCors({
      origin: settings.corsOrigins,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', CORRELATION_HEADER],
      exposedHeaders: [CORRELATION_HEADER, 'Idempotent-Replayed', 'WWW-Authenticate'],
      credentials: false,
      maxAge: 600,
    });
  }
}
