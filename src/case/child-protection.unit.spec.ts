import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import {
  childRegistered, initialConferenceHeld, planEnded, planStarted, reviewConferenceHeld,
} from '../testing/oversight-history';

type Conference = Extract<CaseCommand, { type: 'holdCPConference' }>;
const registered = childRegistered({ childId: 'child-1', dateOfBirth: '2014-09-15' });
const initialConference = (heldOn: string, extra: Partial<Conference> = {}): Conference => ({
  type: 'holdCPConference', childId: 'child-1', conferenceId: `icpc-${heldOn}`, conferenceType: 'initial', heldOn,
  strategyDiscussionOn: '2019-12-16', chairIroId: 'iro-4', outcome: 'plan-started', categoryOfAbuse: 'NEG', ...extra,
});
const reviewConference = (heldOn: string, extra: Partial<Conference> = {}): Conference => ({
  type: 'holdCPConference', childId: 'child-1', conferenceId: `rcpc-${heldOn}`, conferenceType: 'review', heldOn,
  chairIroId: 'iro-4', outcome: 'plan-continued', ...extra,
});

describe('initial child protection conferences', () => {
  it('is in time 15 working days after the strategy discussion, across Christmas 2019, and starts a plan', () => {
    caseSpec
      .given(registered)
      .when(initialConference('2020-01-09', { previousPlanCount: 1 }))
      .then({
        type: 'CPConferenceHeld',
        data: {
          childId: 'child-1', conferenceId: 'icpc-2020-01-09', type: 'initial', heldOn: '2020-01-09', strategyDiscussionOn: '2019-12-16',
          chairIroId: 'iro-4', outcome: 'plan-started', categoryOfAbuse: 'NEG', previousPlanCount: 1, planId: 'child-1:2020-01-09',
          dueBy: '2020-01-09', heldInTime: true, nextReviewConferenceDueBy: '2020-04-09', effectiveDate: '2020-01-09',
        },
      });
  });

  it('is late the working day after', () => {
    const outcome = caseSpec.given(registered).when(initialConference('2020-01-10'));
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ dueBy: '2020-01-09', heldInTime: false }) })],
    });
  });

  it('may decide no plan: no plan id and no review conference due', () => {
    caseSpec
      .given(registered)
      .when(initialConference('2020-01-06', { outcome: 'no-plan', categoryOfAbuse: undefined }))
      .then({
        type: 'CPConferenceHeld',
        data: {
          childId: 'child-1', conferenceId: 'icpc-2020-01-06', type: 'initial', heldOn: '2020-01-06', strategyDiscussionOn: '2019-12-16',
          chairIroId: 'iro-4', outcome: 'no-plan', dueBy: '2020-01-09', heldInTime: true, effectiveDate: '2020-01-06',
        },
      });
  });

  it('needs the date of the strategy discussion', () => {
    caseSpec.given(registered).when(initialConference('2020-01-09', { strategyDiscussionOn: undefined })).thenRejects('strategy-discussion-required');
  });

  it('refuses a strategy discussion dated after the conference', () => {
    caseSpec
      .given(registered)
      .when(initialConference('2020-01-09', { strategyDiscussionOn: '2020-01-10' }))
      .thenRejects('strategy-discussion-after-conference');
  });

  it('refuses an initial conference while a plan is open', () => {
    caseSpec
      .given(registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-10-01', heldOn: '2019-10-15' }))
      .when(initialConference('2020-01-09'))
      .thenRejects('plan-already-open');
  });

  it('needs a category of abuse to start a plan', () => {
    caseSpec.given(registered).when(initialConference('2020-01-09', { categoryOfAbuse: undefined })).thenRejects('category-of-abuse-required');
  });

  it.each(['plan-continued', 'plan-ended'] as const)('refuses the outcome %s at an initial conference', (outcome) => {
    caseSpec.given(registered).when(initialConference('2020-01-09', { outcome })).thenRejects('conference-outcome-not-allowed');
  });

  it('refuses a plan starting before the previous plan, which has ended since', () => {
    caseSpec
      .given(
        registered,
        planStarted({ childId: 'child-1', startDate: '2019-01-07' }),
        planEnded({ childId: 'child-1', planId: 'child-1:2019-01-07', endDate: '2020-01-20' }),
      )
      .when(initialConference('2018-12-03', { strategyDiscussionOn: '2018-11-19' }))
      .thenRejects('plan-start-before-last-plan-end');
  });

  it("refuses a conference more than a pregnancy before a born child's birth", () => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2020-11-10' }))
      .when(initialConference('2020-01-09'))
      .thenRejects('before-birth');
  });
});

describe('an initial conference or plan start dated while a plan was open (the plan on that date, not today)', () => {
  // a plan from the initial conference on 15 Oct 2019, ended at the review conference on 20 Jan 2020
  const pastPlan = [
    registered,
    initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-10-01', heldOn: '2019-10-15' }),
    reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-10-15', heldOn: '2020-01-20', dueBy: '2020-01-15', outcome: 'plan-ended' }),
  ];
  const duringPastPlan = { heldOn: '2019-12-02', strategyDiscussionOn: '2019-11-25' };

  it.each(['no-plan', 'plan-started'] as const)('refuses an initial conference (%s) dated inside a plan that has ended since', (outcome) => {
    caseSpec
      .given(...pastPlan)
      .when(initialConference(duringPastPlan.heldOn, { ...duringPastPlan, outcome, ...(outcome === 'no-plan' && { categoryOfAbuse: undefined }) }))
      .thenRejects('plan-already-open');
  });

  it('refuses it on the day the plan started', () => {
    caseSpec
      .given(...pastPlan)
      .when(initialConference('2019-10-15', { strategyDiscussionOn: '2019-10-01', outcome: 'no-plan', categoryOfAbuse: undefined }))
      .thenRejects('plan-already-open');
  });

  it('names the plan open on that date in its refusal', () => {
    const outcome = caseSpec.given(...pastPlan).when(initialConference(duringPastPlan.heldOn, duringPastPlan));
    expect(outcome.decision).toEqual({
      violation: { rule: 'plan-already-open', message: expect.stringContaining('from 2019-10-15 to 2020-01-20') },
    });
  });

  it('accepts an initial conference after the day the plan ended at its review conference', () => {
    const outcome = caseSpec
      .given(...pastPlan)
      .when(initialConference('2020-01-21', { strategyDiscussionOn: '2020-01-06', outcome: 'no-plan', categoryOfAbuse: undefined }));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
  });

  it('accepts an initial conference on the day a plan ended without a conference here (e.g. transferred out)', () => {
    const outcome = caseSpec
      .given(
        registered,
        planStarted({ childId: 'child-1', startDate: '2019-10-15' }),
        planEnded({ childId: 'child-1', planId: 'child-1:2019-10-15', endDate: '2020-01-20' }),
      )
      .when(initialConference('2020-01-20', { strategyDiscussionOn: '2020-01-06', outcome: 'no-plan', categoryOfAbuse: undefined }));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
  });

  it('refuses a plan start record dated inside a plan that has ended since', () => {
    caseSpec
      .given(...pastPlan)
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2019-12-02', categoryOfAbuse: 'SAB' })
      .thenRejects('plan-already-open');
  });

  it('refuses a plan start record dated inside a plan started without a conference and ended since', () => {
    caseSpec
      .given(
        registered,
        planStarted({ childId: 'child-1', startDate: '2019-06-03' }),
        planEnded({ childId: 'child-1', planId: 'child-1:2019-06-03', endDate: '2019-12-02' }),
      )
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2019-07-01', categoryOfAbuse: 'SAB' })
      .thenRejects('plan-already-open');
  });

  describe('with a plan open today that started after the date', () => {
    const openPlan = [registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-01-06', heldOn: '2020-01-20' })];

    it('accepts an initial conference deciding no plan, dated before the open plan started', () => {
      const outcome = caseSpec
        .given(...openPlan)
        .when(initialConference('2019-11-04', { strategyDiscussionOn: '2019-10-21', outcome: 'no-plan', categoryOfAbuse: undefined }));
      expect(outcome.decision).toEqual({
        events: [expect.objectContaining({ type: 'CPConferenceHeld', data: expect.objectContaining({ heldOn: '2019-11-04', outcome: 'no-plan' }) })],
      });
    });

    it('refuses a plan starting before it: the new plan would run into the open one', () => {
      caseSpec
        .given(...openPlan)
        .when(initialConference('2019-11-04', { strategyDiscussionOn: '2019-10-21' }))
        .thenRejects('plan-already-open');
    });

    it('refuses a plan start record before it, for the same reason', () => {
      caseSpec
        .given(...openPlan)
        .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2019-11-04', categoryOfAbuse: 'SAB' })
        .thenRejects('plan-already-open');
    });
  });
});

describe('the strategy discussion before the birth', () => {
  it("refuses a strategy discussion more than a pregnancy before a born child's birth", () => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2015-01-01' }))
      .when(initialConference('2020-02-03', { strategyDiscussionOn: '2010-01-25', outcome: 'no-plan', categoryOfAbuse: undefined }))
      .thenRejects('before-birth');
  });

  it('accepts a strategy discussion in the pregnancy, as it does the conference (a pre-birth plan)', () => {
    const outcome = caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2020-03-02' }))
      .when(initialConference('2020-01-20', { strategyDiscussionOn: '2020-01-06' }));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
  });

  it("refuses one more than a pregnancy before an unborn child's expected birth", () => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', expectedDateOfBirth: '2021-05-03' }))
      .when(initialConference('2021-01-18', { strategyDiscussionOn: '2020-06-01' }))
      .thenRejects('before-birth');
  });
});

describe('review child protection conferences', () => {
  // initial conference on 30 Nov 2019: the first review conference is due 29 Feb 2020
  const onPlan = [
    registered,
    initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30' }),
  ];

  it('is due 3 months after the initial conference (30 Nov 2019 -> 29 Feb 2020) and sets the next 6 months on', () => {
    caseSpec
      .given(...onPlan)
      .when(reviewConference('2020-02-29'))
      .then({
        type: 'CPConferenceHeld',
        data: {
          childId: 'child-1', conferenceId: 'rcpc-2020-02-29', type: 'review', heldOn: '2020-02-29', chairIroId: 'iro-4',
          outcome: 'plan-continued', planId: 'child-1:2019-11-30', dueBy: '2020-02-29', heldInTime: true,
          nextReviewConferenceDueBy: '2020-08-29', effectiveDate: '2020-02-29',
        },
      });
  });

  it('is late the day after its due date', () => {
    const outcome = caseSpec.given(...onPlan).when(reviewConference('2020-03-01'));
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ dueBy: '2020-02-29', heldInTime: false }) })],
    });
  });

  it('falls due 6 months after the previous review conference', () => {
    const outcome = caseSpec
      .given(...onPlan, reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-11-30', heldOn: '2020-02-20', dueBy: '2020-02-29' }))
      .when(reviewConference('2020-08-21', { outcome: 'plan-ended' }));
    expect(outcome.decision).toEqual({
      events: [
        {
          type: 'CPConferenceHeld',
          data: {
            childId: 'child-1', conferenceId: 'rcpc-2020-08-21', type: 'review', heldOn: '2020-08-21', chairIroId: 'iro-4',
            outcome: 'plan-ended', planId: 'child-1:2019-11-30', dueBy: '2020-08-20', heldInTime: false, effectiveDate: '2020-08-21',
          },
        },
      ],
    });
  });

  it('needs an open plan', () => {
    caseSpec.given(registered).when(reviewConference('2020-02-29')).thenRejects('no-open-plan');
  });

  it('needs an open plan: not one ended at the last review conference', () => {
    caseSpec
      .given(
        ...onPlan,
        reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-11-30', heldOn: '2020-02-20', dueBy: '2020-02-29', outcome: 'plan-ended' }),
      )
      .when(reviewConference('2020-03-20'))
      .thenRejects('no-open-plan');
  });

  it.each(['no-plan', 'plan-started'] as const)('refuses the outcome %s at a review conference', (outcome) => {
    caseSpec.given(...onPlan).when(reviewConference('2020-02-29', { outcome, categoryOfAbuse: 'PHY' })).thenRejects('conference-outcome-not-allowed');
  });

  it("refuses a review conference dated before the plan's last conference", () => {
    caseSpec
      .given(...onPlan, reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-11-30', heldOn: '2020-02-20', dueBy: '2020-02-29' }))
      .when(reviewConference('2020-02-19'))
      .thenRejects('conference-before-last-conference');
  });

  it('reviews a plan started without a conference 3 months after its start', () => {
    const outcome = caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-31' }))
      .when(reviewConference('2020-04-30'));
    expect(outcome.decision).toEqual({
      events: [
        expect.objectContaining({
          data: expect.objectContaining({ planId: 'child-1:2020-01-31', dueBy: '2020-04-30', heldInTime: true, nextReviewConferenceDueBy: '2020-10-30' }),
        }),
      ],
    });
  });
});

describe('plans started and ended without a conference here', () => {
  it('starts a plan (e.g. transferred in) with its category', () => {
    caseSpec
      .given(registered)
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2020-02-03', categoryOfAbuse: 'SAB', previousPlanCount: 0 })
      .then({
        type: 'ChildProtectionPlanStarted',
        data: { childId: 'child-1', planId: 'child-1:2020-02-03', startDate: '2020-02-03', categoryOfAbuse: 'SAB', previousPlanCount: 0, effectiveDate: '2020-02-03' },
      });
  });

  it('keeps the reason a plan started without a conference here (transferred in)', () => {
    caseSpec
      .given(registered)
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2020-02-03', categoryOfAbuse: 'SAB', reason: 'transferred in from Leeds' })
      .then({
        type: 'ChildProtectionPlanStarted',
        data: {
          childId: 'child-1', planId: 'child-1:2020-02-03', startDate: '2020-02-03', categoryOfAbuse: 'SAB',
          reason: 'transferred in from Leeds', effectiveDate: '2020-02-03',
        },
      });
  });

  it('due its first review conference 3 months after the start of a plan recorded without a conference', () => {
    const outcome = caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when(reviewConference('2020-04-06'));
    expect(outcome.decision).toEqual({
      events: [
        expect.objectContaining({
          data: expect.objectContaining({ planId: 'child-1:2020-01-06', dueBy: '2020-04-06', heldInTime: true, nextReviewConferenceDueBy: '2020-10-06' }),
        }),
      ],
    });
  });

  it('refuses a plan start while a plan is open', () => {
    caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2020-02-03', categoryOfAbuse: 'SAB' })
      .thenRejects('plan-already-open');
  });

  it('refuses a plan start without a category of abuse', () => {
    caseSpec
      .given(registered)
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2020-02-03' } as unknown as CaseCommand)
      .thenRejects('category-of-abuse-required');
  });

  it('ends the open plan (e.g. the child moved away)', () => {
    caseSpec
      .given(registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30' }))
      .when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2020-01-15', reason: 'moved to another authority' })
      .then({
        type: 'ChildProtectionPlanEnded',
        data: { childId: 'child-1', planId: 'child-1:2019-11-30', endDate: '2020-01-15', reason: 'moved to another authority', effectiveDate: '2020-01-15' },
      });
  });

  it('refuses a plan ending on the day the plan started (a plan cannot start and end on one day, CIN rule 8840)', () => {
    caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2020-01-06' })
      .thenRejects('plan-end-on-start-day');
    caseSpec
      .given(registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30' }))
      .when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2019-11-30' })
      .thenRejects('plan-end-on-start-day');
  });

  it('refuses a review conference ending a plan recorded without a conference on the day it started (CIN rule 8840)', () => {
    caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when(reviewConference('2020-01-06', { outcome: 'plan-ended' }))
      .thenRejects('plan-end-on-start-day');
  });

  it('ends a plan recorded without a conference the day after it started', () => {
    caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2020-01-07', reason: 'transferred out' })
      .then({
        type: 'ChildProtectionPlanEnded',
        data: { childId: 'child-1', planId: 'child-1:2020-01-06', endDate: '2020-01-07', reason: 'transferred out', effectiveDate: '2020-01-07' },
      });
  });

  it('refuses a plan ending with no open plan', () => {
    caseSpec.given(registered).when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2020-01-15' }).thenRejects('no-open-plan');
  });

  it("refuses a plan ending before the plan's last conference", () => {
    caseSpec
      .given(
        registered,
        initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30' }),
        reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-11-30', heldOn: '2020-02-20', dueBy: '2020-02-29' }),
      )
      .when({ type: 'endChildProtectionPlan', childId: 'child-1', endDate: '2020-02-19' })
      .thenRejects('plan-end-before-last-conference');
  });
});

describe('one conference a day', () => {
  // entered twice, the same meeting would count as two, and the next review conference would move on 3 or 6 months
  const started = [registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30' })];

  it('refuses a review conference on the day of the initial conference that started the plan', () => {
    caseSpec.given(...started).when(reviewConference('2019-11-30')).thenRejects('conference-same-day');
  });

  it('refuses a review conference ending the plan on the day it started (a plan cannot start and end on one day, CIN rule 8840)', () => {
    caseSpec.given(...started).when(reviewConference('2019-11-30', { outcome: 'plan-ended' })).thenRejects('conference-same-day');
  });

  it('refuses a second review conference on the day of the last one, and says how to enter it anew', () => {
    const reviewed = [
      ...started,
      reviewConferenceHeld({ childId: 'child-1', heldOn: '2020-02-28', planId: 'child-1:2019-11-30', dueBy: '2020-02-29' }),
    ];
    const outcome = caseSpec.given(...reviewed).when(reviewConference('2020-02-28'));
    expect(outcome.decision).toEqual({
      violation: { rule: 'conference-same-day', message: expect.stringContaining('void that record first') },
    });
  });

  it('refuses a second initial conference on the day of one that decided no plan', () => {
    caseSpec
      .given(registered, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-12-16', heldOn: '2020-01-09', outcome: 'no-plan' }))
      .when(initialConference('2020-01-09'))
      .thenRejects('conference-same-day');
  });

  it('refuses a review conference on the day a plan started without a conference here (e.g. transferred in)', () => {
    caseSpec
      .given(registered, planStarted({ childId: 'child-1', startDate: '2019-11-30' }))
      .when(reviewConference('2019-11-30'))
      .thenRejects('conference-same-day');
  });

  it('accepts a review conference the day after the plan started', () => {
    const outcome = caseSpec.given(...started).when(reviewConference('2019-12-01'));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
  });
});

describe('child protection for a young person of 18 or over', () => {
  // born 15 September 2001: 18 on 15 September 2019
  const adult = childRegistered({ childId: 'child-1', dateOfBirth: '2001-09-15' });

  it('refuses an initial conference on or after the 18th birthday', () => {
    caseSpec.given(adult).when(initialConference('2020-01-09')).thenRejects('not-a-child');
  });

  it('refuses a plan start on or after the 18th birthday', () => {
    caseSpec
      .given(adult)
      .when({ type: 'startChildProtectionPlan', childId: 'child-1', startDate: '2019-09-15', categoryOfAbuse: 'NEG' })
      .thenRejects('not-a-child');
  });
});
