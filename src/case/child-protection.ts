import { CalendarDate, laterOf } from '../calendar/calendar-date';
import { accept, Decision, DecisionContext } from '../decision/decision';
import {
  firstReviewConferenceDueDate, initialConferenceDueDate, laterReviewConferenceDueDate,
} from '../timescales/child-protection-conferences';
import { CaseCommand } from './case-commands';
import { refuseCase } from './case-rules';
import { CaseState, ChildProtectionPlan, lastPlanOf, standingRecordsOf } from './case-state';
import { notAChildOn, recordDateNotAllowed } from './record-checks';

type HoldCPConference = Extract<CaseCommand, { type: 'holdCPConference' }>;
type StartChildProtectionPlan = Extract<CaseCommand, { type: 'startChildProtectionPlan' }>;
type EndChildProtectionPlan = Extract<CaseCommand, { type: 'endChildProtectionPlan' }>;

/**
 * An initial conference (15 working days after the strategy discussion) starts a plan or
 * decides none; a review conference (3 months after the initial, then 6-monthly) continues
 * or ends the open plan. Conferences may be held before an unborn child's expected birth.
 */
export function holdCPConference(command: HoldCPConference, state: CaseState, context: DecisionContext): Decision {
  const refused = recordDateNotAllowed(state, `${command.conferenceType} conference`, command.heldOn, context, 'allowed-while-unborn');
  if (refused) return refused;
  return command.conferenceType === 'initial'
    ? holdInitialConference(command, state, context)
    : holdReviewConference(command, state);
}

function holdInitialConference(command: HoldCPConference, state: CaseState, context: DecisionContext): Decision {
  const { childId, heldOn, strategyDiscussionOn, outcome, categoryOfAbuse } = command;
  if (strategyDiscussionOn === undefined) {
    return refuseCase('strategy-discussion-required', 'An initial conference needs the date of the strategy discussion.');
  }
  if (strategyDiscussionOn > heldOn) {
    return refuseCase(
      'strategy-discussion-after-conference',
      `The strategy discussion on ${strategyDiscussionOn} is after the initial conference on ${heldOn}.`,
    );
  }
  const discussionRefused = recordDateNotAllowed(state, 'strategy discussion', strategyDiscussionOn, context, 'allowed-while-unborn') ??
    notAChildOn(state, 'initial conference', heldOn);
  if (discussionRefused) return discussionRefused;
  const openThen = planOpenOn(state, heldOn);
  if (openThen) {
    return refuseCase(
      'plan-already-open',
      `A child protection plan was open on ${heldOn} (${planSpan(openThen)}); hold a review conference of that plan instead.`,
    );
  }
  const sameDay = conferenceOnTheDay(state, heldOn);
  if (sameDay) return sameDay;
  if (outcome !== 'plan-started' && outcome !== 'no-plan') {
    return refuseCase(
      'conference-outcome-not-allowed',
      `An initial conference starts a plan or decides no plan; "${outcome}" is for a review conference.`,
    );
  }
  const planStarts = outcome === 'plan-started';
  if (planStarts) {
    if (!categoryOfAbuse) {
      return refuseCase('category-of-abuse-required', 'A plan started at an initial conference needs its category of abuse.');
    }
    const overlap = runsIntoOpenPlan(state, heldOn) ?? overlapsLastPlan(state, heldOn);
    if (overlap) return overlap;
  }
  const dueBy = initialConferenceDueDate(strategyDiscussionOn);
  return conferenceHeld(command, {
    dueBy,
    ...(planStarts && {
      planId: `${childId}:${heldOn}`,
      nextReviewConferenceDueBy: firstReviewConferenceDueDate(heldOn),
    }),
  });
}

function holdReviewConference(command: HoldCPConference, state: CaseState): Decision {
  const { heldOn, outcome } = command;
  const plan = state.openPlan;
  if (!plan) {
    return refuseCase('no-open-plan', `There is no open child protection plan to review on ${heldOn}.`);
  }
  if (outcome !== 'plan-continued' && outcome !== 'plan-ended') {
    return refuseCase(
      'conference-outcome-not-allowed',
      `A review conference continues or ends the plan; "${outcome}" is for an initial conference.`,
    );
  }
  const sameDay = conferenceOnTheDay(state, heldOn);
  if (sameDay) return sameDay;
  if (outcome === 'plan-ended') {
    const onStartDay = planEndOnStartDay(plan, heldOn);
    if (onStartDay) return onStartDay;
  }
  if (heldOn === plan.startDate) {
    return refuseCase(
      'conference-same-day',
      `The plan started on ${heldOn}: a review conference on the day it started would count as its first review and move the ` +
        'next one on 6 months. If the start was entered wrongly, void it first.',
    );
  }
  const latest = latestStepOf(plan);
  if (heldOn < latest) {
    return refuseCase(
      'conference-before-last-conference',
      `The review conference is dated ${heldOn}, before the plan's last conference or start on ${latest}: conferences are entered ` +
        'in the order they were held, since each is due from the one before. To add a forgotten one, void the later conferences first ' +
        '(latest first), enter it, then enter them anew.',
    );
  }
  return conferenceHeld(command, {
    planId: plan.planId,
    dueBy: plan.nextReviewConferenceDueBy ?? firstReviewConferenceDueDate(plan.startDate),
    ...(outcome === 'plan-continued' && { nextReviewConferenceDueBy: laterReviewConferenceDueDate(heldOn) }),
  });
}

function conferenceHeld(
  command: HoldCPConference,
  measured: { dueBy: CalendarDate; planId?: string; nextReviewConferenceDueBy?: CalendarDate },
): Decision {
  const { childId, conferenceId, conferenceType, heldOn, strategyDiscussionOn, chairIroId, outcome, categoryOfAbuse, previousPlanCount } =
    command;
  return accept({
    type: 'CPConferenceHeld',
    data: {
      childId,
      conferenceId,
      type: conferenceType,
      heldOn,
      ...(strategyDiscussionOn !== undefined && { strategyDiscussionOn }),
      chairIroId,
      outcome,
      ...(categoryOfAbuse !== undefined && { categoryOfAbuse }),
      ...(previousPlanCount !== undefined && { previousPlanCount }),
      ...(measured.planId !== undefined && { planId: measured.planId }),
      dueBy: measured.dueBy,
      heldInTime: heldOn <= measured.dueBy,
      ...(measured.nextReviewConferenceDueBy !== undefined && {
        nextReviewConferenceDueBy: measured.nextReviewConferenceDueBy,
      }),
      effectiveDate: heldOn,
    },
  });
}

/** A plan that starts without an initial conference here (e.g. transferred in from another authority). */
export function startChildProtectionPlan(command: StartChildProtectionPlan, state: CaseState, context: DecisionContext): Decision {
  const { childId, startDate, categoryOfAbuse, previousPlanCount, reason } = command;
  const refused = recordDateNotAllowed(state, 'plan start', startDate, context, 'allowed-while-unborn') ?? notAChildOn(state, 'plan start', startDate);
  if (refused) return refused;
  const openThen = planOpenOn(state, startDate);
  if (openThen) {
    return refuseCase('plan-already-open', `A child protection plan was open on ${startDate} (${planSpan(openThen)}).`);
  }
  if (!categoryOfAbuse) {
    return refuseCase('category-of-abuse-required', 'A plan starts with its category of abuse.');
  }
  const overlap = runsIntoOpenPlan(state, startDate) ?? overlapsLastPlan(state, startDate);
  if (overlap) return overlap;
  return accept({
    type: 'ChildProtectionPlanStarted',
    data: {
      childId,
      planId: `${childId}:${startDate}`,
      startDate,
      categoryOfAbuse,
      ...(previousPlanCount !== undefined && { previousPlanCount }),
      ...(reason !== undefined && { reason }),
      effectiveDate: startDate,
    },
  });
}

/** A plan that ends without a review conference here (e.g. the child moved to another authority). */
export function endChildProtectionPlan(command: EndChildProtectionPlan, state: CaseState, context: DecisionContext): Decision {
  const { childId, endDate, reason } = command;
  const refused = recordDateNotAllowed(state, 'plan ending', endDate, context, 'allowed-while-unborn');
  if (refused) return refused;
  const plan = state.openPlan;
  if (!plan) {
    return refuseCase('no-open-plan', `There is no open child protection plan to end on ${endDate}.`);
  }
  const onStartDay = planEndOnStartDay(plan, endDate);
  if (onStartDay) return onStartDay;
  const latest = latestStepOf(plan);
  if (endDate < latest) {
    return refuseCase(
      'plan-end-before-last-conference',
      `The plan cannot end on ${endDate}, before its last conference or start on ${latest}.`,
    );
  }
  return accept({
    type: 'ChildProtectionPlanEnded',
    data: { childId, planId: plan.planId, endDate, ...(reason !== undefined && { reason }), effectiveDate: endDate },
  });
}

/**
 * A child has one child protection conference a day: the same meeting entered twice would
 * count twice, move the next review conference on, or start and end a plan on one day
 * (CIN census rule 8840).
 */
function conferenceOnTheDay(state: CaseState, heldOn: CalendarDate): Decision | null {
  const held = standingRecordsOf(state).find((record) => record.type === 'CPConferenceHeld' && record.date === heldOn);
  if (!held) return null;
  return refuseCase(
    'conference-same-day',
    `A child protection conference is already recorded for this child on ${heldOn}${held.eventId ? ` (record ${held.eventId})` : ''}: ` +
      'a child has one conference a day. If that record is wrong, void that record first and enter the conference anew.',
  );
}

/** A plan cannot start and end on one day (CIN census rule 8840); the reports would not see such an end. */
function planEndOnStartDay(plan: ChildProtectionPlan, endDate: CalendarDate): Decision | null {
  if (endDate !== plan.startDate) return null;
  return refuseCase(
    'plan-end-on-start-day',
    `The plan started on ${plan.startDate} cannot end on the same day (CIN census rule 8840); if its start was entered wrongly, void it instead.`,
  );
}

const latestStepOf = (plan: ChildProtectionPlan): CalendarDate =>
  plan.lastConferenceOn ? laterOf(plan.startDate, plan.lastConferenceOn) : plan.startDate;

/**
 * The plan open on `date`, whether or not it has ended since: started on or before it and
 * not ended by then (on its end date a plan is over, and a new one may start).
 */
function planOpenOn(state: CaseState, date: CalendarDate): ChildProtectionPlan | null {
  return state.plans.find((plan) => plan.startDate <= date && (plan.endDate === null || date < plan.endDate)) ?? null;
}

const planSpan = (plan: ChildProtectionPlan): string =>
  plan.endDate ? `from ${plan.startDate} to ${plan.endDate}` : `open since ${plan.startDate}`;

/** A plan starting before the open plan started would still be open when it starts. */
function runsIntoOpenPlan(state: CaseState, startDate: CalendarDate): Decision | null {
  const open = state.openPlan;
  if (!open) return null;
  return refuseCase(
    'plan-already-open',
    `A child protection plan is open since ${open.startDate}; a plan starting on ${startDate} would run into it.`,
  );
}

/** Plans do not overlap: a new one starts after the previous one started, on or after it ended. */
function overlapsLastPlan(state: CaseState, startDate: CalendarDate): Decision | null {
  const last = lastPlanOf(state);
  if (!last?.endDate || (startDate >= last.endDate && startDate > last.startDate)) return null;
  return refuseCase(
    'plan-start-before-last-plan-end',
    `A plan cannot start on ${startDate}: the previous plan ran from ${last.startDate} to ${last.endDate}.`,
  );
}
