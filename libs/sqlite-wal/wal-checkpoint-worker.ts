import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { WalCheckpointWorkerData } from './wal-checkpointer';

/**
 * The background checkpointer's thread: every `intervalMs`, a PASSIVE checkpoint of each
 * file (copies what the write-ahead log holds into the database and syncs both, without
 * waiting for or blocking readers and writers). A file is opened once it exists.
 */
const { files, intervalMs } = workerData as WalCheckpointWorkerData;
const open = new Map<string, Database.Database>();

function checkpointAll(): void {
  for (const file of files) {
    let db = open.get(file);
    if (!db) {
      if (!existsSync(file)) continue;
      db = new Database(file, { fileMustExist: true, timeout: 0 });
      open.set(file, db);
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // busy or locked: the next round tries again (and the writers' own checkpoints still run)
    }
  }
}

const timer = setInterval(checkpointAll, intervalMs);
parentPort!.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  for (const db of open.values()) db.close();
  parentPort!.postMessage('stopped');
  parentPort!.close();
});
parentPort!.postMessage('started');
