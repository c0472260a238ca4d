import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import {
  firstReviewConferenceDueDate, initialConferenceDueDate, laterReviewConferenceDueDate, nextReviewConferenceDueDate,
} from './child-protection-conferences';
import { stageResponseDueBy } from './issues-resolution-stages';
import { firstReviewDueDate, nextReviewDueDate } from './looked-after-reviews';

describe('looked-after review timescales', () => {
  it('puts the first review 20 working days after care starts', () => {
    // Mon 2 Dec 2019 + 20 working days, across Christmas and New Year 2019: Thu 2 Jan 2020
    expect(firstReviewDueDate('2019-12-02')).toBe('2020-01-02');
  });

  it('carries the first review deadline across the early-May 2020 bank holiday, moved to Friday 8 May', () => {
    // Mon 20 Apr 2020: Monday 4 May is a working day, Friday 8 May is not
    expect(firstReviewDueDate('2020-04-20')).toBe('2020-05-19');
  });

  it('puts the second review 3 calendar months after the first, clamped to the month end', () => {
    expect(nextReviewDueDate(1, '2020-01-31')).toBe('2020-04-30');
    expect(nextReviewDueDate(1, '2019-11-30')).toBe('2020-02-29');
    expect(nextReviewDueDate(1, '2018-11-30')).toBe('2019-02-28');
  });

  it('puts later reviews 6 calendar months after the previous one', () => {
    expect(nextReviewDueDate(2, '2019-08-31')).toBe('2020-02-29');
    expect(nextReviewDueDate(2, '2020-02-29')).toBe('2020-08-29');
    expect(nextReviewDueDate(7, '2020-03-31')).toBe('2020-09-30');
  });
});

describe('child protection conference timescales', () => {
  it('puts the initial conference 15 working days after the strategy discussion', () => {
    expect(initialConferenceDueDate('2019-12-02')).toBe('2019-12-23');
  });

  it('carries an initial conference deadline across Christmas 2019', () => {
    // 25, 26 Dec and 1 Jan are bank holidays
    expect(initialConferenceDueDate('2019-12-16')).toBe('2020-01-09');
  });

  it('puts the first review conference 3 months after the initial one, later ones 6 months apart', () => {
    expect(firstReviewConferenceDueDate('2019-11-30')).toBe('2020-02-29');
    expect(laterReviewConferenceDueDate('2020-02-29')).toBe('2020-08-29');
    expect(nextReviewConferenceDueDate('initial', '2020-01-31')).toBe('2020-04-30');
    expect(nextReviewConferenceDueDate('review', '2019-08-31')).toBe('2020-02-29');
  });
});

describe('issues resolution stage deadlines', () => {
  it('gives each of stages 1-4 its configured working days', () => {
    // Mon 4 May 2020 + 5: the bank holiday is Fri 8 May, so Tue 12 May (not Mon 11 May)
    expect(stageResponseDueBy(1, '2020-05-04', DEFAULT_LOCAL_AUTHORITY_CONFIG)).toBe('2020-05-12');
    const config = { stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 10 } };
    expect(stageResponseDueBy(3, '2019-12-20', config)).toBe('2019-12-31');
    expect(stageResponseDueBy(4, '2019-12-20', config)).toBe('2020-01-08');
  });

  it('gives a Cafcass referral no IRP deadline', () => {
    expect(stageResponseDueBy('cafcass', '2020-05-04', DEFAULT_LOCAL_AUTHORITY_CONFIG)).toBeNull();
  });
});
