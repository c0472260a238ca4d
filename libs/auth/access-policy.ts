import { AccessedRecord } from '../../src/events/access-audit-events';
import { TokenRole } from './token-roles';

/**
 * Who may do what: THE access table. Every route the API serves has one row, keyed by
 * its method and Express route pattern. A role absent from a row is refused (403); a
 * route absent from the table is refused to all but admin. The README's "Access"
 * section is this table in words, and test/reliability/role-matrix spells out the
 * status each role gets on each row.
 */

/** A condition on a grant, checked against the request (and, for some, the stored events). */
export type OwnershipRule =
  /** the body field (e.g. chairIroId) must be the caller's user id */
  | { rule: 'body-names-actor'; field: string; explains: string }
  /** the challenge in the route must have been raised by the caller */
  | { rule: 'challenge-raised-by-actor'; param: string; explains: string }
  /** the child in the route must be allocated to the caller now (latest IRO allocation) */
  | { rule: 'child-allocated-to-actor'; param: string; explains: string }
  /** the list is narrowed to the caller: query field set to their user id (another id: 403) */
  | { rule: 'query-scoped-to-actor'; field: string; explains: string };

export type Grant = 'any' | OwnershipRule;

/** A read of a child's record, appended to the access audit when answered. */
export interface AuditedRead {
  what: AccessedRecord;
  /** where the record's id is: a route parameter (`param:x`) or the answer's field (`body:x`) */
  recordId: `param:${string}` | `body:${string}`;
  /** where the children it names are: the route parameter, or every child the answer names (ids and links) */
  children: `param:${string}` | 'named-in-answer';
}

export interface AccessRule {
  /** a stable name for the action, in the service's words */
  action: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the Express route pattern, as the controller declares it */
  path: string;
  /** true: answers without a token */
  public?: true;
  roles: Partial<Record<TokenRole, Grant>>;
  audit?: AuditedRead;
}

const chairs = (what: string): OwnershipRule => ({
  rule: 'body-names-actor',
  field: 'chairIroId',
  explains: `an IRO records only the ${what} they chair: chairIroId must be your user id`,
});
const raisedByThem: OwnershipRule = {
  rule: 'challenge-raised-by-actor',
  param: 'id',
  explains: 'an IRO acts only on the challenges they raised',
};
const recordsForAllocated: OwnershipRule = {
  rule: 'child-allocated-to-actor',
  param: 'childId',
  explains: 'an IRO records a plan start or ending only for the children allocated to them now',
};
const allocatedToThem: OwnershipRule = {
  rule: 'child-allocated-to-actor',
  param: 'childId',
  explains: 'an IRO reads only the children allocated to them',
};

export const ACCESS_POLICY: readonly AccessRule[] = [
  // ---- open ------------------------------------------------------------------------------
  { action: 'check health', method: 'GET', path: '/health', public: true, roles: {} },

  // ---- a child's case: facts come from the case management system, imports or an admin --
  { action: 'register a child', method: 'POST', path: '/children', roles: { admin: 'any' } },
  { action: 'start a period of care', method: 'POST', path: '/children/:childId/care-periods', roles: { admin: 'any' } },
  { action: 'change a placement', method: 'POST', path: '/children/:childId/placements', roles: { admin: 'any' } },
  { action: 'change a legal status', method: 'POST', path: '/children/:childId/legal-statuses', roles: { admin: 'any' } },
  { action: 'end a period of care', method: 'POST', path: '/children/:childId/care-endings', roles: { admin: 'any' } },
  { action: 'allocate an IRO', method: 'POST', path: '/children/:childId/iro-allocations', roles: { admin: 'any' } },
  { action: 'record a looked-after review', method: 'POST', path: '/children/:childId/reviews', roles: { iro: chairs('reviews'), admin: 'any' } },
  { action: 'record a child protection conference', method: 'POST', path: '/children/:childId/cp-conferences', roles: { iro: chairs('conferences'), admin: 'any' } },
  // a plan starting or ending without a conference here (e.g. a transfer in or out): no chair to name, so the child's IRO
  { action: 'record a child protection plan start', method: 'POST', path: '/children/:childId/cp-plans', roles: { iro: recordsForAllocated, admin: 'any' } },
  { action: 'record a child protection plan ending', method: 'POST', path: '/children/:childId/cp-plan-endings', roles: { iro: recordsForAllocated, admin: 'any' } },
  { action: 'void a record on a child', method: 'POST', path: '/children/:childId/voids', roles: { admin: 'any' } },

  {
    action: "read a child's case", method: 'GET', path: '/children/:childId',
    roles: { iro: allocatedToThem, manager: 'any', admin: 'any' },
    audit: { what: 'child-case', recordId: 'param:childId', children: 'param:childId' },
  },
  {
    action: "read a child's history", method: 'GET', path: '/children/:childId/history',
    roles: { iro: allocatedToThem, manager: 'any', auditor: 'any', admin: 'any' },
    audit: { what: 'child-history', recordId: 'param:childId', children: 'param:childId' },
  },
  {
    action: "read a child's oversight document", method: 'GET', path: '/children/:childId/oversight',
    roles: { iro: allocatedToThem, manager: 'any', admin: 'any' },
    audit: { what: 'child-oversight', recordId: 'param:childId', children: 'param:childId' },
  },

  // ---- challenges (Issues Resolution Process) ----------------------------------------------
  {
    action: 'raise a challenge', method: 'POST', path: '/challenges',
    roles: { iro: { rule: 'body-names-actor', field: 'raisedBy', explains: 'an IRO raises challenges in their own name: raisedBy must be your user id' }, admin: 'any' },
  },
  { action: 'escalate a challenge', method: 'POST', path: '/challenges/:id/escalations', roles: { iro: raisedByThem, admin: 'any' } },
  { action: 'respond to a challenge', method: 'POST', path: '/challenges/:id/responses', roles: { manager: 'any', admin: 'any' } },
  { action: 'resolve a challenge', method: 'POST', path: '/challenges/:id/resolutions', roles: { iro: raisedByThem, admin: 'any' } },
  { action: 'void a record on a challenge', method: 'POST', path: '/challenges/:id/voids', roles: { admin: 'any' } },
  {
    action: 'read a challenge', method: 'GET', path: '/challenges/:id',
    roles: { iro: raisedByThem, manager: 'any', admin: 'any' },
    audit: { what: 'challenge', recordId: 'param:id', children: 'named-in-answer' },
  },
  {
    action: "read a challenge's history", method: 'GET', path: '/challenges/:id/history',
    roles: { iro: raisedByThem, manager: 'any', auditor: 'any', admin: 'any' },
    audit: { what: 'challenge-history', recordId: 'param:id', children: 'named-in-answer' },
  },
  {
    action: 'list challenges (stage analysis)', method: 'GET', path: '/challenges',
    roles: {
      iro: { rule: 'query-scoped-to-actor', field: 'raisedBy', explains: 'an IRO lists only the challenges they raised' },
      manager: 'any', panel: 'any', admin: 'any',
    },
  },

  // ---- oversight ---------------------------------------------------------------------------
  { action: 'read the Issues Resolution stage analysis', method: 'GET', path: '/analysis/issues-resolution', roles: { manager: 'any', panel: 'any', admin: 'any' } },
  {
    action: 'list challenge clinic candidates', method: 'GET', path: '/clinic/candidates',
    roles: {
      iro: { rule: 'query-scoped-to-actor', field: 'iroId', explains: 'an IRO sees the clinic list of the children allocated to them now' },
      manager: 'any', panel: 'any', admin: 'any',
    },
  },
  { action: 'read IRO caseloads', method: 'GET', path: '/caseloads', roles: { manager: 'any', panel: 'any', admin: 'any' } },

  // ---- the annual report --------------------------------------------------------------------
  { action: 'read the annual IRO report', method: 'GET', path: '/reports/iro-annual/:year', roles: { manager: 'any', auditor: 'any', admin: 'any' } },
  { action: 'list what moved the annual report', method: 'GET', path: '/reports/iro-annual/:year/changes', roles: { manager: 'any', auditor: 'any', admin: 'any' } },
  {
    action: 'trace a figure to its records', method: 'GET', path: '/reports/iro-annual/:year/figures/:figureId',
    roles: { manager: 'any', auditor: 'any', admin: 'any' },
    audit: { what: 'figure-trace', recordId: 'param:figureId', children: 'named-in-answer' },
  },

  // ---- administration ------------------------------------------------------------------------
  { action: 'import an SSDA903 return', method: 'POST', path: '/imports/ssda903', roles: { admin: 'any' } },
  { action: 'import a CIN census', method: 'POST', path: '/imports/cin', roles: { admin: 'any' } },
  { action: 'read the access audit', method: 'GET', path: '/audit/access', roles: { auditor: 'any', admin: 'any' } },
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

const RULES_BY_ROUTE = new Map(ACCESS_POLICY.map((rule) => [routeKey(rule.method, rule.path), rule]));

/** The row for a route, or undefined when the table has none (then only admin may use it). */
export function accessRuleFor(method: string, path: string): AccessRule | undefined {
  return RULES_BY_ROUTE.get(routeKey(method, path));
}
