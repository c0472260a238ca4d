import { foldCase } from '../../../src/case/evolve-case';
import { OversightEvent } from '../../../src/events/oversight-events';
import { foldStreamForImport } from './fold-stream-for-import';

type Recorded = OversightEvent & { id: string };
const history: Recorded[] = [
  { id: 'e1', type: 'ChildRegistered', data: { childId: 'A', dateOfBirth: '2010-01-01', sex: 'male', effectiveDate: '2020-01-01' } },
  { id: 'e2', type: 'CareStarted', data: { childId: 'A', periodId: 'A:2019-05-01', startDate: '2019-05-01', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false, firstReviewDueBy: '2019-05-30', effectiveDate: '2019-05-01' } },
  { id: 'e3', type: 'PlacementChanged', data: { childId: 'A', placementType: 'K2', placedOutsideLocalAuthority: true, effectiveDate: '2019-06-01' } },
  { id: 'e4', type: 'CareEnded', data: { childId: 'A', periodId: 'A:2019-05-01', endDate: '2019-09-01', reasonCeased: 'E4A', effectiveDate: '2019-09-01' } },
  { id: 'e5', type: 'RecordVoided', data: { eventId: 'e4', voidedType: 'CareEnded', reason: 'wrong date', effectiveDate: '2020-01-02' } },
  { id: 'e6', type: 'CareEnded', data: { childId: 'A', periodId: 'A:2019-05-01', endDate: '2019-09-15', reasonCeased: 'E4A', effectiveDate: '2019-09-15' } },
];

describe('folding a stream for an import', () => {
  it('gives the same state as foldCase, voids and all', () => {
    for (let length = 0; length <= history.length; length += 1) {
      expect(foldStreamForImport(history.slice(0, length))).toEqual(foldCase(history.slice(0, length)));
    }
  });
});
