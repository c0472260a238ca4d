import fc from 'fast-check';
import { addDays } from '../../calendar/calendar-date';
import { LegalStatus, PlacementType } from '../../events/codes';
import { OversightHistory } from './oversight-history';

const step = fc.oneof(
  fc.record({ kind: fc.constant('start-or-end-care' as const) }),
  // placements and reviews weigh more: flags need several of them close together
  { arbitrary: fc.record({ kind: fc.constant('placement' as const), type: fc.constantFrom<PlacementType>('U4', 'U6', 'T1', 'P1', 'K2') }), weight: 3 },
  fc.record({ kind: fc.constant('legal' as const), status: fc.constantFrom<LegalStatus>('C1', 'C2', 'V2', 'V3') }),
  { arbitrary: fc.record({ kind: fc.constant('review' as const), visited: fc.boolean(), permanence: fc.boolean() }), weight: 2 },
  fc.record({ kind: fc.constant('conference' as const), ends: fc.boolean() }),
  fc.record({ kind: fc.constant('allocation' as const), iro: fc.constantFrom('iro-1', 'iro-2') }),
  fc.record({ kind: fc.constant('challenge' as const), move: fc.constantFrom('raise', 'escalate', 'respond', 'resolve') }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

function historyOf(steps: { kind: string; [key: string]: unknown }[], gaps: number[]): OversightHistory {
  const given = new OversightHistory();
  given.childRegistered('c-1');
  given.childRegistered('c-2');
  let date = '2018-01-08';
  let inCare = false;
  let onPlan = false;
  let challenges = 0;
  let challengeOpen = false;
  let stage = 1;
  steps.forEach((s, index) => {
    date = addDays(date, 1 + (gaps[index % gaps.length] ?? 10));
    switch (s.kind) {
      case 'start-or-end-care':
        if (inCare) given.careEnded('c-1', date);
        else given.careStarted('c-1', date);
        inCare = !inCare;
        break;
      case 'placement':
        if (inCare) given.placementChanged('c-1', date, s.type as PlacementType);
        break;
      case 'legal':
        if (inCare) given.legalStatusChanged('c-1', date, s.status as LegalStatus);
        break;
      case 'review':
        if (inCare) given.reviewHeld('c-1', date, { iroVisitedBeforeReview: s.visited as boolean, permanencePlanInPlace: s.permanence as boolean });
        break;
      case 'conference':
        if (!onPlan) given.initialConference('c-1', date, { previousPlanCount: 0 });
        else given.reviewConference('c-1', date, s.ends ? 'plan-ended' : 'plan-continued');
        onPlan = !onPlan || !s.ends;
        break;
      case 'allocation':
        given.iroAllocated('c-1', date, s.iro as string);
        break;
      case 'challenge':
        if (!challengeOpen) {
          challenges += 1;
          given.challengeRaised(`ch-${challenges}`, ['c-1', 'c-2'], date);
          challengeOpen = true;
          stage = 1;
        } else if (s.move === 'escalate' && stage < 4) {
          stage += 1;
          given.challengeEscalated(`ch-${challenges}`, date, stage as 2 | 3 | 4);
        } else if (s.move === 'respond') {
          given.challengeResponded(`ch-${challenges}`, date);
        } else if (s.move === 'resolve') {
          given.challengeResolved(`ch-${challenges}`, date);
          challengeOpen = false;
        }
        break;
      case 'void': {
        const voidable = given.events.filter((e) => e.type !== 'RecordVoided' && e.type !== 'ChildRegistered');
        if (voidable.length > 0) given.voided(voidable[(s.pick as number) % voidable.length], date);
        break;
      }
    }
  });
  return given;
}

/**
 * Any mix of care, placement, legal status, review, conference, allocation and challenge
 * records for c-1 (challenges also naming c-2), in date order, with voids.
 */
export const anyOversightHistory: fc.Arbitrary<OversightHistory> = fc
  .tuple(fc.array(step, { minLength: 1, maxLength: 40, size: 'medium' }), fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 8 }))
  .map(([steps, gaps]) => historyOf(steps, gaps));
