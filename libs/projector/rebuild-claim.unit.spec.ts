import { isStaleRebuildClaim, newRebuildClaim, REBUILD_CLAIM_LIMIT_MS } from './rebuild-claim';

describe('a rebuild claim', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');
  const here = { host: 'iro-app-1', alive: (pid: number) => pid === 4242 };
  const claimedBy = (host: string, pid: number, claimedAt = '2026-11-26T11:59:00.000Z') => ({ id: 'c', host, pid, claimedAt });

  it('names this process and the moment, with an id of its own', () => {
    const claim = newRebuildClaim(now);
    expect(claim).toMatchObject({ pid: process.pid, claimedAt: '2026-11-26T12:00:00.000Z' });
    expect(claim.host).not.toBe('');
    expect(newRebuildClaim(now).id).not.toBe(claim.id);
  });

  it('is held while its process runs on this machine, and gone once it does not', () => {
    expect(isStaleRebuildClaim(claimedBy('iro-app-1', 4242), now, here)).toBe(false);
    expect(isStaleRebuildClaim(claimedBy('iro-app-1', 4343), now, here)).toBe(true);
  });

  it('is held on another machine (whose processes this one cannot see) until the time limit has passed', () => {
    const limit = new Date(now.getTime() - REBUILD_CLAIM_LIMIT_MS).toISOString();
    expect(isStaleRebuildClaim(claimedBy('iro-app-2', 1, limit), now, here)).toBe(false);
    expect(isStaleRebuildClaim(claimedBy('iro-app-2', 1, new Date(now.getTime() - REBUILD_CLAIM_LIMIT_MS - 1).toISOString()), now, here)).toBe(true);
    expect(isStaleRebuildClaim(claimedBy('iro-app-1', 4242, '2026-11-25T00:00:00.000Z'), now, here)).toBe(true);
  });

  it('tells whether a process on this machine runs', () => {
    expect(isStaleRebuildClaim(claimedBy(newRebuildClaim(now).host, process.pid), now)).toBe(false);
  });
});
