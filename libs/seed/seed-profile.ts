import { CalendarDate } from '../../src/calendar/calendar-date';
import { PlacementGroup } from '../../src/config/local-authority-config';
import { CategoryOfAbuse, ChallengeCategory, EthnicityCode, ParticipationCode } from '../../src/events/codes';

/**
 * A seed profile: the target table of a synthetic authority's history. It holds what
 * the report must show (the `targets`, figures as the annual report states them) and
 * the shape of the authority that the report does not state (flows between years,
 * distributions), from which the generator builds each child's history to the targets.
 *
 * Years are reporting years: 2019 is 1 April 2019 to 31 March 2020. A flow key `before`
 * is "started before the history"; `open` is "still open at the report's year end".
 */
export type StartKey = 'before' | number;
export type EndKey = number | 'open';

/** `{ from: 'before', to: 2018, count: 78 }`: 78 started before the history and ended in 2018/19. */
export interface Flow {
  from: StartKey;
  to: EndKey;
  count: number;
}

/** Percentages of a whole: they need not sum to exactly 100; counts follow by largest remainder. */
export type Shares<K extends string> = Partial<Record<K, number>>;

export interface ReviewYearTargets {
  /** reviews held in the year; absent: whatever the statutory schedule gives, no extra reviews */
  held?: number;
  inTimescalePercent: number;
  /** PN7: did not attend, views not conveyed */
  notAttendedViewsNotConveyedPercent: number;
  iroVisitedBeforeReviewPercent: number;
}

export interface ChallengeYearTargets {
  raised: number;
  /** by category, percent of the challenges raised */
  categoryPercent: Shares<ChallengeCategory>;
  /** by highest stage reached by the year end: counts */
  byHighestStage: Record<'1' | '2' | '3' | '4' | 'cafcass', number>;
  /** raised about a child on a protection plan (the rest are about children looked after) */
  aboutChildrenOnAPlan: number;
}

export interface ProtectionYearTargets {
  plansStarted: number;
  /** children on a plan on the year's last day */
  onPlanAtYearEnd: number;
  /** children on a plan on some day of the year (a check: it follows from the flows and repeats) */
  childrenOnAPlanDuringYear?: number;
  /** initial conferences that decided no plan */
  initialConferencesWithoutPlan: number;
  initialConferencesInTimescalePercent: number;
  reviewConferencesInTimescalePercent: number;
  categoryPercent: Shares<CategoryOfAbuse>;
  plansEndedLasting2YearsPercent?: number;
  repeatPlansPercent: number;
}

export interface LookedAfterYearTargets {
  /** children starting a period of care in the year (each once) */
  started: number;
  /** of the children looked after at the year end: 3 or more placements in the year */
  threeOrMorePlacementsPercent: number;
}

export interface YearTargets {
  lookedAfter: LookedAfterYearTargets;
  reviews: ReviewYearTargets;
  challenges: ChallengeYearTargets;
  protection: ProtectionYearTargets;
}

/** The report year's figures about the children looked after at its end. */
export interface YearEndTargets {
  bySex: { male: number; female: number };
  byAgeGroupPercent: Shares<'under1' | '1-4' | '5-9' | '10-15' | '16+'>;
  byEthnicityPercent: Shares<EthnicityCode>;
  byPlacementGroupPercent: Shares<PlacementGroup>;
  placedOutsideLocalAuthorityPercent: number;
  interimCareOrderPercent: number;
  longTermStabilityPercent: number;
  /** children on a plan at the year end, percent by sex ('unborn' counted apart) */
  onPlanBySexPercent: Shares<'male' | 'female' | 'unborn'>;
}

/** A family of children with two child protection plans in the last two years (the repeat-plan cohort). */
export interface RepeatPlanFamily {
  children: number;
  first: { from: number; to: number };
  second: { from: number; to: EndKey };
  /** plans the children had before the first (given as previousPlanCount) */
  earlierPlans: number;
}

/** A challenge about several children at once (IRP service-level challenge). */
export interface ServiceLevelChallenge {
  raisedOn: CalendarDate;
  category: ChallengeCategory;
  highestStage: 1 | 2 | 3 | 4;
  summary: string;
  /** which children it names, read from the history on the day it is raised */
  names: 'care-order-placed-at-home' | 'service-area' | 'living-with-family';
  children: number;
}

export interface SeedProfile {
  name: string;
  description: string;
  localAuthority: string;
  /** the PRNG seed: the same profile always writes the same history */
  seed: number;
  /** prefix of every generated id (children, challenges, IROs) */
  idPrefix: string;
  /** the reporting year the targets are for */
  reportYear: number;
  /** the first reporting year of the history */
  firstYear: number;
  /**
   * The day the service started recording: the cases open then are entered that day with
   * their history so far (backdated), then everything is recorded as it happens.
   */
  migrationDay: CalendarDate;
  /** no record is made after this day (records made after the report year end are late records) */
  lastRecordDay: CalendarDate;
  populationUnder18ByYear: Record<string, number>;

  iros: { team: number; joining: { count: number; on: CalendarDate }[] };

  targets: {
    /** by reporting year, from firstYear to reportYear */
    years: Record<number, YearTargets>;
    yearEnd: YearEndTargets;
  };

  shape: {
    lookedAfter: {
      /** periods of care by start and end year; `open` ends none before the report year end */
      flows: Flow[];
      /** children who leave care and come back in a later year: first period's end year, second's start year */
      returns: { left: number; returned: number; children: number }[];
      /** children coming into care from a protection plan, by year: the plan ends at a review conference soon after */
      fromProtectionPlan: Record<number, number>;
      /** children leaving care on their 18th birthday, percent of the leavers who came into care aged 13 or over */
      leavingAt18Percent: number;
      /** age on starting care, percent */
      ageOnStartingPercent: Shares<'under1' | '1-4' | '5-9' | '10-15' | '16+'>;
      /** placement changes per child per year, outside the stability targets */
      placementChangeChance: number;
      /** share of placements outside the authority, outside the year-end target */
      placedOutsideChance: number;
    };
    reviews: {
      /** how many days before the due date a review is held, at most */
      heldEarlyByDaysAtMost: number;
      /** late reviews: held this many days after the due date, at most */
      lateByDaysAtMost: number;
      /** for years with no target: the chance a review is late, PN7, visited */
      defaults: { latePercent: number; notAttendedViewsNotConveyedPercent: number; iroVisitedBeforeReviewPercent: number };
      /** participation of children aged 4 or over, other than PN7 */
      participationWeights: Shares<Exclude<ParticipationCode, 'PN0' | 'PN7'>>;
    };
    protection: {
      flows: Flow[];
      repeatPlanFamilies: RepeatPlanFamily[];
      /** a later plan for a child whose earlier plan started before the last two years, by the later plan's year */
      returningChildren: Record<number, number>;
      /** age at the start of a child's first plan, percent */
      ageOnFirstPlanPercent: Shares<'under1' | '1-4' | '5-9' | '10-15' | '16+'>;
      /** for years with no target */
      defaultCategoryPercent: Shares<CategoryOfAbuse>;
      heldEarlyByDaysAtMost: number;
      lateByDaysAtMost: number;
    };
    challenges: {
      serviceLevel: ServiceLevelChallenge[];
      /** outcomes of challenges that are resolved, percent; the rest stay open */
      outcomePercent: Shares<'resolved' | 'recovery-plan-agreed' | 'not-upheld' | 'withdrawn'>;
      openPercent: number;
    };
    recording: {
      /** reviews and conferences recorded some days after they were held */
      lateRecordedPercent: number;
      lateRecordedByDaysAtMost: number;
      /** reviews held in the report year's last fortnight and recorded after its end */
      recordedAfterYearEnd: number;
    };
  };
}
