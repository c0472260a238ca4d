import { FigureId } from '../../src/reporting/figure-ids';

/** What each figure is called in the published report, in the words of the IRO annual report. */
export const FIGURE_LABELS: Record<FigureId, string> = {
  'cla.atYearEnd': 'Children in our care on 31 March',
  'cla.atYearEnd.bySex': 'Children in our care on 31 March, by sex',
  'cla.ratePer10k': 'Children in our care per 10,000 children aged 0-17',
  'cla.atYearEnd.byAgeGroup': 'Children in our care on 31 March, by age',
  'cla.atYearEnd.byEthnicity': 'Children in our care on 31 March, by ethnicity',
  'cla.started': 'Children who came into care in the year',
  'cla.ceased': 'Children who left care in the year',
  'cla.ceased.byReason': 'Children who left care, by reason',
  'cla.ceased.byAgeGroup': 'Children who left care, by age on leaving',
  'cla.atYearEnd.byPlacementGroup': 'Where children in our care live on 31 March',
  'cla.atYearEnd.placedOutsideLocalAuthorityPercent': 'Children in our care living outside the authority (%)',
  'cla.atYearEnd.interimCareOrderPercent': 'Children in our care on interim care orders (%)',
  'cla.threeOrMorePlacementsPercent': 'Children in our care with 3 or more placements in the year (%)',
  'cla.longTermStabilityPercent': 'Long-term placement stability (%)',
  'reviews.held': 'Children in care reviews held',
  'reviews.inTimescalePercent': 'Reviews held in timescale (%)',
  'reviews.participation': 'How children took part in their reviews',
  'reviews.notAttendedViewsNotConveyedPercent': 'Reviews where the child neither attended nor conveyed views (%)',
  'reviews.iroVisitedBeforeReviewPercent': 'Reviews where the IRO visited the child beforehand (%)',
  'challenges.raised': 'IRO challenges raised',
  'challenges.byCategory': 'IRO challenges by category',
  'challenges.byHighestStage': 'IRO challenges by highest stage reached',
  'challenges.mostCommonHighestStage': 'Most common highest stage',
  'challenges.cafcassReferrals': 'Referrals to Cafcass',
  'challenges.recoveryPlansAgreed': 'Challenges resolved with a recovery plan',
  'challenges.resolvedPercent': 'Challenges resolved (%)',
  'challenges.lookedAfterVsProtection': 'Challenges about children in care and children on a plan',
  'cp.plansDuringYear': 'Children subject of a protection plan during the year',
  'cp.atYearEnd': 'Children subject of a protection plan on 31 March',
  'cp.atYearEnd.bySex': 'Children subject of a protection plan on 31 March, by sex',
  'cp.ratePer10k': 'Children subject of a protection plan per 10,000 children aged 0-17',
  'cp.initialConferences': 'Initial child protection conferences held',
  'cp.initialConferencesInTimescalePercent': 'Initial conferences in timescale (%)',
  'cp.reviewConferencesInTimescalePercent': 'Review conferences in timescale (%)',
  'cp.plansStarted.byCategory': 'Plans started, by category of abuse',
  'cp.plansEndedLasting2YearsPercent': 'Plans ended that lasted 2 years or more (%)',
  'cp.repeatPlansPercent': 'Second or subsequent plans (%)',
  'cp.repeatPlansWithin2YearsPercent': 'Repeat plans within 2 years of the last (%)',
  'cp.openOver15Months': 'Plans open over 15 months on 31 March',
  'cp.openOver18Months': 'Plans open over 18 months on 31 March',
  'cp.repeatPlanCohort': 'Children with 2 or more plans in the past 2 years, and their families',
  'iro.caseloadsAtYearEnd': 'IRO caseloads on 31 March',
  'iro.meanCaseloadAtYearEnd': 'Mean IRO caseload on 31 March',
  'iro.aboveHandbookRange': 'IROs above the IRO Handbook range (70)',
  'iro.aboveLocalTarget': 'IROs above the local caseload target',
};

export const FIGURE_FAMILIES: { prefix: string; title: string }[] = [
  { prefix: 'cla.', title: 'Children in our care' },
  { prefix: 'reviews.', title: 'Children in care reviews' },
  { prefix: 'challenges.', title: 'IRO challenge (Issues Resolution Process)' },
  { prefix: 'cp.', title: 'Child protection' },
  { prefix: 'iro.', title: 'The IRO service' },
];

/** The headline figures shown first, with last year beside them. */
export const HEADLINE_FIGURES: FigureId[] = [
  'cla.atYearEnd', 'cla.ratePer10k', 'cla.started', 'reviews.held', 'reviews.inTimescalePercent',
  'reviews.notAttendedViewsNotConveyedPercent', 'reviews.iroVisitedBeforeReviewPercent', 'cla.threeOrMorePlacementsPercent',
  'cla.longTermStabilityPercent', 'challenges.raised', 'challenges.mostCommonHighestStage', 'cp.plansDuringYear', 'cp.atYearEnd',
  'cp.initialConferencesInTimescalePercent', 'cp.reviewConferencesInTimescalePercent', 'cp.repeatPlansPercent',
  'iro.meanCaseloadAtYearEnd',
];

/** 2019 -> "2019/20" */
export const yearLabel = (year: number): string => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

export function formatPublished(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return String(value);
}
