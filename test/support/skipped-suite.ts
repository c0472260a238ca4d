/**
 * A suite that cannot run here (no server, no program it needs): one skipped test whose title is
 * the reason. test/support/skipped-suites-reporter.js prints it once at the end of every jest run,
 * since Jest shows nothing of a suite skipped whole when more than one file runs.
 */
export function skippedSuite(name: string, reason: string): void {
  describe(name, () => {
    it.skip(reason, () => undefined);
  });
}
