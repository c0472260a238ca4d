import { isCalendarDate } from '../../../src/calendar/calendar-date';
import { formatDfeDate, parseDfeDate } from './dfe-date';

/** The reading as first written: a pattern, then the calendar's own check. */
function referenceParse(value: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const date = `${match[3]}-${match[2]}-${match[1]}`;
  return isCalendarDate(date) ? date : null;
}

describe('SSDA903 dates (dd/mm/yyyy)', () => {
  it('read as calendar dates, and written back', () => {
    expect(parseDfeDate('29/02/2020')).toBe('2020-02-29');
    expect(parseDfeDate(' 01/04/2019 ')).toBe('2019-04-01');
    expect(formatDfeDate('2019-04-01')).toBe('01/04/2019');
  });

  it('refuse what is not a real date in that form', () => {
    for (const text of ['29/02/2019', '31/04/2019', '00/01/2019', '01/13/2019', '1/4/2019', '2019-04-01', '01/04/19', '01/04/0099', '']) {
      expect(parseDfeDate(text)).toBeNull();
    }
  });

  it('read every day, month and century as the pattern and the calendar do', () => {
    const years = ['0000', '0099', '0100', '0400', '1600', '1900', '2000', '2019', '2020', '2100', '9999', '20a0', '２０２０'];
    for (const year of years) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
          for (const variant of [text, ` ${text}`, `${text}\t`, `\u00a0${text}\n`]) expect(parseDfeDate(variant)).toBe(referenceParse(variant));
        }
      }
    }
    for (const odd of ['+1/01/2019', '-1/01/2019', '1 /01/2019', '01/01/20190', '٠١/٠١/٢٠١٩', '01.01.2019']) expect(parseDfeDate(odd)).toBe(referenceParse(odd));
  });
});
