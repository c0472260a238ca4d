import { AccessRule, accessRuleFor, OwnershipRule } from './access-policy';
import { TokenActor } from './token-verifier';

/** What the ownership rules need to know from the stored events. */
export interface OwnershipLookups {
  /** the IRO allocated to the child now, or null (unknown child, never allocated) */
  currentIroOf(childId: string): Promise<string | null>;
  /** who raised the challenge, or null (unknown challenge) */
  challengeRaisedBy(challengeId: string): Promise<string | null>;
}

export interface AccessRequest {
  method: string;
  /** the Express route pattern matched, e.g. /children/:childId/history */
  routePath: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export type AccessVerdict =
  | {
      allowed: true;
      rule: AccessRule | undefined;
      /** a list narrowed to the caller: set this query field to the caller's id */
      scope?: { field: string; value: string };
    }
  | { allowed: false; rule: AccessRule | undefined; reason: string };

/** Decides a request of an authenticated actor against the access table. */
export async function checkAccess(actor: TokenActor, request: AccessRequest, lookups: OwnershipLookups): Promise<AccessVerdict> {
  const rule = accessRuleFor(request.method, request.routePath);
  if (rule === undefined) {
    return actor.role === 'admin'
      ? { allowed: true, rule }
      : { allowed: false, rule, reason: `no access rule covers ${request.method} ${request.routePath}; only an admin may use it` };
  }
  const grant = rule.roles[actor.role];
  if (grant === undefined) {
    const allowed = Object.keys(rule.roles).join(', ');
    return { allowed: false, rule, reason: `the ${actor.role} role may not ${rule.action} (allowed: ${allowed})` };
  }
  if (grant === 'any') return { allowed: true, rule };
  return ownershipVerdict(grant, rule, actor, request, lookups);
}

async function ownershipVerdict(
  grant: OwnershipRule,
  rule: AccessRule,
  actor: TokenActor,
  request: AccessRequest,
  lookups: OwnershipLookups,
): Promise<AccessVerdict> {
  const refuse = (): AccessVerdict => ({ allowed: false, rule, reason: grant.explains });
  switch (grant.rule) {
    case 'body-names-actor': {
      const body = request.body;
      const named = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[grant.field] : undefined;
      return named === actor.userId ? { allowed: true, rule } : refuse();
    }
    case 'challenge-raised-by-actor': {
      const raisedBy = await lookups.challengeRaisedBy(request.params[grant.param] ?? '');
      return raisedBy === actor.userId ? { allowed: true, rule } : refuse();
    }
    case 'child-allocated-to-actor': {
      const iro = await lookups.currentIroOf(request.params[grant.param] ?? '');
      return iro === actor.userId ? { allowed: true, rule } : refuse();
    }
    case 'query-scoped-to-actor': {
      const asked = request.query[grant.field];
      if (asked !== undefined && asked !== actor.userId) return refuse();
      return { allowed: true, rule, scope: { field: grant.field, value: actor.userId } };
    }
  }
}
