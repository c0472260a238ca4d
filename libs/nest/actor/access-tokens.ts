/** Injection tokens of the access wiring. */
export const AUTH_SETTINGS = Symbol('AuthSettings');
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
export const OWNERSHIP_LOOKUPS = Symbol('OwnershipLookups');
