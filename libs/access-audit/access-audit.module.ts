import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Clock, CLOCK } from '../../src/clock/clock';
import { EventStore } from '../event-store/event-store.port';
import { AccessAuditController } from './access-audit.controller';
import { AccessAuditInterceptor } from './access-audit.interceptor';
import { AccessAuditRecorder } from './access-audit-recorder';
import { ACCESS_AUDIT_STORE, AccessAuditStoreHolder } from './access-audit-store';

/**
 * The access audit: records every read of a child's record (the interceptor, driven by
 * the `audit` column of the access table) and answers GET /audit/access. Needs
 * INFRASTRUCTURE_RUNTIME and CLOCK from the application (see access-audit-store.ts
 * for where the records are kept).
 */
@Module({
  controllers: [AccessAuditController],
  providers: [
    AccessAuditStoreHolder,
    { provide: ACCESS_AUDIT_STORE, useFactory: (holder: AccessAuditStoreHolder) => holder.store, inject: [AccessAuditStoreHolder] },
    {
      provide: AccessAuditRecorder,
      useFactory: (store: EventStore, clock: Clock) => new AccessAuditRecorder(store, clock),
      inject: [ACCESS_AUDIT_STORE, CLOCK],
    },
    { provide: APP_INTERCEPTOR, useClass: AccessAuditInterceptor },
  ],
  exports: [AccessAuditRecorder, ACCESS_AUDIT_STORE],
})
export class AccessAuditModule {}
