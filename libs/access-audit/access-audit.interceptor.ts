import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { RequestWithActor } from '../nest/actor/current-actor.decorator';
import { RequestWithAccess, routePathOf } from '../nest/actor/request-access';
import { RequestWithCorrelation } from '../nest/http/correlation-id.middleware';
import { AccessAuditRecorder } from './access-audit-recorder';
import { auditedRecordOf } from './audited-record';

/**
 * After a read of a child's record has been answered by its handler and before the
 * answer leaves, appends who read which children. If the audit cannot be written the
 * read fails: nothing about a child is shown unaudited.
 */
@Injectable()
export class AccessAuditInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AccessAuditRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & RequestWithActor & RequestWithAccess & RequestWithCorrelation>();
    const rule = request.accessRule;
    if (!rule?.audit || !request.user) return next.handle();
    const audit = rule.audit;
    const actor = request.user;
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const record = auditedRecordOf(audit, request.params as Record<string, string>, body);
        await this.recorder.record({
          actor,
          what: audit.what,
          route: `${rule.method} ${routePathOf(request) ?? rule.path}`,
          recordId: record.recordId,
          childIds: record.childIds,
          outcome: 'granted',
          correlationId: request.correlationId ?? 'none',
        });
        return body;
      }),
    );
  }
}
