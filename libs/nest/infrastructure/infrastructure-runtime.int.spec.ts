import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { AccessAuditStoreHolder } from '../../access-audit/access-audit-store';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { useTempFolder } from '../../testing/temp-folder';
import { openInfrastructure } from './infrastructure-runtime';

const folder = useTempFolder('iro-runtime-');

describe('openInfrastructure: the embedded record commits at SQLITE_SYNCHRONOUS', () => {
  it.each([
    [undefined, 'NORMAL'],
    ['FULL' as const, 'FULL'],
  ])('sqliteSynchronous %s: the events and the access audit commit at %s', async (sqliteSynchronous, expected) => {
    const runtime = await openInfrastructure({ dataDir: folder(), config: DEFAULT_LOCAL_AUTHORITY_CONFIG, sqliteSynchronous });
    const audit = new AccessAuditStoreHolder(runtime);
    try {
      expect(runtime.sqliteSynchronous).toBe(expected);
      expect((runtime.eventStore as SqliteEventStore).synchronous).toBe(expected);
      expect((audit.store as SqliteEventStore).synchronous).toBe(expected);
    } finally {
      await audit.onApplicationShutdown();
      await runtime.close();
    }
  });
});
