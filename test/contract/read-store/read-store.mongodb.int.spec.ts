import { randomUUID } from 'node:crypto';
import { MongoDbReadStore } from '../../../libs/read-store/mongodb/mongodb-read-store';
import { describeReadStoreContract } from './read-store.contract';
import { skippedSuite } from '../../support/skipped-suite';

const url = process.env.MONGODB_URL;

if (url) {
  describeReadStoreContract(`MongoDB at ${url.replace(/\/\/[^@]*@/, '//***@')}`, async () => {
    const store = new MongoDbReadStore({ url, database: `iro_contract_${randomUUID().slice(0, 8)}` });
    return {
      store,
      dispose: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  });
} else {
  skippedSuite(
    'ReadStore contract: MongoDB',
    'MONGODB_URL is not set: no MongoDB server on this machine (no Docker engine). ' +
      'Set MONGODB_URL=mongodb://host:27017 (a replica set exercises transactional commits) to run this suite.',
  );
}
