import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { RequestWithActor } from './current-actor.decorator';

const USER = 'user:';

/**
 * The rate limit counts per user across all routes (AuthenticationGuard runs first and
 * sets request.user); a request without a user (a token missing or refused) counts per
 * address. It runs before AccessGuard, so 401s and 403s are counted too. /health is not
 * limited (@SkipThrottle on it): a health probe is not turned away by a busy address.
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = (request as RequestWithActor).user;
    return user ? `${USER}${user.userId}` : `ip:${String(request.ip)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async getErrorMessage(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<string> {
    const whose = detail.tracker.startsWith(USER) ? 'per user' : 'from one address without a token';
    return `Too many requests: at most ${detail.limit} a minute ${whose}. Retry after ${detail.timeToBlockExpire} s.`;
  }
}
