import { CalendarDate, calendarDateInLondon } from '../calendar/calendar-date';
import { LocalAuthorityConfig } from '../config/local-authority-config';
import { deriveChallengeHistory } from './challenge-history';
import { ChallengeFigures } from './challenge-figures';
import { deriveChildHistory } from './child-history';
import { LISTED_KEYS } from './breakdown-keys';
import { LookedAfterFigures } from './cla-figures';
import { ProtectionFigures } from './cp-figures';
import { FigureChange, ReportFigure, YearFigure } from './figure';
import { FigureFamily } from './figure-family';
import { FIGURE_IDS, FigureId } from './figure-ids';
import { IroFigures } from './iro-figures';
import { orderedKeys } from './key-order';
import { ChallengeFacts, ChildFacts, ReportFacts } from './report-facts';
import { reportingPeriod } from './reporting-period';
import { ReviewFigures } from './review-figures';

/** The report as JSON (../shared/FIGURES.md, "The report as JSON"): exact, not for publication. */
export interface AnnualReport {
  year: number;
  period: { start: string; end: string };
  /**
   * whether the year had ended by the report's instant (asOf, else generatedAt; null when
   * it has neither): before 1 April the figures "on 31 March" count what was open at that
   * instant as still open then
   */
  yearEnded: boolean | null;
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

/** Every family of figures for one reporting year. */
function familiesFor(year: number, config: LocalAuthorityConfig): FigureFamily[] {
  const period = reportingPeriod(year);
  return [
    new LookedAfterFigures(period, config),
    new ReviewFigures(period),
    new ChallengeFigures(period),
    new ProtectionFigures(period, config),
    new IroFigures(period, config.localCaseloadTarget),
  ];
}

function finished(families: FigureFamily[]): Record<FigureId, YearFigure> {
  return Object.assign({}, ...families.map((family) => family.finish())) as Record<FigureId, YearFigure>;
}

/**
 * Builds the annual report for year Y and Y-1 one stream's facts at a time: every
 * challenge first, then every child, each in id order (the order of the figures' ids).
 * A child's history is derived, offered to every figure family of both years, and
 * dropped, so the report never holds more than one child's history: fed stream by
 * stream, twenty million events need no more memory than one council's report.
 */
export class AnnualReportBuilder {
  private readonly current: FigureFamily[];
  private readonly previous: FigureFamily[];
  private childrenStarted = false;

  constructor(private readonly options: AnnualReportOptions) {
    this.current = familiesFor(options.year, options.config);
    this.previous = familiesFor(options.year - 1, options.config);
  }

  addChallenge(facts: ChallengeFacts): void {
    if (this.childrenStarted) throw new Error('every challenge must be added before the first child');
    const history = deriveChallengeHistory(facts);
    if (!history) return;
    for (const family of [...this.current, ...this.previous]) family.addChallenge?.(history);
  }

  addChild(facts: ChildFacts): void {
    this.childrenStarted = true;
    // a child whose registration was voided and not entered again is not a child the service knows: it counts nowhere
    if (!facts.facts.some((fact) => fact.type === 'ChildRegistered')) return;
    const history = deriveChildHistory(facts);
    for (const family of this.current) family.addChild(history);
    for (const family of this.previous) family.addChild(history);
  }

  build(): AnnualReport {
    const current = finished(this.current);
    const previous = finished(this.previous);
    const figures = {} as Record<FigureId, ReportFigure>;
    for (const id of FIGURE_IDS) {
      figures[id] = { ...current[id], previousYear: previous[id], change: changeBetween(current[id], previous[id], LISTED_KEYS[id]) };
    }
    const period = reportingPeriod(this.options.year);
    return {
      year: this.options.year,
      period: { start: period.start, end: period.end },
      yearEnded: yearEndedBy(this.options.asOf ?? this.options.generatedAt ?? null, period.end),
      asOf: this.options.asOf ?? null,
      generatedAt: this.options.generatedAt ?? null,
      notForPublication: true,
      localAuthority: this.options.config.localAuthority,
      figures,
    };
  }
}

const yearEndedBy = (instant: string | null, end: CalendarDate): boolean | null =>
  instant === null ? null : calendarDateInLondon(new Date(instant)) > end;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The annual IRO report for reporting year `year` (1 April year to 31 March year+1), with year-1 beside it. */
export function computeAnnualReport(facts: ReportFacts, options: AnnualReportOptions): AnnualReport {
  const builder = new AnnualReportBuilder({ ...options, asOf: options.asOf ?? facts.asOf ?? null });
  for (const challengeId of [...facts.challenges.keys()].sort(byId)) builder.addChallenge(facts.challenges.get(challengeId)!);
  for (const childId of [...facts.children.keys()].sort(byId)) builder.addChild(facts.children.get(childId)!);
  return builder.build();
}

const difference = (a: number | null | undefined, b: number | null | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' ? Math.round((a - b) * 10) / 10 : null;

/**
 * This year less last year: a number, per key for a breakdown (in the breakdown's key
 * order, `listed` first), null where either is not a number or has no such key.
 */
export function changeBetween(current: YearFigure, previous: YearFigure, listed: readonly string[] = []): FigureChange {
  const now = current.value;
  const before = previous.value;
  if (typeof now === 'number' || now === null) return typeof before === 'number' || before === null ? difference(now, before) : null;
  if (typeof now === 'string') return null;
  if (typeof before !== 'object' || before === null) return null;
  // keyed by the records' own keys (an IRO may be called `constructor`): no prototype to read from or write to
  const change: Record<string, number | null> = Object.create(null);
  // a key one year does not have (an IRO with no caseload, an ethnicity no child had) has no number there: null
  const countOf = (counts: object, key: string): number | undefined =>
    Object.hasOwn(counts, key) ? (counts as Record<string, number>)[key] : undefined;
  for (const key of orderedKeys(listed, now, before)) change[key] = difference(countOf(now, key), countOf(before, key));
  return change;
}
