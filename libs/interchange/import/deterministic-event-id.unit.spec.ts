import { createHash } from 'node:crypto';
import { commandDigest, deterministicEventId, uuidFromDigest } from './deterministic-event-id';

/** The layout as first written (a copy of the digest with the version and variant bits set): ids already imported must not change. */
function referenceUuid(digest: Buffer): string {
  const bytes = Buffer.from(digest);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

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

  it('are the ids and hashes the first imports recorded: the layout and the digest are unchanged', () => {
    for (let n = 0; n < 2000; n += 1) {
      const parts = ['ssda903', `C${n}`, `review:2019-${String((n % 12) + 1).padStart(2, '0')}-01`, String(n * 7919)];
      const digest = createHash('sha1').update(parts.join('\u001f')).digest();
      expect(deterministicEventId(...parts)).toBe(referenceUuid(digest));
      expect(uuidFromDigest(digest.toString('hex'))).toBe(referenceUuid(digest));

      const content = [{ type: 'holdReview', childId: `C${n}`, heldOn: '2019-06-20' }, n % 2 === 0 ? null : { URN: String(n) }];
      const command = commandDigest('ssda903', `C${n}`, parts[2], content);
      const expected = createHash('sha1').update(`ssda903\u001fC${n}\u001f${parts[2]}\u001f${JSON.stringify(content)}`).digest();
      expect(command.digest).toBe(expected.toString('hex'));
      expect(command.hash).toBe(expected.toString('base64url').slice(0, 22));
    }
  });
});
