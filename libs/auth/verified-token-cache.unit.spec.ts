import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  const iro = { userId: 'iro-1', role: 'iro' as const };
  const admin = { userId: 'admin-1', role: 'admin' as const };

  it('gives the actor of a token verified before, until the token expires', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    expect(cache.actorFor('token-a')).toBeUndefined();
    cache.remember('token-a', iro, 1_060);
    expect(cache.actorFor('token-a')).toEqual(iro);
    expect(cache.actorFor('token-b')).toBeUndefined();
    now = 1_059_999;
    expect(cache.actorFor('token-a')).toEqual(iro);
    now = 1_060_000;
    expect(cache.actorFor('token-a')).toBeUndefined();
    now = 1_000_000;
    expect(cache.actorFor('token-a')).toBeUndefined();
  });

  it('forgets the oldest token past its capacity', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.remember('token-a', iro, 60);
    cache.remember('token-b', admin, 60);
    cache.remember('token-c', iro, 60);
    expect(cache.actorFor('token-a')).toBeUndefined();
    expect(cache.actorFor('token-b')).toEqual(admin);
    expect(cache.actorFor('token-c')).toEqual(iro);
  });
});
