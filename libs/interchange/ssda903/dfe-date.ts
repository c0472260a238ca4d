import { CalendarDate, isCalendarDate } from '../../../src/calendar/calendar-date';

const DFE_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** `dd/mm/yyyy` (the SSDA903 CSV date format) as a calendar date, or null when it is not a real date. */
export function parseDfeDate(value: string): CalendarDate | null {
  const match = DFE_DATE.exec(value.trim());
  if (!match) return null;
  const date = `${match[3]}-${match[2]}-${match[1]}`;
  return isCalendarDate(date) ? date : null;
}

export function formatDfeDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
