import { LocalAuthorityConfig } from '../config/local-authority-config';
import { ChallengeHistory, deriveChallengeHistory } from './challenge-history';
import { challengeFigures } from './challenge-figures';
import { ChildHistory, deriveChildHistory } from './child-history';
import { claFigures } from './cla-figures';
import { cpFigures } from './cp-figures';
import { FigureChange, ReportFigure, YearFigure } from './figure';
import { FIGURE_IDS, FigureId } from './figure-ids';
import { iroFigures } from './iro-figures';
import { ReportFacts } from './report-facts';
import { FigureContext, reportingPeriod } from './reporting-period';
import { reviewFigures } from './review-figures';

/** The report as JSON (../shared/FIGURES.md, "The report as JSON"): exact, not for publication. */
export interface AnnualReport {
  year: number;
  period: { start: string; end: string };
  asOf: string | null;
  generatedAt: string | null;
  notForPublication: true;
  localAuthority: string;
  figures: Record<FigureId, ReportFigure>;
}

export interface AnnualReportOptions {
  year: number;
  /** the instant the facts were folded up to (null: everything recorded) */
  asOf?: string | null;
  config: LocalAuthorityConfig;
  /** when the report was produced: the caller's clock, never read here */
  generatedAt?: string | null;
}

/** The histories the figures read, derived once from the facts for both years. */
export interface ReportHistories {
  children: ChildHistory[];
  challenges: ChallengeHistory[];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Children and challenges in id order, so the ids of every figure come in one order whatever the facts' source. */
export function deriveHistories(facts: ReportFacts): ReportHistories {
  const children: ChildHistory[] = [];
  for (const childId of [...facts.children.keys()].sort(byId)) children.push(deriveChildHistory(facts.children.get(childId)!));
  const challenges: ChallengeHistory[] = [];
  for (const challengeId of [...facts.challenges.keys()].sort(byId)) {
    const history = deriveChallengeHistory(facts.challenges.get(challengeId)!);
    if (history) challenges.push(history);
  }
  return { children, challenges };
}

/** Every figure for one reporting year, without the previous year. */
export function computeYearFigures(histories: ReportHistories, year: number, config: LocalAuthorityConfig): Record<FigureId, YearFigure> {
  const context: FigureContext = { period: reportingPeriod(year), config, ...histories };
  return {
    ...claFigures(context),
    ...reviewFigures(context),
    ...challengeFigures(context),
    ...cpFigures(context),
    ...iroFigures(context),
  } as Record<FigureId, YearFigure>;
}

/** The annual IRO report for reporting year `year` (1 April year to 31 March year+1), with year-1 beside it. */
export function computeAnnualReport(facts: ReportFacts, options: AnnualReportOptions): AnnualReport {
  const histories = deriveHistories(facts);
  const current = computeYearFigures(histories, options.year, options.config);
  const previous = computeYearFigures(histories, options.year - 1, options.config);
  const figures = {} as Record<FigureId, ReportFigure>;
  for (const id of FIGURE_IDS) {
    figures[id] = { ...current[id], previousYear: previous[id], change: changeBetween(current[id], previous[id]) };
  }
  const period = reportingPeriod(options.year);
  return {
    year: options.year,
    period: { start: period.start, end: period.end },
    asOf: options.asOf ?? facts.asOf ?? null,
    generatedAt: options.generatedAt ?? null,
    notForPublication: true,
    localAuthority: options.config.localAuthority,
    figures,
  };
}

const difference = (a: number | null | undefined, b: number | null | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' ? Math.round((a - b) * 10) / 10 : null;

/** This year less last year: a number, per key for a breakdown, null where either is not a number. */
export function changeBetween(current: YearFigure, previous: YearFigure): FigureChange {
  const now = current.value;
  const before = previous.value;
  if (typeof now === 'number' || now === null) return typeof before === 'number' || before === null ? difference(now, before) : null;
  if (typeof now === 'string') return null;
  if (typeof before !== 'object' || before === null) return null;
  const change: Record<string, number | null> = {};
  const keys = new Set([...Object.keys(now), ...Object.keys(before)]);
  for (const key of keys) {
    change[key] = difference((now as Record<string, number>)[key] ?? 0, (before as Record<string, number>)[key] ?? 0);
  }
  return change;
}
