import { CalendarDate } from '../../../src/calendar/calendar-date';

/**
 * A collection year, named by the year it starts in as the annual report is: 2019 is
 * 1 April 2019 to 31 March 2020 (the SSDA903 return and CIN census "2019-20").
 */
export interface CollectionYear {
  year: number;
  start: CalendarDate;
  end: CalendarDate;
}

export function collectionYear(year: number): CollectionYear {
  return { year, start: `${year}-04-01`, end: `${year + 1}-03-31` };
}

/** The collection year a date falls in. */
export function collectionYearOf(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

export const inCollectionYear = (date: CalendarDate, year: CollectionYear): boolean =>
  date >= year.start && date <= year.end;
