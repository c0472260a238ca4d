import { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import { RequestWithCorrelation } from '../http/correlation-id.middleware';
import { RequestWithActor } from './current-actor.decorator';
import { routePathOf } from './request-access';

/**
 * One JSON line per request when its answer is sent: method, the route pattern (never
 * the URL, whose query could carry anything), status, latency, user id and correlation
 * id. Nothing from the body or the answer.
 */
export function requestLogMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const req = request as Request & RequestWithActor & RequestWithCorrelation;
      const status = response.statusCode;
      const entry = {
        method: req.method,
        route: routePathOf(req) ?? '(no route)',
        status,
        latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
        userId: req.user?.userId ?? null,
        correlationId: req.correlationId ?? null,
      };
      if (status >= 500) logger.error(entry, 'request failed');
      else logger.info(entry, 'request');
    });
    next();
  };
}
