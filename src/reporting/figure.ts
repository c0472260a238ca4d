import { orderedKeys } from './key-order';

/**
 * The shapes of a figure in the report JSON (../shared/FIGURES.md, "The report as JSON").
 * Ids: `ids` for a count or breakdown, `numeratorIds` / `denominatorIds` for a percent
 * or rate, so that an auditor can trace every figure to the records behind it.
 */
export interface CountFigure {
  value: number | null;
  reason?: string;
  ids: string[];
}

export interface PercentFigure {
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
  /** iroVisitedBeforeReviewPercent only: reviews whose visit is not known (imported) */
  notKnown?: number;
  numeratorIds: string[];
  denominatorIds: string[];
}

export interface BreakdownFigure {
  value: Record<string, number>;
  percent?: Record<string, number | null>;
  ids: string[];
  /** the ids behind each key */
  idsByKey: Record<string, string[]>;
}

export interface StageFigure {
  value: string | null;
  reason?: string;
  ids: string[];
}

export interface CohortFigure {
  value: { children: number; families: number };
  ids: string[];
}

export type YearFigure = CountFigure | PercentFigure | BreakdownFigure | StageFigure | CohortFigure;

export type FigureChange = number | Record<string, number | null> | null;

export type ReportFigure = YearFigure & { previousYear: YearFigure; change: FigureChange };

/** n / d to one decimal place, half away from zero, exactly (integer arithmetic, no float drift). */
export function roundedRatio(numerator: number, denominator: number, scale: number): number {
  const sign = numerator * denominator < 0 ? -1 : 1;
  const n = Math.abs(numerator) * scale * 10;
  const d = Math.abs(denominator);
  let tenths = Math.floor(n / d);
  if (2 * (n - tenths * d) >= d) tenths += 1;
  return (sign * tenths) / 10;
}

export function countFigure(ids: string[]): CountFigure {
  return { value: ids.length, ids };
}

export function percentFigure(numeratorIds: string[], denominatorIds: string[], whenEmpty: string): PercentFigure {
  const numerator = numeratorIds.length;
  const denominator = denominatorIds.length;
  return denominator === 0
    ? { value: null, numerator, denominator, reason: whenEmpty, numeratorIds, denominatorIds }
    : { value: roundedRatio(numerator, denominator, 100), numerator, denominator, numeratorIds, denominatorIds };
}

/** Groups ids by key; every listed key is present (0 when nothing counts), in its order; extra keys follow, sorted. */
export function breakdownFigure(
  entries: { id: string; key: string }[],
  keys: readonly string[],
  options: { percent?: boolean } = {},
): BreakdownFigure {
  // keys come from the records (an IRO id may be `constructor` or `__proto__`): objects without a prototype
  const found: Record<string, string[]> = Object.create(null);
  for (const key of keys) found[key] = [];
  for (const entry of entries) (found[entry.key] ??= []).push(entry.id);
  // listed keys first, then the others sorted: the order never depends on which child came first
  const idsByKey: Record<string, string[]> = Object.create(null);
  const value: Record<string, number> = Object.create(null);
  for (const key of orderedKeys(keys, found)) {
    idsByKey[key] = found[key];
    value[key] = found[key].length;
  }
  const figure: BreakdownFigure = { value, ids: entries.map((e) => e.id), idsByKey };
  if (options.percent) {
    const total = entries.length;
    figure.percent = Object.create(null) as Record<string, number | null>;
    for (const key of Object.keys(value)) figure.percent[key] = total === 0 ? null : roundedRatio(value[key], total, 100);
  }
  return figure;
}

export function isPercentFigure(figure: YearFigure): figure is PercentFigure {
  return 'denominator' in figure;
}

export function isBreakdownFigure(figure: YearFigure): figure is BreakdownFigure {
  return 'idsByKey' in figure;
}
