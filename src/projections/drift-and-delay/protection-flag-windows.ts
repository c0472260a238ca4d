import { addDays } from '../../calendar/calendar-date';
import { addMonths } from '../../calendar/calendar-months';
import { ChildTimeline, PlanTimeline } from './child-timeline';
import { DateInterval, earlierEnd, firstDateMonthsAfter, isEmpty } from './date-intervals';
import { conferenceDueChain, dueDates } from './due-chains';
import { DriftFlagName, flagWindow, FlagWindow } from './drift-flag';
import { longDate } from './long-date';

const LONG_PLANS: readonly [DriftFlagName, number][] = [
  ['cp-plan-over-15-months', 15],
  ['cp-plan-over-18-months', 18],
  ['cp-plan-over-24-months', 24],
];

/**
 * The child protection flags, each while the plan is open:
 * - cp-review-overdue: from the day after a review conference's due date until it is held;
 * - cp-plan-over-N-months: from the day the plan has been open N months (FIGURES.md:
 *   started on or before addMonths(D, -N));
 * - repeat-cp-plan: a second or subsequent plan (an earlier plan here, or previous plans
 *   given at the initial conference, as the CIN census's NumberOfPreviousCPP);
 * - repeat-cp-plan-within-2-years: an earlier plan ended on or after addMonths(planStart, -24).
 */
export function protectionFlagWindows(timeline: Pick<ChildTimeline, 'plans'>): FlagWindow[] {
  return timeline.plans.flatMap((plan, index) => [
    ...reviewConferenceWindows(plan),
    ...longPlanWindows(plan),
    ...repeatPlanWindows(plan, timeline.plans.slice(0, index)),
  ]);
}

function reviewConferenceWindows(plan: PlanTimeline): FlagWindow[] {
  return conferenceDueChain(plan).flatMap((step) => {
    const overdue = { from: addDays(step.dueBy, 1), until: earlierEnd(step.heldOn, plan.until) };
    if (isEmpty(overdue)) return [];
    return [
      flagWindow(
        'cp-review-overdue',
        overdue,
        // a flag is shown on a day inside its window, before the conference that ends it: only what stood then
        `The child protection review conference due by ${longDate(step.dueBy)} has not been held.`,
        { eventIds: [step.countedFromEventId], dates: dueDates({ ...step, heldOn: null }) },
      ),
    ];
  });
}

function longPlanWindows(plan: PlanTimeline): FlagWindow[] {
  return LONG_PLANS.flatMap(([flag, months]) => {
    const open: DateInterval = { from: firstDateMonthsAfter(plan.from, months), until: plan.until };
    if (isEmpty(open)) return [];
    return [
      flagWindow(flag, open, `On a child protection plan since ${longDate(plan.from)}, over ${months} months.`, {
        eventIds: [plan.startEventId],
        dates: { planStart: plan.from },
      }),
    ];
  });
}

function repeatPlanWindows(plan: PlanTimeline, earlier: readonly PlanTimeline[]): FlagWindow[] {
  const whilePlanOpen: DateInterval = { from: plan.from, until: plan.until };
  const windows: FlagWindow[] = [];
  const previousCount = plan.previousPlanCount ?? 0;
  if (earlier.length > 0 || previousCount > 0) {
    const last = earlier[earlier.length - 1];
    windows.push(
      flagWindow(
        'repeat-cp-plan',
        whilePlanOpen,
        last
          ? `A second or subsequent child protection plan: an earlier plan started on ${longDate(last.from)}.`
          : `A second or subsequent child protection plan: ${previousCount} earlier plan${previousCount === 1 ? '' : 's'} recorded before this system.`,
        {
          eventIds: [plan.startEventId, ...earlier.map((p) => p.startEventId)],
          dates: last ? { planStart: plan.from, earlierPlanStart: last.from } : { planStart: plan.from },
        },
      ),
    );
  }
  const twoYearsBefore = addMonths(plan.from, -24);
  const recent = earlier.filter((p) => p.until !== null && p.until >= twoYearsBefore && p.until <= plan.from).pop();
  if (recent) {
    windows.push(
      flagWindow(
        'repeat-cp-plan-within-2-years',
        whilePlanOpen,
        `A child protection plan started on ${longDate(plan.from)}, within 2 years of an earlier plan ending on ${longDate(recent.until!)}.`,
        { eventIds: [plan.startEventId, recent.endEventId!], dates: { planStart: plan.from, earlierPlanEnd: recent.until! } },
      ),
    );
  }
  return windows;
}
