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
import { AuthenticationGuard } from './authentication.guard';
import { UserThrottlerGuard } from './user-throttler.guard';

export interface ActorModuleOptions {
  auth: AuthSettings;
  /** requests per user per minute; null: no limit */
  rateLimitPerMinute: number | null;
}

/**
 * Who is calling and what they may do. AuthenticationGuard verifies the bearer token and
 * sets `request.user` (read by handlers with @CurrentActor()); UserThrottlerGuard then
 * rate-limits per user (per address without one); AccessGuard last answers 401 or applies
 * the access table (libs/auth/access-policy.ts), so refused requests count against the
 * limit like any other. The access audit records reads of children's records. Needs
 * EVENT_STORE and CLOCK.
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
          // the throttler named 'default' answers with the standard Retry-After and X-RateLimit-*
          // headers; any other name is appended to them (Retry-After-per-user)
          throttlers: [{ name: 'default', ttl: 60_000, limit: limit ?? Number.MAX_SAFE_INTEGER }],
          skipIf: () => limit === null,
        }),
      ],
      providers: [
        { provide: AUTH_SETTINGS, useValue: options.auth },
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(options.auth) },
        { provide: OWNERSHIP_LOOKUPS, useFactory: (store: EventStore) => new StoredOwnership(store), inject: [EVENT_STORE] },
        // guards run in this order: who is calling, how often, then whether they may
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: UserThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AUTH_SETTINGS],
    };
  }
}
