import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { RequestWithActor } from './current-actor.decorator';

/**
 * The rate limit counts per user across all routes (AuthenticationGuard runs first and
 * sets request.user); a request without a user (/health, or a token refused) counts per
 * address. It runs before AccessGuard, so 401s and 403s are counted too.
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = (request as RequestWithActor).user;
    return user ? `user:${user.userId}` : `ip:${String(request.ip)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
