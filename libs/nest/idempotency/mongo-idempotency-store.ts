import { Collection, MongoClient, MongoServerError } from 'mongodb';
import { IdempotencyClaim, IdempotencyStore, StoredResponse } from './idempotency-store.port';
import { mongoDatabaseName } from '../../read-store/mongodb/database-name';

interface IdempotencyDocument {
  _id: string;
  fingerprint: string;
  state: 'in-progress' | 'completed';
  claimedAt: number;
  response?: StoredResponse;
  completedAt?: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Idempotency records in MongoDB (production, MONGODB_URL), one document per key in
 * `idempotencyKeys`. The unique _id makes the first claim atomic; taking over a dead
 * claim is a conditional update on the claim time read, so only one request wins it.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<IdempotencyDocument>,
  ) {}

  static async connect(url: string, collection = 'idempotencyKeys'): Promise<MongoIdempotencyStore> {
    const client = await MongoClient.connect(url);
    return new MongoIdempotencyStore(client, client.db(mongoDatabaseName(url)).collection<IdempotencyDocument>(collection));
  }

  async claim(key: string, fingerprint: string, now: Date, leaseMs: number): Promise<IdempotencyClaim> {
    const claimedAt = now.getTime();
    try {
      await this.keys.insertOne({ _id: key, fingerprint, state: 'in-progress', claimedAt });
      return { outcome: 'claimed' };
    } catch (error) {
      if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
    const existing = await this.keys.findOne({ _id: key });
    if (!existing) return this.claim(key, fingerprint, now, leaseMs); // released in between
    if (existing.state === 'completed') {
      return { outcome: 'completed', fingerprint: existing.fingerprint, response: existing.response as StoredResponse };
    }
    if (claimedAt - existing.claimedAt >= leaseMs) {
      const taken = await this.keys.updateOne(
        { _id: key, state: 'in-progress', claimedAt: existing.claimedAt },
        { $set: { fingerprint, claimedAt } },
      );
      if (taken.modifiedCount === 1) return { outcome: 'claimed' };
    }
    return { outcome: 'in-progress', fingerprint: existing.fingerprint };
  }

  async complete(key: string, response: StoredResponse, now: Date): Promise<void> {
    await this.keys.updateOne({ _id: key }, { $set: { state: 'completed', response, completedAt: now.getTime() } });
  }

  async release(key: string): Promise<void> {
    await this.keys.deleteOne({ _id: key, state: 'in-progress' });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
