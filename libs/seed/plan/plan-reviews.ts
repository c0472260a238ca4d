import { addDays, CalendarDate } from '../../../src/calendar/calendar-date';
import { ageOn } from '../../../src/calendar/calendar-months';
import { ParticipationCode } from '../../../src/events/codes';
import { firstReviewDueDate, nextReviewDueDate } from '../../../src/timescales/looked-after-reviews';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile } from '../seed-profile';
import { chooseExactly, chooseWeighted, countOf, SeedPlanError, shuffled } from './exact-counts';
import { PlannedCarePeriod, PlannedChild, PlannedReview } from './history-plan';
import { pickShare } from './plan-people';
import { workingDayOnOrAfter, workingDayOnOrBefore, yearEnd, yearStart } from './seed-calendar';
import { historyEnd, reportYears } from './seed-years';

/**
 * Looked-after reviews: each period's statutory chain (the first 20 working days after
 * care starts, the second 3 months after the first, then 6-monthly, each held a few days
 * before it is due), then, in a year with a target count, extra reviews (after a placement
 * move, or brought forward) up to exactly that count; then exactly the target share held
 * late, PN7 and visited by the IRO.
 */
interface ReviewSlot {
  child: PlannedChild;
  period: PlannedCarePeriod;
  review: PlannedReview;
}

export function planReviews(profile: SeedProfile, random: SeededRandom, children: PlannedChild[]): void {
  for (const child of children) for (const period of child.periods) period.reviews = statutoryChain(profile, random, period);
  for (const year of reportYears(profile)) addExtraReviews(profile, random, children, year);
  for (const year of reportYears(profile)) makeReviewsLate(profile, random, children, year);
  describeReviews(profile, random, children);
}

const lastDayOf = (profile: SeedProfile, period: PlannedCarePeriod): CalendarDate =>
  period.end && addDays(period.end, -1) < historyEnd(profile) ? addDays(period.end, -1) : historyEnd(profile);

const newReview = (heldOn: CalendarDate, extra = false): PlannedReview => ({ heldOn, participation: 'PN1', visited: false, late: false, extra });

function statutoryChain(profile: SeedProfile, random: SeededRandom, period: PlannedCarePeriod): PlannedReview[] {
  const reviews: PlannedReview[] = [];
  const last = lastDayOf(profile, period);
  let due = firstReviewDueDate(period.start);
  for (let sequence = 1; ; sequence += 1) {
    const previous = reviews[reviews.length - 1]?.heldOn ?? period.start;
    let held = workingDayOnOrBefore(addDays(due, -random.int(0, profile.shape.reviews.heldEarlyByDaysAtMost)));
    if (held <= previous) held = due;
    if (held > last) return reviews;
    reviews.push(newReview(held));
    due = nextReviewDueDate(sequence, held);
  }
}

const inYear = (date: CalendarDate, year: number): boolean => date >= yearStart(year) && date <= yearEnd(year);

/** Reviews held in the year, over every period. */
function reviewsIn(children: PlannedChild[], year: number): ReviewSlot[] {
  const slots: ReviewSlot[] = [];
  for (const child of children) {
    for (const period of child.periods) {
      for (const review of period.reviews) if (inYear(review.heldOn, year)) slots.push({ child, period, review });
    }
  }
  return slots;
}

/**
 * Extra reviews between two held ones (or before the first, or after the last) keep every
 * review in time: the one after an extra was held before its old due date, and its new
 * due date is later still.
 */
function addExtraReviews(profile: SeedProfile, random: SeededRandom, children: PlannedChild[], year: number): void {
  const target = profile.targets.years[year].reviews.held;
  if (target === undefined) return;
  const held = reviewsIn(children, year).length;
  if (held > target) throw new SeedPlanError(`the statutory schedule alone holds ${held} reviews in ${year}, the target is ${target}`);
  const gaps: { period: PlannedCarePeriod; from: CalendarDate; to: CalendarDate; afterMove?: CalendarDate }[] = [];
  for (const child of children) {
    for (const period of child.periods) {
      const bounds = [addDays(period.start, -7), ...period.reviews.map((r) => r.heldOn), addDays(lastDayOf(profile, period), 14)];
      for (let i = 0; i + 1 < bounds.length; i += 1) {
        const from = laterOf(addDays(bounds[i], 14), yearStart(year));
        const to = earlierOf(addDays(bounds[i + 1], -14), yearEnd(year));
        if (workingDayOnOrAfter(from) > to) continue;
        const afterMove = period.placements.map((p) => p.on).find((on) => on > bounds[i] && addDays(on, 7) >= from && addDays(on, 21) <= to);
        gaps.push({ period, from, to, ...(afterMove && { afterMove }) });
      }
    }
  }
  const chosen = chooseWeighted(random, gaps, (g) => (g.afterMove ? 4 : 1), target - held, `gaps for extra reviews in ${year}`);
  for (const gap of chosen) {
    const on = gap.afterMove ? addDays(gap.afterMove, random.int(7, 21)) : addDays(gap.from, random.int(0, daysFrom(gap.from, gap.to)));
    const heldOn = workingDayOnOrBefore(on) >= gap.from ? workingDayOnOrBefore(on) : workingDayOnOrAfter(on);
    if (heldOn < gap.from || heldOn > gap.to) throw new SeedPlanError(`no working day for an extra review from ${gap.from} to ${gap.to}`);
    gap.period.reviews.push(newReview(heldOn, true));
    gap.period.reviews.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  }
}

const daysFrom = (from: CalendarDate, to: CalendarDate): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The date review `index` of the period is due, from the reviews before it as they now stand. */
function dueDateOf(period: PlannedCarePeriod, index: number): CalendarDate {
  return index === 0 ? firstReviewDueDate(period.start) : nextReviewDueDate(index, period.reviews[index - 1].heldOn);
}

/**
 * Exactly the target share of the year's reviews late: each moved after its due date but
 * before the next review, which stays in time (its due date moves later). A review whose
 * next one is already late keeps its date, so that one stays late.
 */
function makeReviewsLate(profile: SeedProfile, random: SeededRandom, children: PlannedChild[], year: number): void {
  const slots = reviewsIn(children, year);
  const wanted = slots.length - countOf(profile.targets.years[year].reviews.inTimescalePercent, slots.length);
  let made = 0;
  for (const { period, review } of shuffled(random, slots.filter((s) => !s.review.extra))) {
    if (made >= wanted) break;
    const index = period.reviews.indexOf(review);
    const next = period.reviews[index + 1];
    if (next?.late) continue;
    const heldLate = workingDayOnOrAfter(addDays(dueDateOf(period, index), random.int(1, profile.shape.reviews.lateByDaysAtMost)));
    const before = next ? addDays(next.heldOn, -7) : lastDayOf(profile, period);
    if (heldLate > before || heldLate > yearEnd(year) || heldLate < review.heldOn) continue;
    review.heldOn = heldLate;
    review.late = true;
    made += 1;
  }
  if (made < wanted) throw new SeedPlanError(`only ${made} of ${wanted} reviews in ${year} could be made late`);
}

/** Participation (PN0 under 4; exactly the target share PN7) and IRO visits, exactly the year's share. */
function describeReviews(profile: SeedProfile, random: SeededRandom, children: PlannedChild[]): void {
  const { defaults, participationWeights } = profile.shape.reviews;
  const ageOf = (slot: ReviewSlot) => ageOn(slot.child.dateOfBirth!, slot.review.heldOn);
  const all: ReviewSlot[] = children.flatMap((child) =>
    child.periods.flatMap((period) => period.reviews.map((review) => ({ child, period, review }))),
  );
  const pn7 = new Set<PlannedReview>();
  const visited = new Set<PlannedReview>();
  const targeted = new Set<PlannedReview>();
  for (const year of reportYears(profile)) {
    const target = profile.targets.years[year].reviews;
    const slots = reviewsIn(children, year);
    for (const slot of slots) targeted.add(slot.review);
    const olderThanFour = slots.filter((s) => ageOf(s) >= 4);
    for (const slot of chooseExactly(random, olderThanFour, countOf(target.notAttendedViewsNotConveyedPercent, slots.length), `PN7 reviews in ${year}`)) {
      pn7.add(slot.review);
    }
    for (const slot of chooseExactly(random, slots, countOf(target.iroVisitedBeforeReviewPercent, slots.length), `visited reviews in ${year}`)) {
      visited.add(slot.review);
    }
  }
  for (const slot of all) {
    const { review } = slot;
    const age = ageOf(slot);
    const isPn7 = targeted.has(review) ? pn7.has(review) : age >= 4 && random.chance(defaults.notAttendedViewsNotConveyedPercent / 100);
    const participation: ParticipationCode = age < 4 ? 'PN0' : isPn7 ? 'PN7' : pickShare(random, participationWeights);
    review.participation = participation;
    review.visited = targeted.has(review) ? visited.has(review) : random.chance(defaults.iroVisitedBeforeReviewPercent / 100);
  }
}

const laterOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
const earlierOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
