/** The response a command gave, kept so that a retry with the same key gets it again. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * What a key holds when a request tries to claim it:
 * - `claimed`: the key was free (or its holder's lease ran out); this request runs the command;
 * - `completed`: a request with this key already ran; here is its fingerprint and response;
 * - `in-progress`: a request with this key is running now.
 */
export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'completed'; fingerprint: string; response: StoredResponse }
  | { outcome: 'in-progress'; fingerprint: string };

/**
 * Idempotency records, one per key. `claim` is atomic: of two requests claiming one key
 * at once, exactly one gets `claimed`, so a command with a key runs at most once at a
 * time and its successful result is kept. A claim whose request died (its lease ran out)
 * can be claimed again.
 */
export interface IdempotencyStore {
  claim(key: string, fingerprint: string, now: Date, leaseMs: number): Promise<IdempotencyClaim>;
  /** keeps the response of the request that holds the claim */
  complete(key: string, response: StoredResponse, now: Date): Promise<void>;
  /** frees the key after a failed request, so that a retry runs the command again */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');
