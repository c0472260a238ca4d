/**
 * The HTTP hardening a deployment may tune, read from the environment and checked at
 * start: CORS (closed unless origins are listed), the per-user rate limit, the request
 * body limit and the log level.
 */
export interface HttpHardeningSettings {
  /** CORS_ORIGINS: browser origins allowed to call the API; [] (default) = no cross-origin calls */
  corsOrigins: string[];
  /** RATE_LIMIT_PER_MINUTE: requests per user per minute (default 1200); null = off (RATE_LIMIT_PER_MINUTE=off) */
  rateLimitPerMinute: number | null;
  /** REQUEST_BODY_LIMIT: largest JSON body, e.g. 100kb (default), 1mb */
  requestBodyLimit: string;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_HTTP_HARDENING: HttpHardeningSettings = {
  corsOrigins: [],
  rateLimitPerMinute: 1200,
  requestBodyLimit: '100kb',
  logLevel: 'info',
};

/** LOG_LEVEL: the API and the projector service read it alike. */
export const LOG_LEVEL_HELP = 'LOG_LEVEL             fatal, error, warn, info (default), debug, trace or silent';

/** LOG_LEVEL from the environment (unset or empty: info), or an error naming it. */
export function readLogLevel(env: NodeJS.ProcessEnv): { logLevel: LogLevel } | { error: string } {
  const logLevel = (env.LOG_LEVEL?.trim() || DEFAULT_HTTP_HARDENING.logLevel).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) return { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` };
  return { logLevel: logLevel as LogLevel };
}

export const HTTP_HARDENING_HELP = [
  'CORS_ORIGINS          browser origins allowed to call the API, comma-separated (default: none, CORS closed)',
  'RATE_LIMIT_PER_MINUTE requests per user per minute (default 1200; "off" to disable)',
  'REQUEST_BODY_LIMIT    largest JSON request body, e.g. 100kb (default) or 1mb (at most 10mb)',
  LOG_LEVEL_HELP,
];

const BODY_LIMIT = /^(\d{1,5})(kb|mb)$/;

export type HttpHardeningResult = { settings: HttpHardeningSettings } | { errors: string[] };

export function loadHttpHardeningSettings(env: NodeJS.ProcessEnv): HttpHardeningResult {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const errors: string[] = [];

  const corsOrigins = (read('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (origin === '*') {
      errors.push('CORS_ORIGINS must list origins (https://iro.example.gov.uk), not "*": the API holds children\'s records');
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      errors.push(`CORS_ORIGINS: "${origin}" is not an origin; write scheme://host[:port] with no path or trailing slash`);
    }
  }

  let rateLimitPerMinute: number | null = DEFAULT_HTTP_HARDENING.rateLimitPerMinute;
  const rate = read('RATE_LIMIT_PER_MINUTE');
  if (rate !== undefined) {
    if (rate.toLowerCase() === 'off') rateLimitPerMinute = null;
    else if (/^\d{1,7}$/.test(rate) && Number(rate) >= 1) rateLimitPerMinute = Number(rate);
    else errors.push(`RATE_LIMIT_PER_MINUTE must be a whole number of requests per user per minute (at least 1) or "off", got "${rate}"`);
  }

  const requestBodyLimit = (read('REQUEST_BODY_LIMIT') ?? DEFAULT_HTTP_HARDENING.requestBodyLimit).toLowerCase();
  const body = BODY_LIMIT.exec(requestBodyLimit);
  if (!body || Number(body[1]) < 1 || Number(body[1]) * (body[2] === 'mb' ? 1024 : 1) > 10 * 1024) {
    errors.push(`REQUEST_BODY_LIMIT must be a size from 1kb to 10mb such as 100kb or 1mb, got "${requestBodyLimit}"`);
  }

  const level = readLogLevel(env);
  if ('error' in level) errors.push(level.error);

  if (errors.length > 0 || 'error' in level) return { errors };
  return { settings: { corsOrigins, rateLimitPerMinute, requestBodyLimit, logLevel: level.logLevel } };
}
