import { AnnualReport } from '../../src/reporting/annual-report';
import { applyDisclosureControl } from './disclosure-control';
import { renderCsv } from './csv-renderer';
import { renderHtml } from './html-renderer';
import { renderMarkdown } from './markdown-renderer';

export const REPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The report in a format: JSON exact (not for publication), csv / md / html with disclosure control. */
export async function renderReport(report: AnnualReport, format: ReportFormat, disclosureThreshold: number): Promise<string> {
  if (format === 'json') return JSON.stringify(report, null, 2);
  const published = applyDisclosureControl(report, disclosureThreshold);
  if (format === 'csv') return renderCsv(published);
  if (format === 'md') return renderMarkdown(published);
  return renderHtml(published);
}
