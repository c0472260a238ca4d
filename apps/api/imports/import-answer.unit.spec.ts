import { ImportReport } from '../../../libs/interchange/report/import-report';
import { importAnswerOf, ISSUES_LISTED } from './import-answer';

const report = (issues: number, skipped: number): ImportReport => ({
  source: 'ssda903', collectionYears: [2019], dryRun: true, skipInvalidChildren: false, accepted: false, files: [], rows: issues,
  children: { total: skipped, imported: 0, unchanged: 0, skipped: Array.from({ length: skipped }, (_, i) => `K${i}`) },
  events: { appended: 0, voided: 0 },
  issues: Array.from({ length: issues }, (_, row) => ({ file: 'c.csv', row, column: 'CHILD', value: 'K1', rule: 'child-not-in-header', message: 'x' })),
  warnings: [],
});

describe('the import report as the API answers it', () => {
  it('lists every issue and skipped child when there are at most 1000, with their counts and no note', () => {
    const answer = importAnswerOf(report(ISSUES_LISTED, 3));
    expect(answer.issues).toHaveLength(ISSUES_LISTED);
    expect(answer).toMatchObject({ issueCount: ISSUES_LISTED, children: { skipped: ['K0', 'K1', 'K2'], skippedCount: 3 } });
    expect(answer.issuesNote).toBeUndefined();
  });

  it('keeps the first 1000 of each, in order, counts them all and says how to get every one', () => {
    const answer = importAnswerOf(report(250_000, 1500));
    expect(answer.issues.map((issue) => issue.row)).toEqual(Array.from({ length: ISSUES_LISTED }, (_, row) => row));
    expect(answer.children.skipped).toHaveLength(ISSUES_LISTED);
    expect(answer).toMatchObject({ issueCount: 250_000, children: { skippedCount: 1500 } });
    expect(answer.issuesNote).toBe(
      'The first 1000 of 250000 issues (and of 1500 children skipped) are listed. Fix those and send the files again, ' +
      'or run `iro import ssda903 <folder> --dry-run --report issues.csv` for every issue as CSV.',
    );
  });
});
