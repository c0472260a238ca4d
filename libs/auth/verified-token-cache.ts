import type { TokenActor } from './token-verifier';

/**
 * Tokens already verified, with the actor each names, until the token expires: a client
 * sends the same token with every request, and checking its signature and claims again
 * each time costs more than most queries. Only tokens that passed are kept; an expired
 * one is verified again in full (and refused). Bounded: past `capacity` tokens the
 * oldest is forgotten.
 */
export class VerifiedTokenCache {
  private readonly tokens = new Map<string, { actor: TokenActor; expiresAtMs: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  actorFor(token: string): TokenActor | undefined {
    const kept = this.tokens.get(token);
    if (kept === undefined) return undefined;
    if (this.now() < kept.expiresAtMs) return kept.actor;
    this.tokens.delete(token);
    return undefined;
  }

  /** `expiresAtSeconds`: the token's exp claim */
  remember(token: string, actor: TokenActor, expiresAtSeconds: number): void {
    if (this.tokens.size >= this.capacity) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(token, { actor, expiresAtMs: expiresAtSeconds * 1000 });
  }
}
