import { CalendarDate } from './calendar-date';

/**
 * England and Wales bank holidays that date-holidays (GB / ENG) gets wrong: one-off days and
 * holidays moved by royal proclamation before 2016 (from 2016 the package agrees with
 * gov.uk's list; bank-holidays.unit.spec.ts checks it against gov.uk for the years it lists).
 * A council's history goes back years, and a working-day deadline across one of these is
 * a day out without them.
 */
export const BANK_HOLIDAY_CORRECTIONS: { added: readonly CalendarDate[]; removed: readonly CalendarDate[] } = {
  added: [
    '1995-05-08', // VE Day 50th anniversary: the early May bank holiday moved from 1 May
    '1999-12-31', // Millennium
    '2002-06-03', // Golden Jubilee
    '2002-06-04', // the spring bank holiday moved from 27 May
    '2011-04-29', // royal wedding
    '2012-06-04', // the spring bank holiday moved from 28 May (5 June, the Diamond Jubilee, the package has)
  ],
  removed: ['1995-05-01', '2002-05-27', '2012-05-28'],
};
