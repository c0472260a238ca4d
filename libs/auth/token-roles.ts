/**
 * The roles a person's token may carry. `system` (imports, the projector) is an
 * event-metadata role only: no token is ever accepted with it.
 */
export const TOKEN_ROLES = ['iro', 'manager', 'panel', 'auditor', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}
