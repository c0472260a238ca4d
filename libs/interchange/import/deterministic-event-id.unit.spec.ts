import { commandDigest, deterministicEventId, uuidFromDigest } from './deterministic-event-id';

describe('deterministic event ids', () => {
  it('are version 5 layout uuids, the same for the same parts and different for others', () => {
    const id = deterministicEventId('ssda903', 'A1', 'episode:2019-05-01:start', 'abc', '0');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('ssda903', 'A1', 'episode:2019-05-01:start', 'abc', '0')).toBe(id);
    expect(deterministicEventId('ssda903', 'A2', 'episode:2019-05-01:start', 'abc', '0')).not.toBe(id);
    // parts are separated, so shifting text between them changes the id
    expect(deterministicEventId('ab', 'c')).not.toBe(deterministicEventId('a', 'bc'));
  });

  it('digest a command so that a corrected record is told from the same one', () => {
    const same = commandDigest('ssda903', 'A1', 'episode:2019-05-01:end', { endDate: '2020-02-01' });
    expect(commandDigest('ssda903', 'A1', 'episode:2019-05-01:end', { endDate: '2020-02-01' })).toEqual(same);
    expect(commandDigest('ssda903', 'A1', 'episode:2019-05-01:end', { endDate: '2020-02-15' }).hash).not.toBe(same.hash);
    expect(commandDigest('ssda903', 'A2', 'episode:2019-05-01:end', { endDate: '2020-02-01' }).hash).not.toBe(same.hash);
    expect(uuidFromDigest(same.digest)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
