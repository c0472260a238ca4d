import { CHALLENGE_CATEGORIES, CHALLENGE_STAGES } from '../events/codes';
import { lookedAfterPeriodOn, planOn } from './child-history';
import { highestStageBy, resolutionBy } from './challenge-history';
import { breakdownFigure, BreakdownFigure, countFigure, percentFigure, StageFigure, YearFigure } from './figure';
import { FigureContext, inPeriod } from './reporting-period';

export const CHALLENGE_STAGE_KEYS = CHALLENGE_STAGES.map(String);
export const LOOKED_AFTER_VS_PROTECTION_KEYS = ['lookedAfter', 'protection', 'neither'] as const;

/**
 * IRO challenge (FIGURES.md, "IRO challenge"). The cohort is the challenges raised in the
 * year; their escalations and resolutions count when dated on or before the year end.
 */
export function challengeFigures(context: FigureContext): Record<string, YearFigure> {
  const { period } = context;
  const cohort = context.challenges.filter((c) => inPeriod(c.raisedOn, period));
  const cohortIds = cohort.map((c) => c.challengeId);
  const highest = cohort.map((c) => ({ id: c.challengeId, key: String(highestStageBy(c, period.end)) }));
  const byHighestStage = breakdownFigure(highest, CHALLENGE_STAGE_KEYS, { percent: true });
  const children = new Map(context.children.map((child) => [child.childId, child]));
  const lookedAfterVsProtection: { id: string; key: string }[] = [];
  for (const challenge of cohort) {
    const named = challenge.childIds.map((id) => children.get(id)).filter((c) => c !== undefined);
    const lookedAfter = named.some((child) => lookedAfterPeriodOn(child, challenge.raisedOn) !== undefined);
    const protection = named.some((child) => planOn(child, challenge.raisedOn) !== undefined);
    if (lookedAfter) lookedAfterVsProtection.push({ id: challenge.challengeId, key: 'lookedAfter' });
    if (protection) lookedAfterVsProtection.push({ id: challenge.challengeId, key: 'protection' });
    if (!lookedAfter && !protection) lookedAfterVsProtection.push({ id: challenge.challengeId, key: 'neither' });
  }
  const noChallenges = 'no challenge raised in the year';
  return {
    'challenges.raised': countFigure(cohortIds),
    'challenges.byCategory': breakdownFigure(
      cohort.map((c) => ({ id: c.challengeId, key: c.category })),
      CHALLENGE_CATEGORIES,
      { percent: true },
    ),
    'challenges.byHighestStage': byHighestStage,
    'challenges.mostCommonHighestStage': mostCommonStage(byHighestStage),
    'challenges.cafcassReferrals': countFigure(highest.filter((h) => h.key === 'cafcass').map((h) => h.id)),
    'challenges.recoveryPlansAgreed': countFigure(
      cohort.filter((c) => resolutionBy(c, period.end)?.outcome === 'recovery-plan-agreed').map((c) => c.challengeId),
    ),
    'challenges.resolvedPercent': percentFigure(
      cohort.filter((c) => resolutionBy(c, period.end) !== undefined).map((c) => c.challengeId),
      cohortIds,
      noChallenges,
    ),
    'challenges.lookedAfterVsProtection': {
      ...breakdownFigure(lookedAfterVsProtection, LOOKED_AFTER_VS_PROTECTION_KEYS),
      ids: cohortIds,
    },
  };
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
