import { addDays } from '../../calendar/calendar-date';
import { flagOn } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';

describe('drift flag three-or-more-placements-in-12-months', () => {
  // U4 from 7 Jan 2019, a week in a temporary placement (T1) and back to U4 (the same
  // placement, as FIGURES.md counts), then U6 on 1 Aug and K2 on 1 Nov: the third placement.
  const moves = () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { placementType: 'U4' });
    given.placementChanged('c-1', '2019-05-01', 'T1');
    given.placementChanged('c-1', '2019-05-10', 'U4');
    given.placementChanged('c-1', '2019-08-01', 'U6');
    given.placementChanged('c-1', '2019-11-01', 'K2');
    return given;
  };

  it('does not count temporary placements nor a return from one to the type before it', () => {
    expect(flagOn(moves(), 'c-1', '2019-10-31', 'three-or-more-placements-in-12-months')).toBeUndefined();
  });

  it('is true from the start of the third placement', () => {
    expect(flagOn(moves(), 'c-1', '2019-11-01', 'three-or-more-placements-in-12-months')).toEqual({
      flag: 'three-or-more-placements-in-12-months',
      since: '2019-11-01',
      reason: '3 placements within 12 months, starting 7 January 2019, 1 August 2019, 1 November 2019.',
      evidence: [
        {
          eventIds: ['e1', 'e3', 'e4', 'e5'],
          dates: { placement1Start: '2019-01-07', placement2Start: '2019-08-01', placement3Start: '2019-11-01' },
        },
      ],
    });
  });

  it('ends when the first placement (its last day 31 Jul 2019) falls out of the 12 months', () => {
    expect(flagOn(moves(), 'c-1', '2020-07-30', 'three-or-more-placements-in-12-months')?.since).toBe('2019-11-01');
    expect(flagOn(moves(), 'c-1', '2020-07-31', 'three-or-more-placements-in-12-months')).toBeUndefined();
  });

  it('counts a move from a temporary placement to a different type as a new placement', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { placementType: 'U4' });
    given.placementChanged('c-1', '2019-05-01', 'T1');
    given.placementChanged('c-1', '2019-05-10', 'U6');
    given.placementChanged('c-1', '2019-08-01', 'U5');
    expect(flagOn(given, 'c-1', '2019-08-01', 'three-or-more-placements-in-12-months')?.since).toBe('2019-08-01');
  });

  it('is not true after the child leaves care', () => {
    const given = moves();
    given.careEnded('c-1', '2019-12-01');
    expect(flagOn(given, 'c-1', '2019-12-01', 'three-or-more-placements-in-12-months')).toBeUndefined();
  });

  describe('as the placements stood on the date asked', () => {
    // In care from 10 Jan 2024 (U4); U5 on 1 Mar, U6 on 3 Jun, U4 on 2 Sep 2024.
    const fourMoves = () => {
      const given = new OversightHistory();
      given.careStarted('c-1', '2024-01-10', { placementType: 'U4' });
      given.placementChanged('c-1', '2024-03-01', 'U5');
      given.placementChanged('c-1', '2024-06-03', 'U6');
      given.placementChanged('c-1', '2024-09-02', 'U4');
      return given;
    };

    it('names only the placements begun by then, not one recorded for a later date', () => {
      expect(flagOn(fourMoves(), 'c-1', '2024-06-03', 'three-or-more-placements-in-12-months')).toEqual({
        flag: 'three-or-more-placements-in-12-months',
        since: '2024-06-03',
        reason: '3 placements within 12 months, starting 10 January 2024, 1 March 2024, 3 June 2024.',
        evidence: [
          { eventIds: ['e1', 'e2', 'e3'], dates: { placement1Start: '2024-01-10', placement2Start: '2024-03-01', placement3Start: '2024-06-03' } },
        ],
      });
    });

    it('counts four while all four fall in the 12 months, and three once the first (its last day 29 Feb 2024) falls out, still since the third', () => {
      expect(flagOn(fourMoves(), 'c-1', '2025-02-28', 'three-or-more-placements-in-12-months')).toMatchObject({
        since: '2024-06-03',
        reason: '4 placements within 12 months, starting 10 January 2024, 1 March 2024, 3 June 2024, 2 September 2024.',
      });
      expect(flagOn(fourMoves(), 'c-1', '2025-03-01', 'three-or-more-placements-in-12-months')).toEqual({
        flag: 'three-or-more-placements-in-12-months',
        since: '2024-06-03',
        reason: '3 placements within 12 months, starting 1 March 2024, 3 June 2024, 2 September 2024.',
        evidence: [
          { eventIds: ['e2', 'e3', 'e4'], dates: { placement1Start: '2024-03-01', placement2Start: '2024-06-03', placement3Start: '2024-09-02' } },
        ],
      });
    });

    it('leaves out of the evidence a return from a temporary placement dated after the date asked', () => {
      const given = new OversightHistory();
      given.careStarted('c-1', '2024-01-10', { placementType: 'U4' });
      given.placementChanged('c-1', '2024-03-01', 'U5');
      given.placementChanged('c-1', '2024-06-03', 'U6');
      given.placementChanged('c-1', '2024-07-01', 'T1');
      const back = given.placementChanged('c-1', '2024-07-08', 'U6');
      expect(flagOn(given, 'c-1', '2024-07-05', 'three-or-more-placements-in-12-months')?.evidence).toEqual([
        { eventIds: ['e1', 'e2', 'e3'], dates: { placement1Start: '2024-01-10', placement2Start: '2024-03-01', placement3Start: '2024-06-03' } },
      ]);
      expect(flagOn(given, 'c-1', '2024-07-08', 'three-or-more-placements-in-12-months')?.evidence[0].eventIds).toEqual(['e1', 'e2', 'e3', back.id]);
    });
  });

  it('drops a voided placement change', () => {
    const given = moves();
    given.voided(given.events[4]);
    expect(flagOn(given, 'c-1', '2019-11-01', 'three-or-more-placements-in-12-months')).toBeUndefined();
  });
});

describe('drift flag placed-with-parents-on-care-order-over-6-months', () => {
  it('is true once placed with parents (P1) on a care order for over 6 months', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { legalStatus: 'C2', placementType: 'U4' });
    const home = given.placementChanged('c-1', '2019-03-01', 'P1');

    expect(flagOn(given, 'c-1', '2019-08-31', 'placed-with-parents-on-care-order-over-6-months')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2019-09-01', 'placed-with-parents-on-care-order-over-6-months')).toEqual({
      flag: 'placed-with-parents-on-care-order-over-6-months',
      since: '2019-09-01',
      reason: 'Placed with parents on a care order since 1 March 2019, over 6 months.',
      evidence: [{ eventIds: [home.id, 'e1'], dates: { placedWithParentsOnCareOrderSince: '2019-03-01' } }],
    });
  });

  it('is true from addMonths(start, 6): for a start at a month end, the last day of the sixth month on', () => {
    for (const [start, on] of [
      ['2024-08-31', '2025-02-28'],
      ['2024-03-31', '2024-09-30'],
      ['2024-01-31', '2024-07-31'],
    ]) {
      const given = new OversightHistory();
      given.careStarted('c-1', start, { legalStatus: 'C2', placementType: 'P1' });
      expect({ start, before: flagOn(given, 'c-1', addDays(on, -1), 'placed-with-parents-on-care-order-over-6-months') }).toEqual({ start, before: undefined });
      expect({ start, on: flagOn(given, 'c-1', on, 'placed-with-parents-on-care-order-over-6-months')?.since }).toEqual({ start, on });
    }
  });

  it('counts an interim care order (C1), and starts again when the order lapses in between', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { legalStatus: 'C1', placementType: 'P1' });
    given.legalStatusChanged('c-1', '2019-06-01', 'V2');
    given.legalStatusChanged('c-1', '2019-07-01', 'C2');

    expect(flagOn(given, 'c-1', '2019-12-31', 'placed-with-parents-on-care-order-over-6-months')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-01-01', 'placed-with-parents-on-care-order-over-6-months')?.since).toBe('2020-01-01');
  });

  it('ends when the child moves from home', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { legalStatus: 'C2', placementType: 'P1' });
    given.placementChanged('c-1', '2019-09-01', 'U4');
    expect(flagOn(given, 'c-1', '2019-08-31', 'placed-with-parents-on-care-order-over-6-months')).toBeDefined();
    expect(flagOn(given, 'c-1', '2019-09-01', 'placed-with-parents-on-care-order-over-6-months')).toBeUndefined();
  });

  it('is not true for a child placed with parents without a care order', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-01-07', { legalStatus: 'V2', placementType: 'P1' });
    expect(flagOn(given, 'c-1', '2020-01-07', 'placed-with-parents-on-care-order-over-6-months')).toBeUndefined();
  });
});
