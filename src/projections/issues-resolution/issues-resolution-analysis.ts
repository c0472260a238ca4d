import { CalendarDate } from '../../calendar/calendar-date';
import { ChallengeCategory, CHALLENGE_CATEGORIES } from '../../events/codes';
import { ChallengeWithChildren } from './children-at-raising';
import { challengeAsAt, currentSpell, deadlineMetAsOf, isOverdueAt } from './challenge-history';
import { challengeGroups, ChallengeGroupSummary, NOT_ADDRESSED } from './challenge-groups';
import { byStage, StageKey, STAGE_KEYS } from './challenge-stages';
import { median, percent, PercentFigure } from './percent';

export interface AnalysisPeriod {
  from: CalendarDate;
  to: CalendarDate;
}

export interface StageFigures {
  /** challenges of the cohort that entered the stage by `to` */
  entered: number;
  /** of the stage's deadlines that had fallen due or been answered by `to`, those answered on time */
  deadlineMetPercent: PercentFigure;
  /** of the spells at the stage that had ended by `to`, the median working days spent */
  medianWorkingDays: number | null;
}

export interface IssuesResolutionAnalysis {
  from: CalendarDate;
  to: CalendarDate;
  raised: number;
  byCategory: Record<ChallengeCategory, number>;
  byHighestStage: Record<StageKey, number>;
  /** the stage with the largest count above; on a tie the higher stage; null when none raised */
  mostCommonHighestStage: StageKey | null;
  resolved: number;
  resolvedAtStage: Record<StageKey, number>;
  /** of the challenges resolved by `to`, those resolved at stage 1 without escalation */
  resolvedAtLowestLevelPercent: PercentFigure;
  cafcassReferrals: number;
  recoveryPlansAgreed: number;
  stages: Record<StageKey, StageFigures>;
  openByStage: Record<StageKey, number>;
  overdueByStage: Record<StageKey, number>;
  /** on the day each was raised, whether any child it names was looked after, on a plan (a challenge may count in both), or neither */
  lookedAfterVsProtection: { lookedAfter: number; protection: number; neither: number };
  /** the cohort by the IRO who raised each challenge */
  byRaisedBy: Record<string, ChallengeGroupSummary>;
  /** by who each was addressed to (the team or manager; `not given` when the IRO named no one) */
  byAddressedTo: Record<string, ChallengeGroupSummary>;
  /** by the month each was raised (`yyyy-mm`) */
  byMonth: Record<string, ChallengeGroupSummary>;
  /** the challenges of the cohort */
  challengeIds: string[];
}

/** The cohort's filter for the read store: challenges raised from `from` to `to`, both included. */
export function issuesResolutionCohortFilter(period: AnalysisPeriod): Record<string, unknown> {
  return { raisedOn: { $gte: period.from, $lte: period.to } };
}

/**
 * The Issues Resolution stage analysis for the challenges raised in the period, with
 * their steps counted as they stood at the end of `to` (FIGURES.md, `challenges.*`).
 */
export function analyseIssuesResolution(documents: readonly ChallengeWithChildren[], period: AnalysisPeriod): IssuesResolutionAnalysis {
  const { from, to } = period;
  const cohort = documents
    .filter((challenge) => challenge.raisedOn >= from && challenge.raisedOn <= to)
    .map((challenge) => challengeAsAt(challenge, to)!)
    .sort((a, b) => (a.challengeId < b.challengeId ? -1 : a.challengeId > b.challengeId ? 1 : 0));

  const byCategory = Object.fromEntries(CHALLENGE_CATEGORIES.map((category) => [category, 0])) as Record<ChallengeCategory, number>;
  const byHighestStage = byStage(() => 0);
  const resolvedAtStage = byStage(() => 0);
  const openByStage = byStage(() => 0);
  const overdueByStage = byStage(() => 0);
  const entered = byStage(() => 0);
  const deadlines = byStage(() => ({ met: 0, decided: 0 }));
  const workingDays = byStage((): number[] => []);
  const split = { lookedAfter: 0, protection: 0, neither: 0 };
  let resolved = 0;
  let resolvedAtLowestLevel = 0;
  let recoveryPlansAgreed = 0;

  for (const challenge of cohort) {
    byCategory[challenge.category] += 1;
    const current = currentSpell(challenge);
    byHighestStage[current.stage] += 1;
    for (const spell of challenge.stages) {
      entered[spell.stage] += 1;
      const met = deadlineMetAsOf(spell, to);
      if (met !== null) {
        deadlines[spell.stage].decided += 1;
        if (met) deadlines[spell.stage].met += 1;
      }
      if (spell.workingDays !== null) workingDays[spell.stage].push(spell.workingDays);
    }
    if (challenge.status === 'resolved') {
      resolved += 1;
      resolvedAtStage[current.stage] += 1;
      if (challenge.stages.length === 1) resolvedAtLowestLevel += 1;
      if (challenge.recoveryPlanAgreed) recoveryPlansAgreed += 1;
    } else {
      openByStage[current.stage] += 1;
      if (isOverdueAt(current, to)) overdueByStage[current.stage] += 1;
    }
    if (challenge.lookedAfterAtRaising) split.lookedAfter += 1;
    if (challenge.protectionAtRaising) split.protection += 1;
    if (!challenge.lookedAfterAtRaising && !challenge.protectionAtRaising) split.neither += 1;
  }

  const stages = Object.fromEntries(
    STAGE_KEYS.map((key): [StageKey, StageFigures] => [
      key,
      {
        entered: entered[key],
        deadlineMetPercent: percent(
          deadlines[key].met,
          deadlines[key].decided,
          key === 'cafcass'
            ? 'a Cafcass referral has no Issues Resolution Process deadline'
            : `no stage ${key} deadline had fallen due or been answered by ${to}`,
        ),
        medianWorkingDays: median(workingDays[key]),
      },
    ]),
  ) as Record<StageKey, StageFigures>;

  return {
    from,
    to,
    raised: cohort.length,
    byCategory,
    byHighestStage,
    mostCommonHighestStage: mostCommon(byHighestStage),
    resolved,
    resolvedAtStage,
    resolvedAtLowestLevelPercent: percent(resolvedAtLowestLevel, resolved, `no challenge raised in the period was resolved by ${to}`),
    cafcassReferrals: byHighestStage.cafcass,
    recoveryPlansAgreed,
    stages,
    openByStage,
    overdueByStage,
    lookedAfterVsProtection: split,
    ...challengeGroups(
      cohort,
      {
        byRaisedBy: (challenge) => challenge.raisedBy,
        byAddressedTo: (challenge) => challenge.addressedTo ?? NOT_ADDRESSED,
        byMonth: (challenge) => challenge.raisedOn.slice(0, 7),
      },
      to,
    ),
    challengeIds: cohort.map((challenge) => challenge.challengeId),
  };
}

/** Stage keys run lowest first, so on a tie the later (higher) stage wins. */
function mostCommon(counts: Record<StageKey, number>): StageKey | null {
  let best: StageKey | null = null;
  for (const key of STAGE_KEYS) {
    if (counts[key] > 0 && (best === null || counts[key] >= counts[best])) best = key;
  }
  return best;
}
