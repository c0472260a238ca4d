import { join } from 'path';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { SqliteIdempotencyStore } from '../../../libs/nest/idempotency/sqlite-idempotency-store';
import { useTempFolder } from '../../../libs/testing/temp-folder';

const dir = useTempFolder('iro-idempotency-', 'all');

idempotencyStoreContract('SqliteIdempotencyStore', async () => new SqliteIdempotencyStore({ file: join(dir(), 'idempotency.sqlite') }));

describe('SqliteIdempotencyStore across connections', () => {
  it('lets only one of two connections to the same file (two processes) claim a key', async () => {
    const file = join(dir(), 'shared.sqlite');
    const a = new SqliteIdempotencyStore({ file });
    const b = new SqliteIdempotencyStore({ file });
    try {
      const now = new Date();
      expect(await a.claim('k', 'f', now, 60_000)).toEqual({ outcome: 'claimed' });
      expect(await b.claim('k', 'f', now, 60_000)).toEqual({ outcome: 'in-progress', fingerprint: 'f' });
      await a.complete('k', { status: 201, body: { ok: true } }, now);
      expect(await b.claim('k', 'f', now, 60_000)).toMatchObject({ outcome: 'completed', response: { body: { ok: true } } });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
