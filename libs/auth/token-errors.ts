/** The bearer token is missing, malformed, expired or not ours: 401. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** The token is genuine but gives no usable role or user id: 403. */
export class UnusableIdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableIdentityError';
  }
}

/** The identity provider's keys could not be fetched, so no token can be checked: 503. */
export class AuthUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthUnavailableError';
  }
}
