import { AccessRule } from '../../auth/access-policy';

/** What the access guard leaves on the request for the audit interceptor. */
export interface RequestWithAccess {
  accessRule?: AccessRule;
}

/** The route pattern Express matched (`/children/:childId`), or undefined outside a route. */
export function routePathOf(request: { route?: { path?: unknown } }): string | undefined {
  const path = request.route?.path;
  return typeof path === 'string' ? path : undefined;
}

/** HEAD is answered by GET routes. */
export const policyMethodOf = (method: string): string => (method === 'HEAD' ? 'GET' : method);
