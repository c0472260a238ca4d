import { AnnualReport } from '../../src/reporting/annual-report';
import { FigureChange, ReportFigure, YearFigure } from '../../src/reporting/figure';
import { FIGURE_IDS, FigureId } from '../../src/reporting/figure-ids';

/** The DfE's mark for a count from 1 to the threshold, and what it says. */
export const SUPPRESSED = 'c';
export const suppressionLegend = (threshold: number): string =>
  `c = a count from 1 to ${threshold}, not published to protect the children it describes; rates and percentages built on it are withheld too.`;

/** A published number: exact, `c` (suppressed or withheld), or null (nothing to show, with a reason). */
export type Published = number | string | null;

export interface PublishedYear {
  value: Published | Record<string, Published>;
  numerator?: Published;
  denominator?: Published;
  percent?: Record<string, Published>;
  reason?: string;
}

export interface PublishedFigure extends PublishedYear {
  previousYear: PublishedYear;
  change: Published | Record<string, Published>;
}

/** A report fit to publish: no ids, small counts suppressed. */
export interface PublishedReport {
  year: number;
  period: { start: string; end: string };
  /** see AnnualReport.yearEnded */
  yearEnded: boolean | null;
  asOf: string | null;
  generatedAt: string | null;
  localAuthority: string;
  disclosureThreshold: number;
  legend: string;
  figures: Record<FigureId, PublishedFigure>;
}

/** Figures that count staff (IROs), average caseloads or name a stage, not children: never shown as `c` themselves (but see BUILT_ON). */
const NOT_CHILD_COUNTS: ReadonlySet<FigureId> = new Set([
  'iro.meanCaseloadAtYearEnd', 'iro.aboveHandbookRange', 'iro.aboveLocalTarget', 'challenges.mostCommonHighestStage',
]);
/**
 * Figures derived from the counts of another figure rather than from a numerator and a
 * denominator of their own: the mean caseload times the number of IROs gives back the
 * caseloads, so it is withheld when any caseload it is built on shows as `c`.
 */
const BUILT_ON: Partial<Record<FigureId, FigureId>> = { 'iro.meanCaseloadAtYearEnd': 'iro.caseloadsAtYearEnd' };
/** Rates whose denominator is a population, not a count of records. */
const POPULATION_RATES: ReadonlySet<FigureId> = new Set(['cla.ratePer10k', 'cp.ratePer10k']);

/**
 * Disclosure control for the published formats (csv, md, html): a count from 1 to the
 * threshold shows as `c`, and a rate or percent built on such a count (its numerator
 * or denominator, or a breakdown's total) is withheld as `c`, as is a change from or
 * to a suppressed value. The JSON for auditors stays exact and is marked not for
 * publication; this is what everyone else sees.
 */
export function applyDisclosureControl(report: AnnualReport, threshold: number): PublishedReport {
  const figures = {} as Record<FigureId, PublishedFigure>;
  for (const id of FIGURE_IDS) figures[id] = publishFigure(id, report, threshold);
  return {
    year: report.year, period: report.period, yearEnded: report.yearEnded, asOf: report.asOf, generatedAt: report.generatedAt,
    localAuthority: report.localAuthority, disclosureThreshold: threshold, legend: suppressionLegend(threshold), figures,
  };
}

export const isSmallCount = (count: number, threshold: number): boolean => count >= 1 && count <= threshold;

function publishFigure(id: FigureId, report: AnnualReport, threshold: number): PublishedFigure {
  const figure: ReportFigure = report.figures[id];
  const basis = BUILT_ON[id];
  const withheld = (year: YearFigure, basisYear: YearFigure | undefined): PublishedYear => {
    const published = publishYear(id, year, threshold);
    return basisYear && hasSmallCount(basisYear, threshold) && published.value !== null ? { ...published, value: SUPPRESSED } : published;
  };
  const current = withheld(figure, basis && report.figures[basis]);
  const previous = withheld(figure.previousYear, basis && report.figures[basis].previousYear);
  return { ...current, previousYear: previous, change: publishChange(figure.change, current, previous) };
}

/** Whether a count of the figure (its value, or any key of a breakdown) would show as `c`. */
function hasSmallCount(figure: YearFigure, threshold: number): boolean {
  const value = figure.value;
  if (typeof value === 'number') return isSmallCount(value, threshold);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((count) => isSmallCount(count, threshold));
}

function publishYear(id: FigureId, figure: YearFigure, threshold: number): PublishedYear {
  const suppress = (count: number): Published => (!NOT_CHILD_COUNTS.has(id) && isSmallCount(count, threshold) ? SUPPRESSED : count);
  const reason = 'reason' in figure && figure.reason ? { reason: figure.reason } : {};
  if ('numerator' in figure) {
    const numerator = suppress(figure.numerator);
    const denominator = POPULATION_RATES.has(id) ? figure.denominator : suppress(figure.denominator);
    const withheld = numerator === SUPPRESSED || denominator === SUPPRESSED;
    return { value: withheld ? SUPPRESSED : figure.value, numerator, denominator, ...reason };
  }
  const value = figure.value;
  if (value === null || typeof value === 'string') return { value, ...reason };
  if (typeof value === 'number') return { value: Number.isInteger(value) ? suppress(value) : value, ...reason };
  // keyed by the records' own keys (an IRO may be called `__proto__`): no prototype to collide with
  const published: Record<string, Published> = Object.create(null);
  for (const [key, count] of Object.entries(value)) published[key] = suppress(count);
  const result: PublishedYear = { value: published };
  if ('percent' in figure && figure.percent) {
    const total = Object.values(value).reduce((sum, count) => sum + count, 0);
    const totalSuppressed = !NOT_CHILD_COUNTS.has(id) && isSmallCount(total, threshold);
    result.percent = Object.create(null) as Record<string, Published>;
    for (const [key, pct] of Object.entries(figure.percent)) {
      result.percent[key] = totalSuppressed || published[key] === SUPPRESSED ? SUPPRESSED : pct;
    }
  }
  return result;
}

function publishChange(change: FigureChange, current: PublishedYear, previous: PublishedYear): PublishedFigure['change'] {
  if (change === null || typeof change === 'number') {
    return current.value === SUPPRESSED || previous.value === SUPPRESSED ? SUPPRESSED : change;
  }
  const now = (current.value ?? {}) as Record<string, Published>;
  const before = (previous.value ?? {}) as Record<string, Published>;
  const published: Record<string, Published> = Object.create(null);
  for (const [key, delta] of Object.entries(change)) {
    const suppressed = (counts: Record<string, Published>) => Object.hasOwn(counts, key) && counts[key] === SUPPRESSED;
    published[key] = suppressed(now) || suppressed(before) ? SUPPRESSED : delta;
  }
  return published;
}
