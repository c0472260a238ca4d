// @ts-check
const { relative } = require('node:path');

/**
 * Jest reporter: after the summary, one line per suite skipped whole, with why (the titles of its
 * skipped tests: a suite that cannot run here says why in its skipped test's title, see
 * skipped-suite.ts). Jest itself shows nothing of such a suite once more than one file runs.
 */
class SkippedSuitesReporter {
  /** @param {{ rootDir: string, testNamePattern?: string }} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    // with -t, every test not named is skipped too: say nothing then
    this.quiet = Boolean(globalConfig.testNamePattern);
    /** @type {string[]} */
    this.lines = [];
  }

  /**
   * @param {unknown} _test
   * @param {{ testFilePath: string, numPendingTests: number, testResults: { status: string, title: string }[] }} result
   */
  onTestResult(_test, result) {
    const all = result.testResults;
    if (this.quiet || all.length === 0 || all.some((test) => test.status !== 'pending')) return;
    const why = [...new Set(all.map((test) => test.title))].join('; ');
    this.lines.push(`  ${relative(this.rootDir, result.testFilePath)}: ${why}`);
  }

  onRunComplete() {
    if (this.lines.length === 0) return;
    process.stderr.write(`Suites skipped, and why:\n${this.lines.sort().join('\n')}\n`);
  }
}

module.exports = SkippedSuitesReporter;
