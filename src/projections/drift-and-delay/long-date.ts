import { CalendarDate } from '../../calendar/calendar-date';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const written = new Map<CalendarDate, string>();

/** A date as a reason reads it: 8 May 2020. (Remembered: every replayed flag's reason names dates, and they repeat.) */
export function longDate(date: CalendarDate): string {
  let words = written.get(date);
  if (words === undefined) {
    const [year, month, day] = date.split('-').map(Number);
    words = `${day} ${MONTHS[month - 1]} ${year}`;
    if (written.size < 100_000) written.set(date, words);
  }
  return words;
}
