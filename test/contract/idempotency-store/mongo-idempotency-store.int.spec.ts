import { MongoClient } from 'mongodb';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { skippedSuite } from '../../support/skipped-suite';
import { MongoIdempotencyStore } from '../../../libs/nest/idempotency/mongo-idempotency-store';

const url = process.env.MONGODB_URL?.trim();
const collection = `idempotencyKeys_test_${process.pid}`;

if (url) {
  idempotencyStoreContract(
    'MongoIdempotencyStore',
    () => MongoIdempotencyStore.connect(url, collection),
    async () => {
      const client = await MongoClient.connect(url);
      await client.db().collection(collection).drop().catch(() => undefined);
      await client.close();
    },
  );
} else {
  skippedSuite(
    'MongoIdempotencyStore (IdempotencyStore contract)',
    'MONGODB_URL is not set: no MongoDB here. Set MONGODB_URL=mongodb://host:27017/iro_test to run it.',
  );
}
