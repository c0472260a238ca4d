import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RequestWithActor } from '../actor/current-actor.decorator';
import { IDEMPOTENCY_HEADER, wasFoundRecorded } from '../commands/command-origin';
import { badRequest, FieldError } from '../http/field-errors';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency-errors';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency-store.port';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a running request holds its key before another may take it over (it died). */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/** How long a duplicate waits for the first request with its key to finish. */
export const IDEMPOTENCY_WAIT_MS = 15_000;
const POLL_MS = 20;

/** What is wrong with an `Idempotency-Key` header, if anything (none when it is missing). */
export function idempotencyKeyErrors(header: string | undefined): FieldError[] {
  if (header === undefined || IDEMPOTENCY_KEY_PATTERN.test(header)) return [];
  return [{ field: IDEMPOTENCY_HEADER, messages: [`${IDEMPOTENCY_HEADER} must be 1-255 visible ASCII characters, e.g. a uuid`] }];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Idempotency-Key` on a command: the first request with a key runs and its successful
 * response (status and body) is kept; a retry with the same key and the same request
 * gets that response again without running the command; the same key with another
 * request is refused (422). A duplicate arriving while the first still runs waits for
 * it. A failed request frees its key, so the client may retry it with the same key.
 * Keys belong to the caller: two users' keys never meet.
 *
 * Leases and waits are measured on the wall clock, not the injected business clock
 * (which tests fix), because they are about processes, not about the records.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const response = context.switchToHttp().getResponse<Response>();
    const given = request.header(IDEMPOTENCY_HEADER);
    if (given === undefined) return next.handle();
    const malformed = idempotencyKeyErrors(given);
    if (malformed.length > 0) throw badRequest(malformed);
    const key = `${request.user?.userId ?? 'anonymous'}:${given}`;
    const fingerprint = requestFingerprint(request.method, request.path, request.body);
    return from(this.runOnce(key, given, fingerprint, request, response, next));
  }

  private async runOnce(key: string, given: string, fingerprint: string, request: Request, response: Response, next: CallHandler): Promise<unknown> {
    const waitUntil = Date.now() + IDEMPOTENCY_WAIT_MS;
    for (;;) {
      const claim = await this.store.claim(key, fingerprint, new Date(), IDEMPOTENCY_LEASE_MS);
      if (claim.outcome === 'claimed') break;
      if (claim.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(given);
      if (claim.outcome === 'completed') {
        response.status(claim.response.status);
        response.setHeader(REPLAYED_HEADER, 'true');
        return claim.response.body;
      }
      if (Date.now() >= waitUntil) throw new IdempotencyKeyInUseError(given);
      await sleep(POLL_MS);
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.store.release(key);
      throw error;
    }
    await this.store.complete(key, { status: response.statusCode, body: body ?? null }, new Date());
    // the command had been recorded before a crash: this answer is the first one again
    if (wasFoundRecorded(request)) response.setHeader(REPLAYED_HEADER, 'true');
    return body;
  }
}
