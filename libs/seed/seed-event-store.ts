import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { planHistory } from './plan/plan-history';
import { plannedCommands } from './run/planned-commands';
import { SeedClock } from './run/seed-clock';
import { SeedWriteResult, writeSeedHistory } from './run/write-seed-history';
import { seedConfig } from './seed-config';
import { SeedProfile } from './seed-profile';

export interface SeedSummary extends SeedWriteResult {
  profile: string;
  children: number;
  challenges: number;
  /** milliseconds spent planning, and deciding + appending */
  planMs: number;
  writeMs: number;
}

/**
 * Writes a profile's history into an SQLite event store file (created if missing), which
 * must hold no events yet. Deterministic: the same profile gives the same events, ids and
 * recordedAt in the same order.
 */
export async function seedEventStore(profile: SeedProfile, file: string): Promise<SeedSummary> {
  const clock = new SeedClock();
  const store = new SqliteEventStore({ file, clock });
  try {
    const head = await store.headPosition();
    if (head > 0) throw new SeedStoreNotEmptyError(file, head);
    const planning = process.hrtime.bigint();
    const plan = planHistory(profile);
    const commands = plannedCommands(profile, plan);
    const writing = process.hrtime.bigint();
    const written = writeSeedHistory(commands, store, clock, seedConfig(profile), `seed:${profile.name}`);
    const done = process.hrtime.bigint();
    return {
      profile: profile.name, children: plan.children.length, challenges: plan.challenges.length, ...written,
      planMs: Number(writing - planning) / 1e6, writeMs: Number(done - writing) / 1e6,
    };
  } finally {
    await store.close();
  }
}

export class SeedStoreNotEmptyError extends Error {
  constructor(
    readonly file: string,
    readonly events: number,
  ) {
    super(`the event store ${file} already holds ${events} events; seed into an empty data folder`);
    this.name = 'SeedStoreNotEmptyError';
  }
}
