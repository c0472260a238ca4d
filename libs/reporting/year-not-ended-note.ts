import { PublishedReport } from './disclosure-control';

/** What a published report says when its year had not ended by the report's instant; undefined when it had. */
export function yearNotEndedNote(report: Pick<PublishedReport, 'yearEnded' | 'period'>): string | undefined {
  if (report.yearEnded !== false) return undefined;
  return (
    `Provisional: the reporting year ends on ${report.period.end}, after this report's instant. ` +
    'Its figures at year end count what was open then (a period of care, a plan, an allocation) as still open on that day.'
  );
}
