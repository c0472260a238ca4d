import { addMonths } from '../calendar/calendar-months';
import { CalendarDate } from '../calendar/calendar-date';
import { LocalAuthorityConfig } from '../config/local-authority-config';
import { CATEGORIES_OF_ABUSE, SEXES } from '../events/codes';
import { initialConferenceDue } from './due-dates';
import { ChildHistory, planOn, unbornOn } from './child-history';
import { ratePer10k } from './cla-figures';
import { breakdownFigure, CohortFigure, countFigure, percentFigure, YearFigure } from './figure';
import { FigureFamily, KeyedId } from './figure-family';
import { inPeriod, ReportingPeriod } from './reporting-period';

export const CP_SEX_KEYS = [...SEXES, 'unborn'] as const;
const NO_PLANS_STARTED = 'no plan started in the year';


/** Child protection (FIGURES.md, "Child protection"). Ids: child, conference or plan ids as each figure counts. */
export class ProtectionFigures implements FigureFamily {
  private readonly duringYear: string[] = [];
  private readonly atYearEnd: string[] = [];
  private readonly atYearEndBySex: KeyedId[] = [];
  private readonly initialConferences: string[] = [];
  private readonly measurableInitial: string[] = [];
  private readonly initialInTime: string[] = [];
  private readonly reviewConferences: string[] = [];
  private readonly reviewInTime: string[] = [];
  private readonly startedByCategory: KeyedId[] = [];
  private readonly started: string[] = [];
  private readonly repeat: string[] = [];
  private readonly repeatWithin2Years: string[] = [];
  private readonly ended: string[] = [];
  private readonly endedAfter2Years: string[] = [];
  private readonly openOver15Months: string[] = [];
  private readonly openOver18Months: string[] = [];
  private readonly cohort: string[] = [];
  private readonly families = new Set<string>();
  private readonly recentStartAfter: CalendarDate;
  private readonly openSince15: CalendarDate;
  private readonly openSince18: CalendarDate;

  constructor(
    private readonly period: ReportingPeriod,
    private readonly config: LocalAuthorityConfig,
  ) {
    this.recentStartAfter = addMonths(period.end, -24);
    this.openSince15 = addMonths(period.end, -15);
    this.openSince18 = addMonths(period.end, -18);
  }

  addChild(child: ChildHistory): void {
    const { start, end } = this.period;
    const id = child.childId;
    if (child.plans.length > 0) this.addPlans(child);
    for (const conference of child.initialConferences) {
      if (!inPeriod(conference.heldOn, this.period)) continue;
      this.initialConferences.push(conference.conferenceId);
      const strategy = conference.strategyDiscussionOn;
      if (strategy === undefined || strategy > conference.heldOn) continue;
      this.measurableInitial.push(conference.conferenceId);
      if (conference.heldOn <= initialConferenceDue(0, strategy)) this.initialInTime.push(conference.conferenceId);
    }
    for (const conference of child.reviewConferences) {
      if (!inPeriod(conference.heldOn, this.period)) continue;
      this.reviewConferences.push(conference.conferenceId);
      if (conference.heldOn <= conference.dueBy) this.reviewInTime.push(conference.conferenceId);
    }
    if (child.plans.some((p) => p.start <= end && (p.end === undefined || p.end >= start))) this.duringYear.push(id);
  }

  private addPlans(child: ChildHistory): void {
    const { end } = this.period;
    const open = planOn(child, end);
    if (open) {
      this.atYearEnd.push(child.childId);
      this.atYearEndBySex.push({ id: child.childId, key: unbornOn(child, end) ? 'unborn' : child.sex });
      if (open.start <= this.openSince15) this.openOver15Months.push(open.planId);
      if (open.start <= this.openSince18) this.openOver18Months.push(open.planId);
    }
    for (const plan of child.plans) {
      if (inPeriod(plan.start, this.period)) {
        this.started.push(plan.planId);
        this.startedByCategory.push({ id: plan.planId, key: plan.categoryOfAbuse ?? 'unknown' });
        const earlier = child.plans.filter((p) => p.start < plan.start);
        if ((plan.previousPlanCount ?? 0) > 0 || earlier.length > 0) this.repeat.push(plan.planId);
        const from = addMonths(plan.start, -24);
        if (earlier.some((p) => p.end !== undefined && p.end >= from)) this.repeatWithin2Years.push(plan.planId);
      }
      if (inPeriod(plan.end, this.period)) {
        this.ended.push(plan.planId);
        if (plan.end! >= addMonths(plan.start, 24)) this.endedAfter2Years.push(plan.planId);
      }
    }
    if (child.plans.filter((p) => p.start > this.recentStartAfter && p.start <= end).length >= 2) {
      this.cohort.push(child.childId);
      this.families.add(child.familyId ?? `child:${child.childId}`);
    }
  }

  finish(): Record<string, YearFigure> {
    const repeatPlanCohort: CohortFigure = { value: { children: this.cohort.length, families: this.families.size }, ids: this.cohort };
    return {
      'cp.plansDuringYear': countFigure(this.duringYear),
      'cp.atYearEnd': countFigure(this.atYearEnd),
      'cp.atYearEnd.bySex': breakdownFigure(this.atYearEndBySex, CP_SEX_KEYS),
      'cp.ratePer10k': ratePer10k(this.atYearEnd, this.config.populationUnder18ByYear[String(this.period.year)]),
      'cp.initialConferences': countFigure(this.initialConferences),
      'cp.initialConferencesInTimescalePercent': percentFigure(
        this.initialInTime,
        this.measurableInitial,
        'no initial conference with a strategy discussion date held in the year',
      ),
      'cp.reviewConferencesInTimescalePercent': percentFigure(this.reviewInTime, this.reviewConferences, 'no review conference held in the year'),
      'cp.plansStarted.byCategory': breakdownFigure(this.startedByCategory, CATEGORIES_OF_ABUSE, { percent: true }),
      'cp.plansEndedLasting2YearsPercent': percentFigure(this.endedAfter2Years, this.ended, 'no plan ended in the year'),
      'cp.repeatPlansPercent': percentFigure(this.repeat, this.started, NO_PLANS_STARTED),
      'cp.repeatPlansWithin2YearsPercent': percentFigure(this.repeatWithin2Years, this.started, NO_PLANS_STARTED),
      'cp.openOver15Months': countFigure(this.openOver15Months),
      'cp.openOver18Months': countFigure(this.openOver18Months),
      'cp.repeatPlanCohort': repeatPlanCohort,
    };
  }
}
