import { inDecisionOrder, PlannedCommand } from '../import/planned-command';
import { CinChildHistory } from './cin-census-records';

/** Within a day: a plan ends before another starts; reviews come after. */
const CP_PHASE = { register: 0, end: 1, start: 2, review: 3 } as const;

export interface CinPlanOptions {
  /** the child is registered by another source (an SSDA903 return): do not register it again */
  registeredElsewhere: boolean;
}

/**
 * The case commands a child's census records give, in decision order. A plan whose initial
 * conference is known starts at that conference (the S47 start as the strategy discussion,
 * outcome plan-started, with its category and NumberOfPreviousCPP); one that is not (it began
 * before the earliest census imported) starts as a plan record. Each CPPreviewDate is a
 * review conference that continues the plan, or ends it when held on CPPendDate; otherwise
 * the plan ends by a plan-ended record. An enquiry whose initial conference started no plan
 * is an initial conference with outcome no-plan.
 */
export function planCinCommands(history: CinChildHistory, options: CinPlanOptions): PlannedCommand[] {
  const { childId, identity, plans, conferencesWithoutPlan } = history;
  const planned: PlannedCommand[] = [];
  if (identity && !options.registeredElsewhere) {
    planned.push({
      key: 'registration',
      command: {
        type: 'registerChild', childId,
        ...(identity.dateOfBirth ? { dateOfBirth: identity.dateOfBirth } : { expectedDateOfBirth: identity.expectedDateOfBirth! }),
        sex: identity.sex,
        ...(identity.ethnicity && { ethnicity: identity.ethnicity }),
      },
      origin: identity.origin,
      column: 'ChildIdentifiers',
      value: childId,
      date: '',
      phase: CP_PHASE.register,
    });
  }
  for (const plan of plans) {
    const key = `plan:${plan.startDate}`;
    const column = `ChildProtectionPlans[CPPstartDate=${plan.startDate}]`;
    if (plan.initialConferenceDate === plan.startDate && plan.section47StartDate) {
      planned.push({
        key: `${key}:initial`,
        command: {
          type: 'holdCPConference', childId, conferenceId: `${childId}:icpc-${plan.startDate}`, conferenceType: 'initial',
          heldOn: plan.startDate, strategyDiscussionOn: plan.section47StartDate, chairIroId: 'unknown',
          outcome: 'plan-started', categoryOfAbuse: plan.initialCategoryOfAbuse, previousPlanCount: plan.numberOfPreviousPlans,
        },
        origin: plan.origin, column: `${column}/DateOfInitialCPC`, value: plan.startDate, date: plan.startDate, phase: CP_PHASE.start,
      });
    } else {
      planned.push({
        key: `${key}:start`,
        command: {
          type: 'startChildProtectionPlan', childId, startDate: plan.startDate,
          categoryOfAbuse: plan.initialCategoryOfAbuse, previousPlanCount: plan.numberOfPreviousPlans,
        },
        origin: plan.origin, column: `${column}/CPPstartDate`, value: plan.startDate, date: plan.startDate, phase: CP_PHASE.start,
      });
    }
    for (const review of plan.reviewDates) {
      const ends = review === plan.endDate;
      planned.push({
        key: `${key}:review:${review}`,
        command: {
          type: 'holdCPConference', childId, conferenceId: `${childId}:rcpc-${review}`, conferenceType: 'review', heldOn: review,
          chairIroId: 'unknown', outcome: ends ? 'plan-ended' : 'plan-continued',
        },
        origin: plan.origin, column: `${column}/Reviews/CPPreviewDate`, value: review, date: review,
        phase: ends ? CP_PHASE.end : CP_PHASE.review,
      });
    }
    if (plan.endDate !== null && !plan.reviewDates.includes(plan.endDate)) {
      planned.push({
        key: `${key}:end`,
        command: { type: 'endChildProtectionPlan', childId, endDate: plan.endDate },
        origin: plan.origin, column: `${column}/CPPendDate`, value: plan.endDate, date: plan.endDate, phase: CP_PHASE.end,
      });
    }
  }
  for (const conference of conferencesWithoutPlan) {
    planned.push({
      key: `s47:${conference.initialConferenceDate}:initial`,
      command: {
        type: 'holdCPConference', childId, conferenceId: `${childId}:icpc-${conference.initialConferenceDate}`, conferenceType: 'initial',
        heldOn: conference.initialConferenceDate, strategyDiscussionOn: conference.section47StartDate, chairIroId: 'unknown',
        outcome: 'no-plan',
      },
      origin: conference.origin, column: 'Section47/DateOfInitialCPC', value: conference.initialConferenceDate,
      date: conference.initialConferenceDate, phase: CP_PHASE.start,
    });
  }
  return inDecisionOrder(planned);
}
