import { NewEvent } from '../../../src/events/envelope';
import { ChildOutcome } from './decide-child';
import { packOutcomes, transferOfPacked, unpackOutcomes } from './packed-outcomes';

const event = (id: string, type: string, data: Record<string, unknown>): NewEvent => ({
  id, type, schemaVersion: 1, data, metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'import', role: 'admin' }, source: 'ssda903:2019:Höhe/episodes.csv:2' },
});

describe('a worker\'s decided children, packed for the calling thread', () => {
  const outcomes: ChildOutcome[] = [
    { childId: 'A', refused: { file: 'episodes.csv', row: 3, column: 'DEC', value: '', rule: 'care-not-open', message: 'no care', childId: 'A' } },
    { childId: 'B', append: null, events: 0, voided: 0 },
    {
      childId: 'C',
      append: {
        stream: 'child-C',
        expectedRevision: 4,
        events: [event('e1', 'RecordVoided', { eventId: 'x' }), event('e2', 'CareStarted', { childId: 'C', startDate: '2019-05-01', note: 'naïve “quote”' })],
      },
      events: 2,
      voided: 1,
    },
    { childId: 'D', append: { stream: 'child-D', expectedRevision: 'no-stream', events: [event('e3', 'ChildRegistered', { childId: 'D' })] }, events: 1, voided: 0 },
  ];

  it('come back the same, each child\'s events read from the bytes (text beyond ASCII too)', () => {
    const packed = packOutcomes(outcomes);
    const unpacked = unpackOutcomes(packed);
    expect(unpacked.map((outcome) => ('append' in outcome && outcome.append
      ? { ...outcome, append: { stream: outcome.append.stream, expectedRevision: outcome.append.expectedRevision, events: outcome.append.events } }
      : outcome))).toEqual(outcomes);
  });

  it('hold the events in one buffer that can be transferred whole', () => {
    const packed = packOutcomes(outcomes);
    expect(transferOfPacked(packed)).toEqual([packed.bytes.buffer]);
    expect(packed.outcomes.every((outcome) => !('append' in outcome) || outcome.append === null)).toBe(true);
  });
});
