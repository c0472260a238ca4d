import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { fixedClock } from '../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { StoredOversightEvent } from '../../src/events/envelope';
import { upcast } from '../../src/events/schema-versions';
import { childStream } from '../../src/events/streams';
import { ImportFile } from '../../libs/interchange/ssda903/read-ssda903-return';

/** The shared fixtures beside the repository (CI clones the repo with shared/ next to it). */
/** public sample data, kept in the repository so that a clone tests with it wherever it lies (see each folder's README for its source and licence) */
export const PUBLIC_FIXTURES = resolve(__dirname, 'fixtures');

export const TODAY = '2020-06-01';
export const config: LocalAuthorityConfig = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, postcodeDistricts: ['TS1', 'TS2'] };

export interface TestStore {
  store: SqliteEventStore;
  close(): Promise<void>;
}

/** An embedded store in a temporary folder, recorded at a fixed instant. */
export function temporaryStore(): TestStore {
  const folder = mkdtempSync(join(tmpdir(), 'interchange-'));
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), clock: fixedClock(`${TODAY}T12:00:00Z`) });
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function streamOf(store: SqliteEventStore, childId: string): Promise<StoredOversightEvent[]> {
  return (await store.readStream(childStream(childId))).map(upcast);
}

/** The stream without voids and the records they void. */
export function liveOf(events: StoredOversightEvent[]): StoredOversightEvent[] {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  return events.filter((event) => event.type !== 'RecordVoided' && !voided.has(event.id));
}

export const csvFile = (name: string, lines: string[]): ImportFile => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });

export const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
export const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
export const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';
