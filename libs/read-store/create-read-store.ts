import { join } from 'node:path';
import { ReadStore } from './read-store.port';
import { SqliteReadStore } from './sqlite/sqlite-read-store';
import { MongoDbReadStore } from './mongodb/mongodb-read-store';

export interface ReadStoreEnv {
  /** set: MongoDB (production); unset: the embedded SQLite file */
  MONGODB_URL?: string;
  /** where the embedded store keeps `read-models.sqlite` */
  DATA_DIR: string;
}

/** The read store the environment asks for: MongoDB when MONGODB_URL is set, else SQLite in DATA_DIR. */
export function createReadStore(env: ReadStoreEnv): ReadStore {
  if (env.MONGODB_URL) return new MongoDbReadStore({ url: env.MONGODB_URL });
  return new SqliteReadStore({ file: join(env.DATA_DIR, 'read-models.sqlite') });
}
