import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { SQLITE_ACCESS_AUDIT_FILE } from './access-audit-file';
import { EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { INFRASTRUCTURE_RUNTIME, InfrastructureRuntime } from '../nest/infrastructure/infrastructure-runtime';

export const ACCESS_AUDIT_STORE = Symbol('AccessAuditStore');

/**
 * Where the access audit's day streams live. On EventStoreDB: the same database as
 * the events (streams `audit-access-<day>`). Embedded: its own SQLite file beside the
 * events, `access-audit.sqlite`, so that reads, which far outnumber records, never
 * move the oversight store's global positions or lengthen the replays of reports and
 * projections; it can also be kept and secured on its own terms.
 */
@Injectable()
export class AccessAuditStoreHolder implements OnApplicationShutdown {
  readonly store: EventStore;
  private readonly owned: boolean;

  constructor(@Inject(INFRASTRUCTURE_RUNTIME) runtime: InfrastructureRuntime) {
    this.owned = runtime.eventStoreKind !== 'eventstoredb';
    this.store = this.owned
      ? new SqliteEventStore({ file: join(runtime.dataDir, SQLITE_ACCESS_AUDIT_FILE), clock: runtime.clock, synchronous: runtime.sqliteSynchronous })
      : runtime.eventStore;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.store.close();
  }
}
