import { NewEvent } from '../../../src/events/envelope';
import { ChildOutcome } from './decide-child';
import { encodeEvent } from '../../event-store/encoded-event';
import { StreamAppend } from '../../event-store/sqlite/sqlite-event-store';
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

  it('give the store each event\'s data and metadata as the JSON it would have written', () => {
    const unpacked = unpackOutcomes(packOutcomes(outcomes));
    const encoded = unpacked.flatMap((outcome) => ('append' in outcome && outcome.append ? (outcome.append as StreamAppend).encoded!() : []));
    const original = outcomes.flatMap((outcome) => ('append' in outcome && outcome.append ? outcome.append.events.map(encodeEvent) : []));
    expect(encoded).toEqual(original);
    expect(encoded.map((event) => event.schemaVersion)).toEqual([1, 1, 1]);
  });

  it('hold the events in one buffer and their index in another, both transferred whole', () => {
    const packed = packOutcomes(outcomes);
    expect(transferOfPacked(packed)).toEqual([packed.bytes.buffer, packed.index.buffer]);
    expect(packed.outcomes.every((outcome) => !('append' in outcome) || outcome.append === null)).toBe(true);
  });
});
