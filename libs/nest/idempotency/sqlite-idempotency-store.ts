import Database from 'better-sqlite3';
import { IdempotencyClaim, IdempotencyStore, StoredResponse } from './idempotency-store.port';

interface Row {
  fingerprint: string;
  state: 'in-progress' | 'completed';
  claimed_at: number;
  response_status: number | null;
  response_body: string | null;
}

/** Idempotency records in a SQLite file (the embedded default: DATA_DIR/idempotency.sqlite). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly claimInTransaction: (key: string, fingerprint: string, now: number, leaseMs: number) => IdempotencyClaim;
  private readonly completeStatement: Database.Statement;
  private readonly releaseStatement: Database.Statement;

  constructor(options: { file: string }) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in-progress', 'completed')),
        claimed_at INTEGER NOT NULL,
        response_status INTEGER,
        response_body TEXT,
        completed_at INTEGER
      )`);
    const select = this.db.prepare<[string], Row>(
      'SELECT fingerprint, state, claimed_at, response_status, response_body FROM idempotency_keys WHERE key = ?',
    );
    const insert = this.db.prepare(
      "INSERT INTO idempotency_keys (key, fingerprint, state, claimed_at) VALUES (?, ?, 'in-progress', ?)",
    );
    const takeOver = this.db.prepare(
      "UPDATE idempotency_keys SET fingerprint = ?, claimed_at = ? WHERE key = ? AND state = 'in-progress'",
    );
    this.completeStatement = this.db.prepare(
      "UPDATE idempotency_keys SET state = 'completed', response_status = ?, response_body = ?, completed_at = ? WHERE key = ?",
    );
    this.releaseStatement = this.db.prepare("DELETE FROM idempotency_keys WHERE key = ? AND state = 'in-progress'");

    // IMMEDIATE: the read and the write happen under one write lock, also across processes.
    this.claimInTransaction = this.db
      .transaction((key: string, fingerprint: string, now: number, leaseMs: number): IdempotencyClaim => {
        const row = select.get(key);
        if (!row) {
          insert.run(key, fingerprint, now);
          return { outcome: 'claimed' };
        }
        if (row.state === 'completed') {
          return {
            outcome: 'completed',
            fingerprint: row.fingerprint,
            response: { status: row.response_status as number, body: JSON.parse(row.response_body as string) },
          };
        }
        if (now - row.claimed_at >= leaseMs) {
          takeOver.run(fingerprint, now, key);
          return { outcome: 'claimed' };
        }
        return { outcome: 'in-progress', fingerprint: row.fingerprint };
      })
      .immediate as (key: string, fingerprint: string, now: number, leaseMs: number) => IdempotencyClaim;
  }

  async claim(key: string, fingerprint: string, now: Date, leaseMs: number): Promise<IdempotencyClaim> {
    return this.claimInTransaction(key, fingerprint, now.getTime(), leaseMs);
  }

  async complete(key: string, response: StoredResponse, now: Date): Promise<void> {
    this.completeStatement.run(response.status, JSON.stringify(response.body ?? null), now.getTime(), key);
  }

  async release(key: string): Promise<void> {
    this.releaseStatement.run(key);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
