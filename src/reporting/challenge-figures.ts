import { CalendarDate } from '../calendar/calendar-date';
import { CHALLENGE_CATEGORIES, CHALLENGE_STAGES, ChallengeCategory, ChallengeOutcome } from '../events/codes';
import { ChildHistory, lookedAfterPeriodOn, planOn } from './child-history';
import { ChallengeHistory, highestStageBy, resolutionBy } from './challenge-history';
import { breakdownFigure, BreakdownFigure, countFigure, percentFigure, StageFigure, YearFigure } from './figure';
import { FigureFamily, KeyedId } from './figure-family';
import { inPeriod, ReportingPeriod } from './reporting-period';

export const CHALLENGE_STAGE_KEYS = CHALLENGE_STAGES.map(String);
export const LOOKED_AFTER_VS_PROTECTION_KEYS = ['lookedAfter', 'protection', 'neither'] as const;

interface CohortChallenge {
  id: string;
  raisedOn: CalendarDate;
  category: ChallengeCategory;
  highestStage: string;
  outcome?: ChallengeOutcome;
  lookedAfter: boolean;
  protection: boolean;
}

/**
 * IRO challenge (FIGURES.md, "IRO challenge"). The cohort is the challenges raised in the
 * year; their escalations and resolutions count when dated on or before the year end.
 * Whether a challenge's children were looked after or on a plan on the day it was raised
 * is read as each child passes. Ids are challenge ids.
 */
export class ChallengeFigures implements FigureFamily {
  private readonly cohort: CohortChallenge[] = [];
  /** the cohort's challenges by the children they name */
  private readonly raisedAbout = new Map<string, CohortChallenge[]>();

  constructor(private readonly period: ReportingPeriod) {}

  addChallenge(challenge: ChallengeHistory): void {
    if (!inPeriod(challenge.raisedOn, this.period)) return;
    const entry: CohortChallenge = {
      id: challenge.challengeId, raisedOn: challenge.raisedOn, category: challenge.category,
      highestStage: String(highestStageBy(challenge, this.period.end)), outcome: resolutionBy(challenge, this.period.end)?.outcome,
      lookedAfter: false, protection: false,
    };
    this.cohort.push(entry);
    for (const childId of new Set(challenge.childIds)) {
      const list = this.raisedAbout.get(childId);
      if (list) list.push(entry);
      else this.raisedAbout.set(childId, [entry]);
    }
  }

  addChild(child: ChildHistory): void {
    const challenges = this.raisedAbout.get(child.childId);
    if (!challenges) return;
    for (const challenge of challenges) {
      if (lookedAfterPeriodOn(child, challenge.raisedOn)) challenge.lookedAfter = true;
      if (planOn(child, challenge.raisedOn)) challenge.protection = true;
    }
  }

  finish(): Record<string, YearFigure> {
    const cohortIds = this.cohort.map((c) => c.id);
    const byHighestStage = breakdownFigure(this.cohort.map((c) => ({ id: c.id, key: c.highestStage })), CHALLENGE_STAGE_KEYS, { percent: true });
    const lookedAfterVsProtection: KeyedId[] = [];
    for (const challenge of this.cohort) {
      if (challenge.lookedAfter) lookedAfterVsProtection.push({ id: challenge.id, key: 'lookedAfter' });
      if (challenge.protection) lookedAfterVsProtection.push({ id: challenge.id, key: 'protection' });
      if (!challenge.lookedAfter && !challenge.protection) lookedAfterVsProtection.push({ id: challenge.id, key: 'neither' });
    }
    return {
      'challenges.raised': countFigure(cohortIds),
      'challenges.byCategory': breakdownFigure(this.cohort.map((c) => ({ id: c.id, key: c.category })), CHALLENGE_CATEGORIES, { percent: true }),
      'challenges.byHighestStage': byHighestStage,
      'challenges.mostCommonHighestStage': mostCommonStage(byHighestStage),
      'challenges.cafcassReferrals': countFigure(this.cohort.filter((c) => c.highestStage === 'cafcass').map((c) => c.id)),
      'challenges.recoveryPlansAgreed': countFigure(this.cohort.filter((c) => c.outcome === 'recovery-plan-agreed').map((c) => c.id)),
      'challenges.resolvedPercent': percentFigure(
        this.cohort.filter((c) => c.outcome !== undefined).map((c) => c.id),
        cohortIds,
        'no challenge raised in the year',
      ),
      'challenges.lookedAfterVsProtection': {
        ...breakdownFigure(lookedAfterVsProtection, LOOKED_AFTER_VS_PROTECTION_KEYS),
        ids: cohortIds,
      },
    };
  }
}

/** The stage with the largest count; on a tie, the higher stage. */
function mostCommonStage(byHighestStage: BreakdownFigure): StageFigure {
  let best: string | null = null;
  for (const stage of CHALLENGE_STAGE_KEYS) {
    const count = byHighestStage.value[stage];
    if (count > 0 && (best === null || count >= byHighestStage.value[best])) best = stage;
  }
  return best === null
    ? { value: null, reason: 'no challenge raised in the year', ids: [] }
    : { value: best, ids: byHighestStage.idsByKey[best] };
}
