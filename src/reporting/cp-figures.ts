import { addMonths } from '../calendar/calendar-months';
import { CATEGORIES_OF_ABUSE, SEXES } from '../events/codes';
import { initialConferenceDueDate } from '../timescales';
import { ChildHistory, planOn, ProtectionPlan, unbornOn } from './child-history';
import { ratePer10k } from './cla-figures';
import { breakdownFigure, CohortFigure, countFigure, percentFigure, YearFigure } from './figure';
import { FigureContext, inPeriod } from './reporting-period';

export const CP_SEX_KEYS = [...SEXES, 'unborn'] as const;

/** Child protection (FIGURES.md, "Child protection"). Ids: child, conference or plan ids as the figure counts them. */
export function cpFigures(context: FigureContext): Record<string, YearFigure> {
  const { period, config } = context;
  const { start, end } = period;
  const during: string[] = [];
  const atYearEnd: ChildHistory[] = [];
  const initial: { id: string; heldOn: string; strategyDiscussionOn?: string }[] = [];
  const reviews: { id: string; inTime: boolean }[] = [];
  const started: { child: ChildHistory; plan: ProtectionPlan }[] = [];
  const ended: ProtectionPlan[] = [];
  const openAtEnd: ProtectionPlan[] = [];
  const cohort: ChildHistory[] = [];
  const recentStartFrom = addMonths(end, -24);

  for (const child of context.children) {
    if (child.plans.some((p) => p.start <= end && (p.end === undefined || p.end >= start))) during.push(child.childId);
    const open = planOn(child, end);
    if (open) {
      atYearEnd.push(child);
      openAtEnd.push(open);
    }
    for (const conference of child.initialConferences) {
      if (inPeriod(conference.heldOn, period)) initial.push({ id: conference.conferenceId, ...conference });
    }
    for (const conference of child.reviewConferences) {
      if (inPeriod(conference.heldOn, period)) reviews.push({ id: conference.conferenceId, inTime: conference.heldOn <= conference.dueBy });
    }
    for (const plan of child.plans) {
      if (inPeriod(plan.start, period)) started.push({ child, plan });
      if (inPeriod(plan.end, period)) ended.push(plan);
    }
    if (child.plans.filter((p) => p.start > recentStartFrom && p.start <= end).length >= 2) cohort.push(child);
  }

  const startedIds = started.map((s) => s.plan.planId);
  const measurable = initial.filter((c) => c.strategyDiscussionOn !== undefined && c.strategyDiscussionOn <= c.heldOn);
  const noPlansStarted = 'no plan started in the year';
  const families = new Set(cohort.map((child) => child.familyId ?? `child:${child.childId}`));
  const repeatPlanCohort: CohortFigure = {
    value: { children: cohort.length, families: families.size },
    ids: cohort.map((c) => c.childId),
  };

  return {
    'cp.plansDuringYear': countFigure(during),
    'cp.atYearEnd': countFigure(atYearEnd.map((c) => c.childId)),
    'cp.atYearEnd.bySex': breakdownFigure(
      atYearEnd.map((child) => ({ id: child.childId, key: unbornOn(child, end) ? 'unborn' : child.sex })),
      CP_SEX_KEYS,
    ),
    'cp.ratePer10k': ratePer10k(atYearEnd.map((c) => c.childId), config.populationUnder18ByYear[String(period.year)]),
    'cp.initialConferences': countFigure(initial.map((c) => c.id)),
    'cp.initialConferencesInTimescalePercent': percentFigure(
      measurable.filter((c) => c.heldOn <= initialConferenceDueDate(c.strategyDiscussionOn!)).map((c) => c.id),
      measurable.map((c) => c.id),
      'no initial conference with a strategy discussion date held in the year',
    ),
    'cp.reviewConferencesInTimescalePercent': percentFigure(
      reviews.filter((r) => r.inTime).map((r) => r.id),
      reviews.map((r) => r.id),
      'no review conference held in the year',
    ),
    'cp.plansStarted.byCategory': breakdownFigure(
      started.map(({ plan }) => ({ id: plan.planId, key: plan.categoryOfAbuse ?? 'unknown' })),
      CATEGORIES_OF_ABUSE,
      { percent: true },
    ),
    'cp.plansEndedLasting2YearsPercent': percentFigure(
      ended.filter((p) => p.end! >= addMonths(p.start, 24)).map((p) => p.planId),
      ended.map((p) => p.planId),
      'no plan ended in the year',
    ),
    'cp.repeatPlansPercent': percentFigure(
      started
        .filter(({ child, plan }) => (plan.previousPlanCount ?? 0) > 0 || child.plans.some((p) => p.start < plan.start))
        .map((s) => s.plan.planId),
      startedIds,
      noPlansStarted,
    ),
    'cp.repeatPlansWithin2YearsPercent': percentFigure(
      started
        .filter(({ child, plan }) => {
          const from = addMonths(plan.start, -24);
          return child.plans.some((p) => p.start < plan.start && p.end !== undefined && p.end >= from);
        })
        .map((s) => s.plan.planId),
      startedIds,
      noPlansStarted,
    ),
    'cp.openOver15Months': countFigure(openAtEnd.filter((p) => p.start <= addMonths(end, -15)).map((p) => p.planId)),
    'cp.openOver18Months': countFigure(openAtEnd.filter((p) => p.start <= addMonths(end, -18)).map((p) => p.planId)),
    'cp.repeatPlanCohort': repeatPlanCohort,
  };
}
