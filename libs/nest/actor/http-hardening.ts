import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'pino';
import helmet from 'helmet';
import { CORRELATION_HEADER, correlationIdMiddleware } from '../http/correlation-id.middleware';
import { HttpHardeningSettings } from './http-hardening-settings';
import { jsonObjectBodyMiddleware } from './json-object-body.middleware';
import { prototypeKeysMiddleware } from './prototype-keys.middleware';
import { requestLogMiddleware } from './request-log.middleware';

/**
 * Applies what guards cannot, in this order, so that every answer, even one refused
 * before the app (a 413, malformed JSON, a prototype key), is logged and carries the same
 * headers: the request log; helmet's headers; CORS, which stays closed (no CORS headers
 * at all) unless CORS_ORIGINS lists origins; the correlation id; then the body limit and
 * parser, the refusal of a body that is not a JSON object and of body keys named like
 * inherited properties. Call before `app.init()`.
 */
export function applyHttpHardening(app: NestExpressApplication, settings: HttpHardeningSettings, logger: Logger): void {
  app.use(requestLogMiddleware(logger));
  // the OpenAPI page needs its inline script; the API itself answers JSON only
  app.use(helmet({ contentSecurityPolicy: false }));
  applyCors(app, settings.corsOrigins);
  app.use(correlationIdMiddleware);
  // not strict: JSON that is not an object is parsed, then refused as not an object
  app.useBodyParser('json', { limit: settings.requestBodyLimit, strict: false });
  // registered with the limit, else Nest adds its own; such a body is refused next anyway
  app.useBodyParser('urlencoded', { limit: settings.requestBodyLimit, extended: true });
  app.use(jsonObjectBodyMiddleware);
  app.use(prototypeKeysMiddleware);
}

function applyCors(app: NestExpressApplication, corsOrigins: string[]): void {
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: corsOrigins,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', CORRELATION_HEADER],
      exposedHeaders: [CORRELATION_HEADER, 'Idempotent-Replayed', 'WWW-Authenticate'],
      credentials: false,
      maxAge: 600,
    });
  }
}
