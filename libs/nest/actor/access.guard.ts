import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { checkAccess, OwnershipLookups } from '../../auth/access-check';
import { accessRuleFor, AccessRule } from '../../auth/access-policy';
import { TokenActor } from '../../auth/token-verifier';
import { AccessAuditRecorder } from '../../access-audit/access-audit-recorder';
import { auditedRecordOf } from '../../access-audit/audited-record';
import { RequestWithCorrelation } from '../http/correlation-id.middleware';
import { OWNERSHIP_LOOKUPS } from './access-tokens';
import { RequestWithAuthentication } from './authentication.guard';
import { RequestWithActor } from './current-actor.decorator';
import { policyMethodOf, RequestWithAccess, routePathOf } from './request-access';

type AccessedRequest = Request & RequestWithActor & RequestWithAccess & RequestWithCorrelation & RequestWithAuthentication;

/**
 * Last in front of every route, after AuthenticationGuard (who is calling) and the rate
 * limit (how often, so refused requests count too): answers the authentication failure
 * if there was one (401), and decides the request of `request.user` against the access
 * table in libs/auth/access-policy.ts (403). A refused read of a child's record is itself
 * audited. A list an IRO may see only in part is narrowed to them here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(OWNERSHIP_LOOKUPS) private readonly lookups: OwnershipLookups,
    @Optional() private readonly audit?: AccessAuditRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AccessedRequest>();
    const method = policyMethodOf(request.method);
    const routePath = routePathOf(request) ?? request.path;
    const rule = accessRuleFor(method, routePath);
    if (rule?.public) return true;

    if (request.authenticationFailure) throw request.authenticationFailure;
    const actor = request.caller;
    if (!actor) throw new UnauthorizedException('No authenticated user on this request.');
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
