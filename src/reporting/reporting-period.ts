import { CalendarDate } from '../calendar/calendar-date';

/** Reporting year Y: 1 April Y to 31 March Y+1. "At year end" means on 31 March. */
export interface ReportingPeriod {
  year: number;
  start: CalendarDate;
  end: CalendarDate;
}

export function reportingPeriod(year: number): ReportingPeriod {
  return { year, start: `${year}-04-01`, end: `${year + 1}-03-31` };
}

/** The reporting year a date falls in: 2020-03-31 is in 2019, 2020-04-01 in 2020. */
export function reportingYearOf(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

/**
 * Why reporting year `year` has no report on `today`, if it has none: it has not started
 * (a report of it would only count what was wrongly recorded ahead). A year under way is
 * reported as things stand.
 */
export function reportingYearNotStarted(year: number, today: CalendarDate): string | undefined {
  const { start } = reportingPeriod(year);
  return start > today ? `reporting year ${year} starts on ${start}, after today (${today}): there is nothing to report yet` : undefined;
}

export function inPeriod(date: CalendarDate | undefined, period: ReportingPeriod): boolean {
  return date !== undefined && date >= period.start && date <= period.end;
}
