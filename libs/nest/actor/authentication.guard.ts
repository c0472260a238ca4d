import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Request, Response } from 'express';
import { accessRuleFor } from '../../auth/access-policy';
import { AuthUnavailableError, InvalidTokenError, UnusableIdentityError } from '../../auth/token-errors';
import { TokenActor, TokenVerifier } from '../../auth/token-verifier';
import { TOKEN_VERIFIER } from './access-tokens';
import { bearerTokenOf, unauthorized } from './bearer-token';
import { RequestWithActor } from './current-actor.decorator';
import { policyMethodOf, routePathOf } from './request-access';

/** What the authentication guard leaves for the access guard: the caller, or why they could not be known. */
export interface RequestWithAuthentication {
  /** the verified caller (also `request.user`) */
  caller?: TokenActor;
  authenticationFailure?: Error;
}

/**
 * First in front of every route: verifies the bearer token and sets `request.user`. A
 * failure (401, 403 for an unusable identity, 503) is kept on the request, not thrown, so
 * that the rate limit, which runs next, counts the request (per address, there being no
 * user) before AccessGuard answers with it. Public routes are passed untouched.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor & RequestWithAuthentication>();
    const response = context.switchToHttp().getResponse<Response>();
    const rule = accessRuleFor(policyMethodOf(request.method), routePathOf(request) ?? request.path);
    if (rule?.public) return true;
    try {
      request.caller = await this.authenticate(request, response);
      request.user = request.caller;
    } catch (error) {
      request.authenticationFailure = error instanceof Error ? error : new Error(String(error));
    }
    return true;
  }

  private async authenticate(request: Request, response: Response): Promise<TokenActor> {
    const token = bearerTokenOf(request, response);
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(response, `The bearer token is not accepted: ${error.message}.`, true);
      if (error instanceof UnusableIdentityError) throw new ForbiddenException(`Forbidden: ${error.message}.`);
      if (error instanceof AuthUnavailableError) throw new ServiceUnavailableException(`Sign-in cannot be checked now: ${error.message}.`);
      throw error;
    }
  }
}
