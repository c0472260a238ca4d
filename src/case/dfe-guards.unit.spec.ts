import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import { GivenEvent } from '../testing/given-when-then';
import { careStarted, childRegistered, placementChanged, reviewHeld } from '../testing/oversight-history';
import { placementTypeWithdrawnOn } from './dfe-episode-rules';

/** The DfE's SSDA903 validation rules the SSDA903 import enforces, as the case decider's guards. */

const registered = childRegistered({ childId: 'child-1', dateOfBirth: '2012-03-02' });
const today = { today: '2026-01-15' };
const startCare = (startDate: string, extra: Partial<Extract<CaseCommand, { type: 'startCare' }>> = {}): CaseCommand => ({
  type: 'startCare', childId: 'child-1', startDate, legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false, ...extra,
});
const changePlacement = (effectiveDate: string, placementType: Extract<CaseCommand, { type: 'changePlacement' }>['placementType']): CaseCommand => ({
  type: 'changePlacement', childId: 'child-1', effectiveDate, placementType, placedOutsideLocalAuthority: false,
});
const review = (heldOn: string): CaseCommand => ({
  type: 'holdReview', childId: 'child-1', reviewId: `r-${heldOn}`, heldOn, chairIroId: 'iro-7', participation: 'PN1', iroVisitedBeforeReview: true,
});
const legalStatusChanged = (effectiveDate: string, legalStatus: 'V2' | 'V3' | 'V4' | 'C2'): GivenEvent => ({
  type: 'LegalStatusChanged', data: { childId: 'child-1', legalStatus, effectiveDate },
});

/** Refused by `rule`, with the DfE rule number in the message. */
const refusedWith = (rule: string, dfeRule: number) => ({
  violation: { rule, message: expect.stringContaining(`DfE rule ${dfeRule}`) },
});
const accepted = (type: string) => ({ events: [expect.objectContaining({ type })] });

describe('rule 380: a period of care does not start with a temporary placement', () => {
  it.each(['T0', 'T1', 'T2', 'T3', 'T4'] as const)('refuses care starting in %s', (placementType) => {
    const outcome = caseSpec.given(registered).when(startCare('2025-01-06', { legalStatus: 'V3', placementType }), today);
    expect(outcome.decision).toEqual(refusedWith('care-start-temporary-placement', 380));
  });

  it('refuses a temporary placement dated on the first day of care, which replaces the one care started with', () => {
    const outcome = caseSpec.given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' })).when(changePlacement('2025-01-06', 'T0'), today);
    expect(outcome.decision).toEqual(refusedWith('care-start-temporary-placement', 380));
  });

  it('accepts a temporary placement later in the period', () => {
    const outcome = caseSpec.given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' })).when(changePlacement('2025-02-03', 'T2'), today);
    expect(outcome.decision).toEqual(accepted('PlacementChanged'));
  });

  it('accepts short breaks (V3) starting in a placement that is not temporary', () => {
    const outcome = caseSpec.given(registered).when(startCare('2025-01-06', { legalStatus: 'V3', placementType: 'U6' }), today);
    expect(outcome.decision).toEqual(accepted('CareStarted'));
  });
});

describe('rule 381: a period of care does not end in a temporary placement', () => {
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' })];

  it('refuses care ending while the child is in T3', () => {
    const outcome = caseSpec
      .given(...inCare, placementChanged({ childId: 'child-1', effectiveDate: '2025-03-03', placementType: 'T3' }))
      .when({ type: 'endCare', childId: 'child-1', endDate: '2025-03-10', reasonCeased: 'E4A' }, today);
    expect(outcome.decision).toEqual(refusedWith('care-end-temporary-placement', 381));
  });

  it('accepts it once the child is back in the normal placement', () => {
    const outcome = caseSpec
      .given(
        ...inCare,
        placementChanged({ childId: 'child-1', effectiveDate: '2025-03-03', placementType: 'T3' }),
        placementChanged({ childId: 'child-1', effectiveDate: '2025-03-08', placementType: 'U4' }),
      )
      .when({ type: 'endCare', childId: 'child-1', endDate: '2025-03-10', reasonCeased: 'E4A' }, today);
    expect(outcome.decision).toEqual(accepted('CareEnded'));
  });

  it('refuses a temporary placement entered late into a period that has ended, where it would be the one care ended in', () => {
    const ended = { type: 'CareEnded', data: { childId: 'child-1', periodId: 'child-1:2025-01-06', endDate: '2025-03-10', reasonCeased: 'E4A', effectiveDate: '2025-03-10' } } as GivenEvent;
    expect(caseSpec.given(...inCare, ended).when(changePlacement('2025-03-05', 'T3'), today).decision).toEqual(refusedWith('care-end-temporary-placement', 381));
    expect(caseSpec.given(...inCare, ended).when(changePlacement('2025-03-05', 'U5'), today).decision).toEqual(accepted('PlacementChanged'));
  });
});

describe('rule 399: no looked-after review for a child on short breaks (V3, V4)', () => {
  it.each(['V3', 'V4'] as const)('refuses a review of a child in care under %s', (legalStatus) => {
    const outcome = caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06', legalStatus, placementType: 'U6' }))
      .when(review('2025-02-03'), today);
    expect(outcome.decision).toEqual(refusedWith('review-on-short-breaks', 399));
  });

  it('refuses a review after the legal status changed to V3', () => {
    const outcome = caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' }), legalStatusChanged('2025-01-20', 'V3'))
      .when(review('2025-02-03'), today);
    expect(outcome.decision).toEqual(refusedWith('review-on-short-breaks', 399));
  });

  it('accepts a review dated before a later change to V3, under the legal status of that day', () => {
    const outcome = caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' }), legalStatusChanged('2025-02-10', 'V3'))
      .when(review('2025-02-03'), today);
    expect(outcome.decision).toEqual(accepted('ReviewHeld'));
  });

  it('accepts a review once short breaks have given way to another legal status', () => {
    const outcome = caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2025-01-06', legalStatus: 'V3', placementType: 'U6' }), legalStatusChanged('2025-02-03', 'C2'))
      .when(review('2025-02-17'), today);
    expect(outcome.decision).toEqual(accepted('ReviewHeld'));
  });

  describe('short breaks dated over a review already recorded', () => {
    const reviewed = [
      registered,
      careStarted({ childId: 'child-1', startDate: '2025-01-06' }),
      reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-02-03', sequence: 1, dueBy: '2025-02-03' }),
    ];

    it.each(['2025-02-03', '2025-01-20'])('refuses V4 from %s, on or before the review', (effectiveDate) => {
      const outcome = caseSpec
        .given(...reviewed)
        .when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate, legalStatus: 'V4' }, today);
      expect(outcome.decision).toEqual(refusedWith('review-on-short-breaks', 399));
    });

    it('accepts V3 from the day after the review', () => {
      const outcome = caseSpec
        .given(...reviewed)
        .when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate: '2025-02-04', legalStatus: 'V3' }, today);
      expect(outcome.decision).toEqual(accepted('LegalStatusChanged'));
    });
  });

  describe('entered out of order, behind a later legal status (the order of entry does not matter)', () => {
    // V2 from 6 Jan, reviews on 30 Jan and 25 Apr, then V2 again from 1 Sep
    const later = [
      registered,
      careStarted({ childId: 'child-1', startDate: '2025-01-06', legalStatus: 'V2' }),
      reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-01-30', sequence: 1, dueBy: '2025-02-03' }),
      reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-04-25', sequence: 2, dueBy: '2025-04-30' }),
      legalStatusChanged('2025-09-01', 'V2'),
    ];
    const shortBreaksFrom = (effectiveDate: string) =>
      ({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate, legalStatus: 'V4' }) as const;

    it('refuses short breaks back-dated under a review that stands, until the next legal status', () => {
      const outcome = caseSpec.given(...later).when(shortBreaksFrom('2025-04-01'), today);
      expect(outcome.decision).toEqual(refusedWith('review-on-short-breaks', 399));
      expect(outcome.decision).toEqual({ violation: expect.objectContaining({ message: expect.stringContaining('2025-04-25') }) });
    });

    it('accepts short breaks back-dated after the last review, up to the next legal status', () => {
      expect(caseSpec.given(...later).when(shortBreaksFrom('2025-05-01'), today).decision).toEqual(accepted('LegalStatusChanged'));
    });

    it('accepts short breaks ended by a legal status before the review', () => {
      const outcome = caseSpec.given(...later, legalStatusChanged('2025-04-10', 'C2')).when(shortBreaksFrom('2025-04-01'), today);
      expect(outcome.decision).toEqual(accepted('LegalStatusChanged'));
    });

    it('refuses to void the legal status that ended short breaks while a review stands after it', () => {
      const history = [
        registered,
        careStarted({ childId: 'child-1', startDate: '2025-01-06', legalStatus: 'V2' }),
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-01-30', sequence: 1, dueBy: '2025-02-03' }),
        legalStatusChanged('2025-04-01', 'V4'),
        legalStatusChanged('2025-06-02', 'V2'), // given-5
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-07-15', sequence: 2, dueBy: '2025-04-30' }),
      ];
      const voidIt = (eventId: string) => ({ type: 'voidRecord', childId: 'child-1', eventId, reason: 'entered wrongly', voidedOn: '2025-08-01' }) as const;
      const outcome = caseSpec.given(...history).when(voidIt('given-5'), today);
      expect(outcome.decision).toEqual(refusedWith('review-on-short-breaks', 399));
      expect(outcome.decision).toEqual({ violation: expect.objectContaining({ message: expect.stringContaining('2025-07-15') }) });
      // with no review after it, the void stands
      expect(caseSpec.given(...history.slice(0, 5)).when(voidIt('given-5'), today).decision).toEqual(accepted('RecordVoided'));
    });

    it('refuses a review dated in short breaks that a later legal status has ended since', () => {
      const onBreaks = [
        registered,
        careStarted({ childId: 'child-1', startDate: '2025-01-06', legalStatus: 'V2' }),
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2025-01-06', heldOn: '2025-01-30', sequence: 1, dueBy: '2025-02-03' }),
        legalStatusChanged('2025-04-01', 'V4'),
        legalStatusChanged('2025-09-01', 'V2'),
      ];
      expect(caseSpec.given(...onBreaks).when(review('2025-05-02'), today).decision).toEqual(refusedWith('review-on-short-breaks', 399));
      expect(caseSpec.given(...onBreaks).when(review('2025-03-28'), today).decision).toEqual(accepted('ReviewHeld'));
    });
  });
});

describe('placement types the DfE has withdrawn (rules 217 and 146)', () => {
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2023-01-09' })];

  it('refuses P2 from 28 October 2023 (rule 217)', () => {
    const outcome = caseSpec.given(...inCare).when(changePlacement('2023-10-28', 'P2'), today);
    expect(outcome.decision).toEqual(refusedWith('placement-type-withdrawn', 217));
  });

  it('refuses P2 on 4 February 2025, as the exploratory test recorded it', () => {
    const outcome = caseSpec.given(...inCare).when(changePlacement('2025-02-04', 'P2'), today);
    expect(outcome.decision).toEqual(refusedWith('placement-type-withdrawn', 217));
  });

  it('accepts P2 the day before', () => {
    const outcome = caseSpec.given(...inCare).when(changePlacement('2023-10-27', 'P2'), today);
    expect(outcome.decision).toEqual(accepted('PlacementChanged'));
  });

  it.each(['H5', 'Z1'] as const)('refuses %s from the 2025-26 year, 1 April 2025 (rule 146)', (placementType) => {
    const outcome = caseSpec.given(...inCare).when(changePlacement('2025-04-01', placementType), today);
    expect(outcome.decision).toEqual(refusedWith('placement-type-withdrawn', 146));
  });

  it.each(['H5', 'Z1'] as const)('accepts %s on 31 March 2025', (placementType) => {
    const outcome = caseSpec.given(...inCare).when(changePlacement('2025-03-31', placementType), today);
    expect(outcome.decision).toEqual(accepted('PlacementChanged'));
  });

  it('refuses care starting in H5 in the 2025-26 year', () => {
    const outcome = caseSpec.given(registered).when(startCare('2025-06-02', { placementType: 'H5' }), today);
    expect(outcome.decision).toEqual(refusedWith('placement-type-withdrawn', 146));
  });

  it('names the date it was withdrawn from in its message', () => {
    const outcome = caseSpec.given(registered).when(startCare('2025-06-02', { placementType: 'Z1' }), today);
    expect(outcome.decision).toEqual({ violation: { rule: 'placement-type-withdrawn', message: expect.stringContaining('01/04/2025') } });
  });

  it('does not refuse codes the DfE added later (K3) before they were added', () => {
    expect(placementTypeWithdrawnOn('K3', '2023-06-01')).toBeNull();
    expect(placementTypeWithdrawnOn('Z12', '2024-06-01')).toBeNull();
    expect(placementTypeWithdrawnOn('K3', '2026-06-01')).toBeNull();
  });
});

describe('rule 371: a child in registered supported accommodation (K3) is at least 16', () => {
  // born 2 March 2012: 16 on 2 March 2028
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2025-01-06' })];
  const later = { today: '2028-06-01' };

  it('refuses a care start in K3 for a child under 16', () => {
    expect(caseSpec.given(registered).when(startCare('2025-06-02', { placementType: 'K3' }), today).decision).toEqual(
      refusedWith('placement-age', 371),
    );
  });

  it('applies from the 2024-25 year, when K3 and the rule came in', () => {
    expect(caseSpec.given(registered).when(startCare('2024-03-29', { placementType: 'K3' }), today).decision).toEqual(accepted('CareStarted'));
  });

  it('refuses a move to K3 the day before the 16th birthday, and accepts it on the birthday', () => {
    expect(caseSpec.given(...inCare).when(changePlacement('2028-03-01', 'K3'), later).decision).toEqual(refusedWith('placement-age', 371));
    expect(caseSpec.given(...inCare).when(changePlacement('2028-03-02', 'K3'), later).decision).toEqual(accepted('PlacementChanged'));
  });
});
