import {
  CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, ServiceUnavailableException,
} from '@nestjs/common';
import { Request, Response } from 'express';
import { checkAccess, OwnershipLookups } from '../../auth/access-check';
import { accessRuleFor, AccessRule } from '../../auth/access-policy';
import { AuthUnavailableError, InvalidTokenError, UnusableIdentityError } from '../../auth/token-errors';
import { TokenActor, TokenVerifier } from '../../auth/token-verifier';
import { AccessAuditRecorder } from '../../access-audit/access-audit-recorder';
import { auditedRecordOf } from '../../access-audit/audited-record';
import { RequestWithCorrelation } from '../http/correlation-id.middleware';
import { OWNERSHIP_LOOKUPS, TOKEN_VERIFIER } from './access-tokens';
import { bearerTokenOf, unauthorized } from './bearer-token';
import { RequestWithActor } from './current-actor.decorator';
import { policyMethodOf, RequestWithAccess, routePathOf } from './request-access';

type AccessedRequest = Request & RequestWithActor & RequestWithAccess & RequestWithCorrelation;

/**
 * In front of every route: verifies the bearer token (401), sets `request.user` to
 * `{ userId, role }`, and decides the request against the access table in
 * libs/auth/access-policy.ts (403). A refused read of a child's record is itself
 * audited. A list an IRO may see only in part is narrowed to them here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(OWNERSHIP_LOOKUPS) private readonly lookups: OwnershipLookups,
    @Optional() private readonly audit?: AccessAuditRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AccessedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const method = policyMethodOf(request.method);
    const routePath = routePathOf(request) ?? request.path;
    const rule = accessRuleFor(method, routePath);
    if (rule?.public) return true;

    const actor = await this.authenticate(request, response);
    request.user = actor;
    const verdict = await checkAccess(
      actor,
      { method, routePath, params: request.params as Record<string, string>, query: request.query as Record<string, unknown>, body: request.body },
      this.lookups,
    );
    if (!verdict.allowed) {
      await this.auditRefusal(rule, actor, request, routePath);
      throw new ForbiddenException(`Forbidden: ${verdict.reason}.`);
    }
    request.accessRule = verdict.rule;
    if (verdict.scope) narrowQuery(request, verdict.scope.field, verdict.scope.value);
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

  private async auditRefusal(rule: AccessRule | undefined, actor: TokenActor, request: AccessedRequest, routePath: string): Promise<void> {
    if (!rule?.audit || !this.audit) return;
    const record = auditedRecordOf(rule.audit, request.params as Record<string, string>, undefined);
    await this.audit.record({
      actor,
      what: rule.audit.what,
      route: `${rule.method} ${routePath}`,
      recordId: record.recordId,
      childIds: record.childIds,
      outcome: 'denied',
      correlationId: request.correlationId ?? 'none',
    });
  }
}

/**
 * Sets one query field by rewriting the URL: Express 5 parses `request.query` from
 * `request.url` on every read, so this is what the controller will see.
 */
function narrowQuery(request: Request, field: string, value: string): void {
  const question = request.url.indexOf('?');
  const path = question === -1 ? request.url : request.url.slice(0, question);
  const query = new URLSearchParams(question === -1 ? '' : request.url.slice(question + 1));
  query.set(field, value);
  request.url = `${path}?${query.toString()}`;
}
