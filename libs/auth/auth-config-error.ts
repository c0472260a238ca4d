/** Start-up refuses a bad auth setting with one line per problem, naming the setting. */
export class AuthConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`authentication is not configured correctly:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AuthConfigError';
  }
}
