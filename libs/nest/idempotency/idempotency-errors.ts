/** The key was used before with a different request: 422, nothing runs. */
export class IdempotencyKeyReusedError extends Error {
  readonly rule = 'idempotency-key-reused';
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request (method, path or body).`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A request with the same key is still running after the wait: 409, retry later. */
export class IdempotencyKeyInUseError extends Error {
  readonly rule = 'idempotency-key-in-use';
  constructor(readonly key: string) {
    super(`A request with Idempotency-Key "${key}" is still running; retry later with the same key.`);
    this.name = 'IdempotencyKeyInUseError';
  }
}
