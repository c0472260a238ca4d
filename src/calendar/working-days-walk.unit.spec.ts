import fc from 'fast-check';
import { addDays } from './calendar-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

/** The definitions walked day by day, as FIGURES.md states them: what the year tables must agree with. */
function walkWorkingDays(date: string, workingDays: number): string {
  let current = date;
  for (let counted = 0; counted < workingDays; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

function walkBetween(from: string, to: string): number {
  let count = 0;
  for (let current = from; current < to; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}

const dates = fc.integer({ min: 0, max: 8000 }).map((offset) => addDays('2005-01-01', offset));

describe('working days from the year tables agree with walking day by day', () => {
  it('addWorkingDays, across year ends and bank holidays', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 600 }), (date, n) => addWorkingDays(date, n) === walkWorkingDays(date, n)), { numRuns: 500 });
  });

  it('workingDaysBetween, in either order', () => {
    fc.assert(fc.property(dates, dates, (from, to) => workingDaysBetween(from, to) === walkBetween(from, to)), { numRuns: 500 });
  });
});
