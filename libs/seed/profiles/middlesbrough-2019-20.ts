import { SeedProfile } from '../seed-profile';

/**
 * A synthetic council the size of Middlesbrough, April 2017 to March 2020, whose 2019/20
 * annual IRO report gives the figures of the IRO Annual Report 2019/20 in the Corporate
 * Parenting Board pack (../shared/reference/000_f3e6a27afe9f665f.txt): counts exact,
 * percentages to within half a point, except the two directions the description names
 * (README, "The annual IRO report"). No real child: every id is generated.
 *
 * `targets` are the report's own figures (2019/20, with 2018/19 where the report gives
 * last year's); where it gives none, a plausible value is marked "not in the report".
 * `shape` is what the report does not say: how many children move between years, ages,
 * distributions. The flows are built so that the stocks and counts come out as the
 * targets say: the generator checks that they do before it writes anything.
 */
export const MIDDLESBROUGH_2019_20: SeedProfile = {
  name: 'middlesbrough-2019-20',
  description:
    'A synthetic council the size of Middlesbrough, April 2017 to March 2020: its 2019/20 annual IRO report gives ' +
    'the counts the IRO Annual Report 2019/20 states, this year and last (619 children looked after at year end, ' +
    '1434 reviews, 166 challenges, 528 children on a protection plan during the year), and its percentages to within ' +
    'half a point (13.7% for 13.8%: no whole number of children gives some of them); except that long-term stability ' +
    'falls (67.1% to 51.8%; the report: 51.7%, improved slightly) and plans open over 18 months rise (10 to 41; the ' +
    'report: fewer).',
  localAuthority: 'Middlesbrough (synthetic seed history)',
  seed: 20200331,
  idPrefix: 'mbro',
  reportYear: 2019,
  firstYear: 2017,
  migrationDay: '2017-04-03',
  lastRecordDay: '2020-04-30',
  // 619 looked after at year end "means 189 out of every 10,000 children"
  populationUnder18ByYear: { '2017': 32500, '2018': 32650, '2019': 32751 },

  // "two additional IRO posts were created"; the mean caseload at the end of March 2020 was about 100
  iros: { team: 8, joining: [{ count: 2, on: '2019-10-01' }] },

  targets: {
    years: {
      2017: {
        // not in the report: a plausible year before
        lookedAfter: { started: 190, threeOrMorePlacementsPercent: 8 },
        reviews: { inTimescalePercent: 94, notAttendedViewsNotConveyedPercent: 12, iroVisitedBeforeReviewPercent: 50 },
        challenges: {
          raised: 150,
          categoryPercent: {
            'drift-and-delay': 55, 'care-planning': 15, permanence: 10, placement: 8, 'statutory-visits': 5,
            health: 2, education: 2, contact: 2, 'legal-status': 1,
          },
          byHighestStage: { '1': 70, '2': 45, '3': 25, '4': 10, cafcass: 0 },
          aboutChildrenOnAPlan: 8,
        },
        protection: {
          plansStarted: 190, onPlanAtYearEnd: 143, initialConferencesWithoutPlan: 30,
          initialConferencesInTimescalePercent: 85, reviewConferencesInTimescalePercent: 95,
          categoryPercent: { NEG: 52, EMO: 36, PHY: 8, SAB: 2, MUL: 2 },
          repeatPlansPercent: 22,
        },
      },
      2018: {
        lookedAfter: {
          started: 203, // "293 children came into care, an increase from 203 last year"
          threeOrMorePlacementsPercent: 8.5, // "increased from 8.5% to 13.8%"
        },
        reviews: {
          held: 1254, // "increased from 1254 to 1434"
          inTimescalePercent: 95, // "89% ... This is down from 95% last year"
          notAttendedViewsNotConveyedPercent: 12.5, // not in the report ("more children participated")
          iroVisitedBeforeReviewPercent: 55, // not in the report
        },
        challenges: {
          raised: 178, // not in the report ("166 ... a slight reduction on 2018/19")
          categoryPercent: {
            'drift-and-delay': 58, 'care-planning': 12, permanence: 8, placement: 8, 'statutory-visits': 5,
            health: 3, education: 2, contact: 2, 'legal-status': 2,
          },
          byHighestStage: { '1': 62, '2': 56, '3': 43, '4': 17, cafcass: 0 },
          aboutChildrenOnAPlan: 10,
        },
        protection: {
          plansStarted: 220,
          onPlanAtYearEnd: 204,
          childrenOnAPlanDuringYear: 359, // "528 ... that is 169 more than last year"
          initialConferencesWithoutPlan: 35,
          initialConferencesInTimescalePercent: 81.1, // "declined from 81.1% in 2018/19"
          reviewConferencesInTimescalePercent: 96.6, // "declined by 16.6% ... to 80%"
          categoryPercent: { NEG: 55, EMO: 35, PHY: 7, SAB: 2, MUL: 1 },
          plansEndedLasting2YearsPercent: 8.6, // "reduced from 8.6% to 4.5%"
          repeatPlansPercent: 25.2, // "reduced from 25.2 to 18.6%"
        },
      },
      2019: {
        lookedAfter: { started: 293, threeOrMorePlacementsPercent: 13.8 },
        reviews: {
          held: 1434, inTimescalePercent: 89, notAttendedViewsNotConveyedPercent: 9.4, iroVisitedBeforeReviewPercent: 59,
        },
        challenges: {
          raised: 166,
          categoryPercent: {
            'drift-and-delay': 64.5, 'care-planning': 9, permanence: 7.2, placement: 6, 'statutory-visits': 4.8,
            health: 2.4, education: 2.4, contact: 1.8, 'legal-status': 1.9,
          },
          // "more IRO challenge was escalated to stage 3 (Head of Service) than any other level ... an increase
          // in the number escalated to Stage 4 (Director) and one referral to ... CAFCASS"
          byHighestStage: { '1': 36, '2': 41, '3': 55, '4': 33, cafcass: 1 },
          aboutChildrenOnAPlan: 14,
        },
        protection: {
          plansStarted: 330,
          onPlanAtYearEnd: 379,
          childrenOnAPlanDuringYear: 528,
          initialConferencesWithoutPlan: 40,
          initialConferencesInTimescalePercent: 75.5,
          reviewConferencesInTimescalePercent: 80,
          categoryPercent: { NEG: 61.3, EMO: 30, PHY: 7, SAB: 1.6, MUL: 0.1 },
          plansEndedLasting2YearsPercent: 4.5,
          repeatPlansPercent: 18.6,
        },
      },
    },
    yearEnd: {
      bySex: { male: 342, female: 277 },
      byAgeGroupPercent: { under1: 6, '1-4': 17, '5-9': 20, '10-15': 36, '16+': 21 },
      // "Most ... are White British (79.6%), 3.5% are African, 3.3% are Any other White background, 1.3% are
      // Gypsy/Roma", less than 10 children each from the others
      byEthnicityPercent: {
        WBRI: 79.6, BAFR: 3.5, WOTH: 3.3, WROM: 1.3, ABAN: 1.1, APKN: 1.3, WIRT: 0.8, MWBA: 1.3, MWBC: 1.3,
        WIRI: 0.5, AOTH: 0.8, MOTH: 1.3, BOTH: 0.6, MWAS: 1.3, NOBT: 1.2, OOTH: 0.8,
      },
      byPlacementGroupPercent: {
        foster: 48.2, connected: 21.2, placedWithParents: 14.5, childrensHomes: 9.7, supportedAccommodation: 2.3,
        independentLiving: 1.5, secure: 0.5, health: 0.5, adoption: 0.8, other: 0.8,
      },
      placedOutsideLocalAuthorityPercent: 51,
      interimCareOrderPercent: 27,
      longTermStabilityPercent: 51.7,
      onPlanBySexPercent: { male: 51, female: 47, unborn: 2 },
    },
  },

  shape: {
    lookedAfter: {
      // 427 in care in April 2017; 467 a year on; 519 at the end of March 2019 ("100 more than last year");
      // 619 at the end of March 2020. Ceased: 150, 151 ("an increase from 151 last"), 193.
      flows: [
        { from: 'before', to: 2017, count: 115 }, { from: 'before', to: 2018, count: 78 },
        { from: 'before', to: 2019, count: 67 }, { from: 'before', to: 'open', count: 167 },
        { from: 2017, to: 2017, count: 35 }, { from: 2017, to: 2018, count: 38 },
        { from: 2017, to: 2019, count: 34 }, { from: 2017, to: 'open', count: 83 },
        { from: 2018, to: 2018, count: 35 }, { from: 2018, to: 2019, count: 48 }, { from: 2018, to: 'open', count: 120 },
        { from: 2019, to: 2019, count: 44 }, { from: 2019, to: 'open', count: 249 },
      ],
      returns: [
        { left: 2017, returned: 2018, children: 3 },
        { left: 2018, returned: 2019, children: 4 },
      ],
      fromProtectionPlan: { 2018: 20, 2019: 35 },
      leavingAt18Percent: 18,
      ageOnStartingPercent: { under1: 20, '1-4': 18, '5-9': 18, '10-15': 34, '16+': 10 },
      placementChangeChance: 0.15,
      placedOutsideChance: 0.45,
    },
    reviews: {
      heldEarlyByDaysAtMost: 4,
      lateByDaysAtMost: 30,
      defaults: { latePercent: 5, notAttendedViewsNotConveyedPercent: 12, iroVisitedBeforeReviewPercent: 50 },
      participationWeights: { PN1: 40, PN2: 4, PN3: 6, PN4: 16, PN5: 28, PN6: 6 },
    },
    protection: {
      // 150 on a plan in April 2017, 143 a year on, 204 at the end of March 2019, 379 at the end of March 2020
      flows: [
        { from: 'before', to: 2017, count: 125 }, { from: 'before', to: 2018, count: 20 }, { from: 'before', to: 2019, count: 5 },
        { from: 2017, to: 2017, count: 72 }, { from: 2017, to: 2018, count: 95 }, { from: 2017, to: 2019, count: 20 },
        { from: 2017, to: 'open', count: 3 },
        { from: 2018, to: 2018, count: 44 }, { from: 2018, to: 2019, count: 100 }, { from: 2018, to: 'open', count: 76 },
        { from: 2019, to: 2019, count: 30 }, { from: 2019, to: 'open', count: 300 },
      ],
      // "17 children from 9 families have had 2 or more protection plans in the past 2 years ...
      // 7 of these children, from 4 families have had 3 protection plans in their lives"
      repeatPlanFamilies: [
        { children: 3, first: { from: 2018, to: 2018 }, second: { from: 2019, to: 'open' }, earlierPlans: 1 },
        { children: 3, first: { from: 2018, to: 2019 }, second: { from: 2019, to: 'open' }, earlierPlans: 0 },
        { children: 2, first: { from: 2019, to: 2019 }, second: { from: 2019, to: 'open' }, earlierPlans: 1 },
        { children: 2, first: { from: 2018, to: 2018 }, second: { from: 2018, to: 2019 }, earlierPlans: 0 },
        { children: 2, first: { from: 2018, to: 2018 }, second: { from: 2018, to: 'open' }, earlierPlans: 0 },
        { children: 2, first: { from: 2018, to: 2018 }, second: { from: 2019, to: 2019 }, earlierPlans: 0 },
        { children: 1, first: { from: 2018, to: 2019 }, second: { from: 2019, to: 'open' }, earlierPlans: 1 },
        { children: 1, first: { from: 2018, to: 2018 }, second: { from: 2019, to: 'open' }, earlierPlans: 0 },
        { children: 1, first: { from: 2018, to: 2018 }, second: { from: 2019, to: 'open' }, earlierPlans: 1 },
      ],
      returningChildren: { 2018: 12, 2019: 14 },
      ageOnFirstPlanPercent: { under1: 14, '1-4': 30, '5-9': 27, '10-15': 26, '16+': 3 },
      defaultCategoryPercent: { NEG: 52, EMO: 36, PHY: 8, SAB: 2, MUL: 2 },
      heldEarlyByDaysAtMost: 10,
      lateByDaysAtMost: 25,
    },
    challenges: {
      serviceLevel: [
        {
          raisedOn: '2018-10-16', category: 'legal-status', highestStage: 3, names: 'living-with-family', children: 6,
          summary: 'Children living with family under a "family arrangement" may be children looked after (s20, Children Act 1989).',
        },
        {
          raisedOn: '2019-05-14', category: 'legal-status', highestStage: 3, names: 'care-order-placed-at-home', children: 8,
          summary: 'Children placed with parents or connected carers whose plan is to revoke the care order, not done in time.',
        },
        {
          raisedOn: '2019-06-18', category: 'drift-and-delay', highestStage: 4, names: 'service-area', children: 10,
          summary: 'Children in one service area: visits, seeing children and reviews not to statutory standard; plans drifting.',
        },
        {
          raisedOn: '2019-09-17', category: 'legal-status', highestStage: 4, names: 'living-with-family', children: 5,
          summary: 'Family and friends placements continuing without considering whether the children are looked after.',
        },
      ],
      outcomePercent: { 'recovery-plan-agreed': 45, resolved: 35, 'not-upheld': 12, withdrawn: 8 },
      openPercent: 6,
    },
    recording: { lateRecordedPercent: 5, lateRecordedByDaysAtMost: 28, recordedAfterYearEnd: 6 },
  },
};
