import { CalendarDate } from '../../../src/calendar/calendar-date';
import { Flow, SeedProfile } from '../seed-profile';
import { yearEnd } from './seed-calendar';

/** The reporting years of the history, first to the report year. */
export function reportYears(profile: SeedProfile): number[] {
  const years: number[] = [];
  for (let year = profile.firstYear; year <= profile.reportYear; year += 1) years.push(year);
  return years;
}

/** The report year's last day: nothing happens in the history after it (records may still be made). */
export const historyEnd = (profile: SeedProfile): CalendarDate => yearEnd(profile.reportYear);

/** How many are open at each year's end by the flows (started before and not yet ended). */
export function stocksOf(profile: SeedProfile, flows: Flow[]): Map<number, number> {
  const stocks = new Map<number, number>();
  let stock = flows.filter((f) => f.from === 'before').reduce((sum, f) => sum + f.count, 0);
  for (const year of reportYears(profile)) {
    for (const flow of flows) {
      if (flow.from === year) stock += flow.count;
      if (flow.to === year) stock -= flow.count;
    }
    stocks.set(year, stock);
  }
  return stocks;
}
