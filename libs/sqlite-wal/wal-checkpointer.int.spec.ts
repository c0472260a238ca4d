import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { useTempFolder } from '../testing/temp-folder';
import { WalCheckpointer } from './wal-checkpointer';

const TYPESCRIPT_LOADER = ['-r', require.resolve('../../test/reliability/support/register-typescript.js')];

const dir = useTempFolder('wal-checkpointer-');

describe('WalCheckpointer', () => {
  it('copies what a writer leaves in the write-ahead log into the database, from its own thread', async () => {
    const file = join(dir(), 'events.sqlite');
    const later = join(dir(), 'not-yet.sqlite');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    // the writer never checkpoints: only the background thread can move the pages into the file
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = writer.prepare('INSERT INTO rows (body) VALUES (?)');
    writer.transaction(() => {
      for (let i = 0; i < 2_000; i += 1) insert.run('x'.repeat(1_000));
    })();
    const sizeBefore = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);

    const checkpointer = await WalCheckpointer.start([file, later], { intervalMs: 20, execArgv: TYPESCRIPT_LOADER });
    try {
      const waitedUntil = Date.now() + 10_000;
      while (statSync(file).size <= 2_000_000 && Date.now() < waitedUntil) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sizeBefore).toBeLessThan(100_000);
      expect(statSync(file).size).toBeGreaterThan(2_000_000);
      // everything is in the database: the writer's next transaction starts the log again
      const [{ log, checkpointed }] = writer.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(checkpointed).toBe(log);
      expect(writer.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(2_000);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it('refuses to start when its worker cannot load, and the writers checkpoint as before', async () => {
    await expect(WalCheckpointer.start([join(dir(), 'events.sqlite')], { execArgv: ['--no-such-node-option'] })).rejects.toThrow();
  });
});
