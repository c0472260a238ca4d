import { ImportIssue, issueAt, RowOrigin } from '../report/import-issue';
import { CollectionYear } from '../ssda903/collection-year';
import { CinChildHistory } from './cin-census-records';
import { addDays } from '../../../src/calendar/calendar-date';
import { PRE_BIRTH_DAYS } from '../../../src/case/record-checks';

/**
 * The CIN census checks on one child's child protection records (csc-data.md §2), run on
 * the records that passed their own field checks.
 */
export function validateCinChild(child: CinChildHistory, year: CollectionYear): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const fail = (origin: RowOrigin | undefined, column: string, value: string, rule: string, message: string): void => {
    issues.push(issueAt(origin ?? { file: '', row: 0 }, column, value, rule, message, child.childId));
  };
  const birth = child.identity?.dateOfBirth ?? null;
  let openPlans = 0;
  child.plans.forEach((plan, index) => {
    const column = `ChildProtectionPlans[CPPstartDate=${plan.startDate}]`;
    if (plan.endDate === null) openPlans += 1;
    if (openPlans > 1 && plan.endDate === null) {
      fail(plan.origin, `${column}/CPPendDate`, '', 'cin-8935', 'Only one child protection plan of a child can be open.');
    }
    if (plan.endDate !== null && plan.endDate === plan.startDate) {
      fail(plan.origin, `${column}/CPPendDate`, plan.endDate, 'cin-8840', 'A plan cannot start and end on the same day.');
    } else if (plan.endDate !== null && plan.endDate < plan.startDate) {
      fail(plan.origin, `${column}/CPPendDate`, plan.endDate, 'cin-8925', 'The plan ends before it starts.');
    }
    if (plan.endDate !== null && (plan.endDate < year.start || plan.endDate > year.end)) {
      fail(plan.origin, `${column}/CPPendDate`, plan.endDate, 'cin-8930', `The plan's end must fall within the census year ${year.start} to ${year.end}.`);
    }
    if (plan.startDate > year.end) {
      fail(plan.origin, `${column}/CPPstartDate`, plan.startDate, 'outside-collection-year', `The plan starts after the census year ends (${year.end}).`);
    }
    if (birth && plan.startDate < addDays(birth, -PRE_BIRTH_DAYS)) {
      fail(plan.origin, `${column}/CPPstartDate`, plan.startDate, 'before-birth', "The plan starts more than a pregnancy before the child's birth.");
    }
    if (plan.startDate >= year.start && plan.initialConferenceDate === null) {
      fail(plan.origin, `${column}/CPPstartDate`, plan.startDate, 'cin-2885',
        'A plan starting in the year starts on the day of an initial child protection conference (DateOfInitialCPC).');
    }
    const previous = index > 0 ? child.plans[index - 1] : null;
    if (previous && (previous.endDate === null || previous.endDate > plan.startDate || previous.startDate === plan.startDate)) {
      fail(plan.origin, `${column}/CPPstartDate`, plan.startDate, 'cin-8940', 'Child protection plans of a child cannot overlap.');
    }
    for (const review of plan.reviewDates) {
      if (review <= plan.startDate) {
        fail(plan.origin, `${column}/Reviews/CPPreviewDate`, review, 'cin-8841', 'A review conference is after the plan starts.');
      }
      if (plan.endDate !== null && review > plan.endDate) {
        fail(plan.origin, `${column}/Reviews/CPPreviewDate`, review, 'review-after-plan-end', 'A review conference cannot be after the plan ended.');
      }
      if (review > year.end) {
        fail(plan.origin, `${column}/Reviews/CPPreviewDate`, review, 'outside-collection-year', `The review conference is after the census year ends (${year.end}).`);
      }
    }
    if (plan.section47StartDate && plan.section47StartDate > plan.startDate) {
      fail(plan.origin, `${column}/S47ActualStartDate`, plan.section47StartDate, 'strategy-discussion-after-conference',
        'The section 47 enquiry starts after the initial conference.');
    }
  });
  for (const conference of child.conferencesWithoutPlan) {
    if (birth && conference.initialConferenceDate < addDays(birth, -PRE_BIRTH_DAYS)) {
      // a pre-birth conference stands in the pregnancy, whether the child is born since or not
      fail(conference.origin, 'Section47/DateOfInitialCPC', conference.initialConferenceDate, 'before-birth',
        "The initial conference is more than a pregnancy before the child's birth.");
    }
    const during = child.plans.find((plan) => plan.startDate < conference.initialConferenceDate &&
      (plan.endDate === null || conference.initialConferenceDate < plan.endDate));
    if (during) {
      fail(conference.origin, 'Section47/DateOfInitialCPC', conference.initialConferenceDate, 'plan-already-open',
        'An initial conference is held while a child protection plan is open.');
    }
  }
  return issues;
}
