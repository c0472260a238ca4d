import { writeCsvTable } from '../csv/csv-table';
import { ImportIssue } from './import-issue';

export interface FileSummary {
  file: string;
  /** the table or document recognised, or null when the file is not one */
  recognisedAs: string | null;
  imported: boolean;
  rows: number;
  note?: string;
}

/** What an import found and did; the API answers with it and the CLI prints it. */
export interface ImportReport {
  /** `history` for SSDA903 returns and CIN censuses imported together */
  source: 'ssda903' | 'cin' | 'history';
  /** the collection years of the files read (2019 for 2019-20), oldest first */
  collectionYears: number[];
  dryRun: boolean;
  skipInvalidChildren: boolean;
  /** true when events were (or, in a dry run, would be) appended */
  accepted: boolean;
  files: FileSummary[];
  rows: number;
  children: { total: number; imported: number; unchanged: number; skipped: string[] };
  events: { appended: number; voided: number };
  issues: ImportIssue[];
  warnings: string[];
}

export const ISSUE_COLUMNS = ['file', 'row', 'column', 'value', 'rule', 'message', 'child'] as const;

/** The issues as CSV, one row per failure. */
export function issuesAsCsv(issues: readonly ImportIssue[]): string {
  return writeCsvTable(
    ISSUE_COLUMNS,
    issues.map((issue) => [
      issue.file, String(issue.row), issue.column, issue.value, issue.rule, issue.message, issue.childId ?? '',
    ]),
  );
}

/** A few lines for a person: what was read, what was (or would be) imported, why not. */
export function summariseReport(report: ImportReport): string {
  const lines = [
    `${report.source} ${report.collectionYears.map((year) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`).join(', ')}` +
      `${report.dryRun ? ' (dry run)' : ''}: ${report.accepted ? 'accepted' : 'refused'}`,
    ...report.files.map(
      (file) =>
        `  ${file.file}: ${file.recognisedAs ?? 'not recognised'}, ${file.rows} rows, ` +
        `${!file.imported ? 'not imported' : report.accepted ? 'imported' : 'read'}${file.note ? ` (${file.note})` : ''}`,
    ),
    report.accepted
      ? `  rows ${report.rows}, children ${report.children.total}: ${report.children.imported} with new events, ` +
        `${report.children.unchanged} unchanged, ${report.children.skipped.length} skipped`
      : `  rows ${report.rows}, children ${report.children.total}: ${report.children.skipped.length} with issues; nothing imported`,
    `  events ${report.dryRun ? 'to append' : 'appended'} ${report.events.appended} (of which voids ${report.events.voided})`,
    `  issues ${report.issues.length}`,
    ...report.warnings.map((warning) => `  warning: ${warning}`),
  ];
  return lines.join('\n');
}
