/** Every figure of the annual IRO report, in the order of ../shared/FIGURES.md. */
export const FIGURE_IDS = [
  'cla.atYearEnd',
  'cla.atYearEnd.bySex',
  'cla.ratePer10k',
  'cla.atYearEnd.byAgeGroup',
  'cla.atYearEnd.byEthnicity',
  'cla.started',
  'cla.ceased',
  'cla.ceased.byReason',
  'cla.ceased.byAgeGroup',
  'cla.atYearEnd.byPlacementGroup',
  'cla.atYearEnd.placedOutsideLocalAuthorityPercent',
  'cla.atYearEnd.interimCareOrderPercent',
  'cla.threeOrMorePlacementsPercent',
  'cla.longTermStabilityPercent',
  'reviews.held',
  'reviews.inTimescalePercent',
  'reviews.participation',
  'reviews.notAttendedViewsNotConveyedPercent',
  'reviews.iroVisitedBeforeReviewPercent',
  'challenges.raised',
  'challenges.byCategory',
  'challenges.byHighestStage',
  'challenges.mostCommonHighestStage',
  'challenges.cafcassReferrals',
  'challenges.recoveryPlansAgreed',
  'challenges.resolvedPercent',
  'challenges.lookedAfterVsProtection',
  'cp.plansDuringYear',
  'cp.atYearEnd',
  'cp.atYearEnd.bySex',
  'cp.ratePer10k',
  'cp.initialConferences',
  'cp.initialConferencesInTimescalePercent',
  'cp.reviewConferencesInTimescalePercent',
  'cp.plansStarted.byCategory',
  'cp.plansEndedLasting2YearsPercent',
  'cp.repeatPlansPercent',
  'cp.repeatPlansWithin2YearsPercent',
  'cp.openOver15Months',
  'cp.openOver18Months',
  'cp.repeatPlanCohort',
  'iro.caseloadsAtYearEnd',
  'iro.meanCaseloadAtYearEnd',
  'iro.aboveHandbookRange',
  'iro.aboveLocalTarget',
] as const;

export type FigureId = (typeof FIGURE_IDS)[number];

export function isFigureId(value: string): value is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(value);
}

/** What the ids of a figure name: children, reviews, conferences, plans, challenges or IROs. */
export type FigureItemKind = 'child' | 'review' | 'conference' | 'plan' | 'challenge' | 'iro';

export function itemKindOf(figureId: FigureId): FigureItemKind {
  if (figureId === 'cp.plansDuringYear') return 'child';
  if (figureId.startsWith('reviews.')) return 'review';
  if (figureId.startsWith('challenges.')) return 'challenge';
  if (figureId === 'cp.initialConferences' || figureId.startsWith('cp.initialConferencesIn') || figureId.startsWith('cp.reviewConferences')) {
    return 'conference';
  }
  if (figureId.startsWith('cp.plans') || figureId.startsWith('cp.repeatPlans') || figureId.startsWith('cp.openOver')) return 'plan';
  if (figureId === 'iro.meanCaseloadAtYearEnd' || figureId === 'iro.aboveHandbookRange' || figureId === 'iro.aboveLocalTarget') return 'iro';
  return 'child';
}
