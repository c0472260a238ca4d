import { IdempotencyStore } from '../../../libs/nest/idempotency/idempotency-store.port';

const LEASE = 60_000;
const at = (ms: number) => new Date(Date.UTC(2020, 2, 31, 12) + ms);

/** What every IdempotencyStore adapter must do; run by each adapter's spec. */
export function idempotencyStoreContract(name: string, open: () => Promise<IdempotencyStore>, cleanUp?: () => Promise<void>): void {
  describe(`${name} (IdempotencyStore contract)`, () => {
    let store: IdempotencyStore;
    let keyCount = 0;
    const newKey = () => `key-${Date.now()}-${(keyCount += 1)}`;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await cleanUp?.();
    });

    it('gives a free key to the first claim only', async () => {
      const key = newKey();
      expect(await store.claim(key, 'f1', at(0), LEASE)).toEqual({ outcome: 'claimed' });
      expect(await store.claim(key, 'f1', at(1), LEASE)).toEqual({ outcome: 'in-progress', fingerprint: 'f1' });
      expect(await store.claim(key, 'f2', at(2), LEASE)).toEqual({ outcome: 'in-progress', fingerprint: 'f1' });
    });

    it('of claims made at once, exactly one wins', async () => {
      const key = newKey();
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim(key, 'f1', at(0), LEASE)));
      expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
    });

    it('keeps the response of a completed request, with its fingerprint', async () => {
      const key = newKey();
      await store.claim(key, 'f1', at(0), LEASE);
      await store.complete(key, { status: 201, body: { id: 'C1', revision: 0, eventIds: ['e1'] } }, at(5));
      expect(await store.claim(key, 'f1', at(10), LEASE)).toEqual({
        outcome: 'completed',
        fingerprint: 'f1',
        response: { status: 201, body: { id: 'C1', revision: 0, eventIds: ['e1'] } },
      });
      expect(await store.claim(key, 'f1', at(LEASE * 10), LEASE)).toMatchObject({ outcome: 'completed' });
    });

    it('frees a released key for the next claim', async () => {
      const key = newKey();
      await store.claim(key, 'f1', at(0), LEASE);
      await store.release(key);
      expect(await store.claim(key, 'f2', at(1), LEASE)).toEqual({ outcome: 'claimed' });
    });

    it('does not release a completed key', async () => {
      const key = newKey();
      await store.claim(key, 'f1', at(0), LEASE);
      await store.complete(key, { status: 201, body: null }, at(1));
      await store.release(key);
      expect(await store.claim(key, 'f1', at(2), LEASE)).toMatchObject({ outcome: 'completed' });
    });

    it('lets a claim whose lease ran out (its request died) be taken over, once', async () => {
      const key = newKey();
      await store.claim(key, 'f1', at(0), LEASE);
      expect(await store.claim(key, 'f1', at(LEASE - 1), LEASE)).toMatchObject({ outcome: 'in-progress' });
      expect(await store.claim(key, 'f1', at(LEASE), LEASE)).toEqual({ outcome: 'claimed' });
      expect(await store.claim(key, 'f1', at(LEASE + 1), LEASE)).toMatchObject({ outcome: 'in-progress' });
    });
  });
}
