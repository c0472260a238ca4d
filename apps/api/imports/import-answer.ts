import { ImportIssue } from '../../../libs/interchange/report/import-issue';
import { ImportReport } from '../../../libs/interchange/report/import-report';

/**
 * Issues (and skipped children) listed in an HTTP answer: a file of bad rows can have
 * hundreds of thousands, more than an answer should carry (the CLI writes every one as CSV).
 */
export const ISSUES_LISTED = 1000;

/** The import report as the API answers it: issues and skipped children cut to the first ISSUES_LISTED, with their counts. */
export interface ImportAnswer extends Omit<ImportReport, 'issues' | 'children'> {
  children: ImportReport['children'] & {
    /** how many children were skipped in all (`skipped` lists the first ISSUES_LISTED) */
    skippedCount: number;
  };
  /** the first ISSUES_LISTED issues, in the report's order */
  issues: ImportIssue[];
  /** how many issues the import found in all */
  issueCount: number;
  /** set when issues or skipped children were left out: how many, and how to get every one */
  issuesNote?: string;
}

export function importAnswerOf(report: ImportReport): ImportAnswer {
  const issueCount = report.issues.length;
  const skippedCount = report.children.skipped.length;
  const answer: ImportAnswer = {
    ...report,
    children: { ...report.children, skipped: report.children.skipped.slice(0, ISSUES_LISTED), skippedCount },
    issues: report.issues.slice(0, ISSUES_LISTED),
    issueCount,
  };
  if (issueCount <= ISSUES_LISTED && skippedCount <= ISSUES_LISTED) return answer;
  const command = report.source === 'cin' ? 'cin <file.xml>' : 'ssda903 <folder>';
  answer.issuesNote =
    `The first ${ISSUES_LISTED} of ${issueCount} issues (and of ${skippedCount} children skipped) are listed. ` +
    `Fix those and send the files again, or run \`iro import ${command} --dry-run --report issues.csv\` for every issue as CSV.`;
  return answer;
}
