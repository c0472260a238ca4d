import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'pino';
import { CORRELATION_HEADER } from '../http/correlation-id.middleware';
import { HttpHardeningSettings } from './http-hardening-settings';
import { requestLogMiddleware } from './request-log.middleware';

/**
 * Applies what guards cannot: the request log (first, so every answer is logged),
 * the JSON body limit, and CORS, which stays closed (no CORS headers at all) unless
 * CORS_ORIGINS lists origins. Call before `app.init()`.
 */
export function applyHttpHardening(app: NestExpressApplication, settings: HttpHardeningSettings, logger: Logger): void {
  app.use(requestLogMiddleware(logger));
  app.useBodyParser('json', { limit: settings.requestBodyLimit });
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
