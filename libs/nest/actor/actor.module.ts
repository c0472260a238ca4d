import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthSettings } from '../../auth/auth-settings';
import { StoredOwnership } from '../../auth/stored-ownership';
import { createTokenVerifier } from '../../auth/token-verifier';
import { AccessAuditModule } from '../../access-audit/access-audit.module';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { AccessGuard } from './access.guard';
import { AUTH_SETTINGS, OWNERSHIP_LOOKUPS, TOKEN_VERIFIER } from './access-tokens';
import { UserThrottlerGuard } from './user-throttler.guard';

export interface ActorModuleOptions {
  auth: AuthSettings;
  /** requests per user per minute; null: no limit */
  rateLimitPerMinute: number | null;
}

/**
 * Who is calling and what they may do. AccessGuard verifies the bearer token, sets
 * `request.user` (read by handlers with @CurrentActor()) and applies the access table
 * (libs/auth/access-policy.ts); UserThrottlerGuard then rate-limits per user. The
 * access audit records reads of children's records. Needs EVENT_STORE and CLOCK.
 */
@Module({})
export class ActorModule {
  static forRoot(options: ActorModuleOptions): DynamicModule {
    const limit = options.rateLimitPerMinute;
    return {
      module: ActorModule,
      imports: [
        AccessAuditModule,
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-user', ttl: 60_000, limit: limit ?? Number.MAX_SAFE_INTEGER }],
          skipIf: () => limit === null,
          errorMessage: `Too many requests: at most ${limit ?? 'unlimited'} a minute per user. Wait and retry.`,
        }),
      ],
      providers: [
        { provide: AUTH_SETTINGS, useValue: options.auth },
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(options.auth) },
        { provide: OWNERSHIP_LOOKUPS, useFactory: (store: EventStore) => new StoredOwnership(store), inject: [EVENT_STORE] },
        // guards run in this order: who is calling, then how often
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: UserThrottlerGuard },
      ],
      exports: [AUTH_SETTINGS],
    };
  }
}
