import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../config/local-authority-config';
import { AnnualReport, computeAnnualReport } from '../annual-report';
import { collectReportFacts } from '../fold-report-facts';
import { ReportHistory } from './report-history';

/** A report whose figures a spec reads without narrowing each figure's shape first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SpecReport = Omit<AnnualReport, 'figures'> & { figures: Record<string, any> };

/** The report for `year` over a hand-built history, as of `asOf` (default: everything recorded). */
export function reportFor(
  history: ReportHistory,
  year = 2019,
  options: { asOf?: string; config?: Partial<LocalAuthorityConfig> } = {},
): SpecReport {
  const facts = collectReportFacts(history.events, { asOf: options.asOf ?? null });
  return computeAnnualReport(facts, { year, config: { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, ...options.config } });
}
