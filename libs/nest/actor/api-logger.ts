import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { LogLevel } from './http-hardening-settings';

/**
 * The API's JSON logger. What it may carry is fixed by the request log and the error
 * filter: method, route pattern, status, latency, user id, correlation id, and for an
 * unexpected error its class, message and stack. Never bodies, names, dates of birth
 * or free text about a child.
 */
export function createApiLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return createJsonLogger('iro-oversight-api', level, destination);
}

/** JSON lines (pino) at `level`, each naming the service: the API's and the projector service's logs alike. */
export function createJsonLogger(service: string, level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // asynchronous by default: a log line never holds a request up on the write; pino flushes on exit
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Nest's own log lines (start-up, route mapping, errors) through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: unknown): void {
    // Nest says this once initialised, before listening (which may yet fail): `iro serve` says when it listens
    if (message === 'Nest application successfully started') return;
    this.logger.info(fields(context), text(message));
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?)
    const [stack, context] = rest.length >= 2 ? rest : [rest[0], undefined];
    this.logger.error({ ...fields(context), ...(typeof stack === 'string' ? { stack } : {}) }, text(message));
  }
  warn(message: unknown, context?: unknown): void {
    this.logger.warn(fields(context), text(message));
  }
  debug(message: unknown, context?: unknown): void {
    this.logger.debug(fields(context), text(message));
  }
  verbose(message: unknown, context?: unknown): void {
    this.logger.trace(fields(context), text(message));
  }
  fatal(message: unknown, context?: unknown): void {
    this.logger.fatal(fields(context), text(message));
  }
}

const fields = (context: unknown): Record<string, unknown> => (typeof context === 'string' ? { context } : {});
const text = (message: unknown): string => (message instanceof Error ? message.message : String(message));
