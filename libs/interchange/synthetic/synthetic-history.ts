import { addDays } from '../../../src/calendar/calendar-date';
import { addMonths, ageOn } from '../../../src/calendar/calendar-months';
import { CalendarDate } from '../../../src/calendar/calendar-date';
import { SeededRandom } from '../../history-generator/seeded-random';

/**
 * A consistent synthetic history of children (care episodes, reviews, child protection
 * plans) that passes every check the import makes, for the round-trip tests, the demo and
 * the import benchmark. Not real data.
 */
export interface SyntheticEpisode {
  decom: CalendarDate;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  placeProvider: string;
  dec: CalendarDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string;
  plPost: string;
  urn: string;
}

export interface SyntheticPlan {
  section47StartDate: CalendarDate;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  category: string;
  previousPlans: number;
  reviewDates: CalendarDate[];
}

export interface SyntheticChild {
  childId: string;
  sexCode: '1' | '2';
  dateOfBirth: CalendarDate;
  ethnicity: string;
  episodes: SyntheticEpisode[];
  reviews: { heldOn: CalendarDate; participation: string }[];
  plans: SyntheticPlan[];
  /** initial conferences that started no plan */
  conferencesWithoutPlan: { section47StartDate: CalendarDate; heldOn: CalendarDate }[];
}

export interface SyntheticHistoryOptions {
  children: number;
  /** the first collection year (2010 for 2010-11) */
  firstYear: number;
  years: number;
  seed?: number;
  /** child ids are `<prefix><n>` */
  idPrefix?: string;
}

const ETHNICITIES = ['WBRI', 'WBRI', 'WBRI', 'WIRI', 'WOTH', 'MWBC', 'MWBA', 'MWAS', 'AIND', 'APKN', 'BAFR', 'BCRB', 'CHNE', 'OOTH'];
const CARE_LS = ['C1', 'C2', 'V2', 'E1', 'C2'];
const PLACES = ['U1', 'U3', 'U4', 'U5', 'U6', 'U6', 'U6', 'K2', 'R1', 'P1', 'S1', 'A4', 'A6'];
const TEMPORARY = ['T1', 'T2', 'T4'];
const ENDINGS = ['E11', 'E12', 'E13', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48', 'E4A', 'E4B', 'E5', 'E6', 'E8', 'E9', 'E17'];
const REASONS_PLACE_CHANGE = ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'OTHER'];
const PROVIDERS = ['PR1', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'];
const HOME_DISTRICTS = ['TS1', 'TS3', 'TS4', 'TS5', 'TS7'];
const AWAY_DISTRICTS = ['DL1', 'NE1', 'LS6', 'YO10'];
const CATEGORIES = ['NEG', 'NEG', 'EMO', 'PHY', 'SAB', 'MUL'];

export const SYNTHETIC_AUTHORITY_DISTRICTS = HOME_DISTRICTS;

const latest = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);
const earliest = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);

export function syntheticHistory(options: SyntheticHistoryOptions): SyntheticChild[] {
  const random = new SeededRandom(options.seed ?? 20191);
  const windowStart = `${options.firstYear}-04-01`;
  const windowEnd = `${options.firstYear + options.years}-03-31`;
  const children: SyntheticChild[] = [];
  for (let n = 1; n <= options.children; n += 1) {
    children.push(syntheticChild(random, `${options.idPrefix ?? 'C'}${n}`, windowStart, windowEnd));
  }
  return children;
}

function randomDate(random: SeededRandom, from: CalendarDate, to: CalendarDate): CalendarDate {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, random.int(0, span));
}

function postcode(random: SeededRandom, outside: boolean): string {
  const district = random.pick(outside ? AWAY_DISTRICTS : HOME_DISTRICTS);
  return `${district} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`;
}

function syntheticChild(random: SeededRandom, childId: string, windowStart: CalendarDate, windowEnd: CalendarDate): SyntheticChild {
  const dateOfBirth = randomDate(random, addMonths(windowStart, -12 * 15), addMonths(windowEnd, -18));
  const child: SyntheticChild = {
    childId, sexCode: random.chance(0.52) ? '1' : '2', dateOfBirth, ethnicity: random.pick(ETHNICITIES),
    episodes: [], reviews: [], plans: [], conferencesWithoutPlan: [],
  };
  const from = latest(addDays(dateOfBirth, 1), windowStart);
  const homePost = postcode(random, false);
  // care and child protection begin only for a child, under 18
  const adult = addMonths(dateOfBirth, 18 * 12);
  if (random.chance(0.6)) addCare(random, child, from, windowEnd, homePost, adult);
  if (random.chance(0.35)) addProtection(random, child, from, windowEnd, adult);
  return child;
}

function addCare(random: SeededRandom, child: SyntheticChild, from: CalendarDate, until: CalendarDate, homePost: string, adult: CalendarDate): void {
  let cursor = randomDate(random, from, addMonths(until, -3));
  const periods = random.chance(0.25) ? 2 : 1;
  for (let period = 0; period < periods && cursor < until && cursor < adult; period += 1) {
    const start = cursor;
    const lasts = random.chance(0.3) ? null : addDays(start, random.int(40, 1400));
    const end = lasts !== null && lasts < until ? lasts : null;
    const periodEnd = end ?? until;
    const cin = `N${random.int(1, 8)}`;
    let ls = random.pick(CARE_LS);
    let current = newPlacement(random, homePost);
    const episodes: SyntheticEpisode[] = [];
    let decom = start;
    let rne = 'S';
    for (;;) {
      episodes.push({ decom, rne, ls, cin, ...current, homePost, dec: null, rec: null, reasonPlaceChange: null });
      const next = addDays(decom, random.int(20, 300));
      if (next >= periodEnd) break;
      const previous = episodes[episodes.length - 1];
      previous.dec = next;
      previous.rec = 'X1';
      const move = random.next();
      if (!TEMPORARY.includes(current.place) && move < 0.1) {
        // a temporary placement, then back to the placement before it (DfE rule 383)
        const before = current;
        current = { place: random.pick(TEMPORARY), placeProvider: '', plPost: before.plPost, urn: 'XXXXXXX' };
        episodes.push({ decom: next, rne: 'P', ls, cin, ...current, homePost, dec: null, rec: null, reasonPlaceChange: null });
        const back = addDays(next, random.int(2, 7));
        if (back >= periodEnd) {
          // a period cannot end in a temporary placement: drop it again
          episodes.pop();
          previous.dec = null;
          previous.rec = null;
          current = before;
          break;
        }
        const temporary = episodes[episodes.length - 1];
        temporary.dec = back;
        temporary.rec = 'X1';
        current = before;
        decom = back;
        rne = 'P';
        continue;
      }
      decom = next;
      if (TEMPORARY.includes(current.place)) {
        rne = 'P';
      } else if (move < 0.35) {
        rne = 'L';
        ls = otherThan(random, CARE_LS, ls);
      } else if (move < 0.45) {
        rne = random.chance(0.5) ? 'B' : 'U';
        ls = otherThan(random, CARE_LS, ls);
        current = newPlacement(random, homePost);
      } else {
        rne = random.chance(0.8) ? 'P' : 'T';
        current = newPlacement(random, homePost);
      }
      if (rne !== 'L') previous.reasonPlaceChange = random.pick(REASONS_PLACE_CHANGE);
    }
    if (end !== null) {
      const last = episodes[episodes.length - 1];
      last.dec = end;
      last.rec = random.pick(ENDINGS);
    }
    child.episodes.push(...episodes);
    addReviews(random, child, start, end ?? until);
    if (end === null) return;
    cursor = addDays(end, random.int(30, 700));
  }
}

function newPlacement(random: SeededRandom, homePost: string): { place: string; placeProvider: string; plPost: string; urn: string } {
  const place = random.pick(PLACES);
  return {
    place,
    placeProvider: place === 'P1' ? 'PR0' : random.pick(PROVIDERS),
    plPost: place === 'P1' ? homePost : postcode(random, random.chance(0.3)),
    urn: place === 'P1' || place === 'R1' ? 'XXXXXXX' : String(random.int(1000000, 9999999)),
  };
}

function otherThan(random: SeededRandom, values: readonly string[], not: string): string {
  const others = values.filter((value) => value !== not);
  return random.pick(others);
}

function addReviews(random: SeededRandom, child: SyntheticChild, start: CalendarDate, end: CalendarDate): void {
  let heldOn = addDays(start, random.int(5, 27));
  let sequence = 1;
  while (heldOn <= end) {
    child.reviews.push({ heldOn, participation: ageOn(child.dateOfBirth, heldOn) < 4 ? 'PN0' : `PN${random.int(1, 7)}` });
    heldOn = addDays(addMonths(heldOn, sequence === 1 ? 3 : 6), random.int(-20, 25));
    sequence += 1;
  }
}

function addProtection(random: SeededRandom, child: SyntheticChild, from: CalendarDate, until: CalendarDate, adult: CalendarDate): void {
  let cursor = randomDate(random, from, addMonths(until, -2));
  const plans = random.chance(0.2) ? 2 : 1;
  if (random.chance(0.15)) {
    const section47StartDate = cursor;
    const heldOn = addDays(section47StartDate, random.int(5, 25));
    if (heldOn < until && heldOn < adult) child.conferencesWithoutPlan.push({ section47StartDate, heldOn });
    cursor = addDays(heldOn, random.int(60, 400));
  }
  for (let index = 0; index < plans && cursor < until; index += 1) {
    const section47StartDate = cursor;
    const startDate = addDays(section47StartDate, random.int(5, 25));
    if (startDate >= until || startDate >= adult) return;
    const lasts = random.chance(0.2) ? null : addDays(startDate, random.int(60, 900));
    const endDate = lasts !== null && lasts < until ? lasts : null;
    const reviewDates: CalendarDate[] = [];
    let review = addMonths(startDate, 3);
    while (review < (endDate ?? until)) {
      reviewDates.push(review);
      review = addMonths(review, 6);
    }
    if (endDate && random.chance(0.7)) reviewDates.push(endDate);
    child.plans.push({
      section47StartDate, startDate, endDate, category: random.pick(CATEGORIES), previousPlans: index, reviewDates,
    });
    if (!endDate) return;
    cursor = addDays(endDate, random.int(1, 500));
  }
  void earliest;
}
