import { AccessRequest, checkAccess, OwnershipLookups } from './access-check';
import { ACCESS_POLICY, accessRuleFor } from './access-policy';
import { TokenActor } from './token-verifier';

const lookups: OwnershipLookups = {
  currentIroOf: async (childId) => ({ C1: 'iro-1', C2: 'iro-2' })[childId] ?? null,
  challengeRaisedBy: async (id) => ({ CH1: 'iro-1' })[id] ?? null,
};
const iro1: TokenActor = { userId: 'iro-1', role: 'iro' };
const request = (method: string, routePath: string, over: Partial<AccessRequest> = {}): AccessRequest => ({
  method, routePath, params: {}, query: {}, body: {}, ...over,
});

describe('checkAccess', () => {
  it('lets an IRO record a review they chair and refuses one chaired by someone else', async () => {
    const own = await checkAccess(iro1, request('POST', '/children/:childId/reviews', { body: { chairIroId: 'iro-1' } }), lookups);
    expect(own.allowed).toBe(true);
    const other = await checkAccess(iro1, request('POST', '/children/:childId/reviews', { body: { chairIroId: 'iro-2' } }), lookups);
    expect(other).toMatchObject({ allowed: false, reason: 'an IRO records only the reviews they chair: chairIroId must be your user id' });
    const none = await checkAccess(iro1, request('POST', '/children/:childId/cp-conferences', { body: [] }), lookups);
    expect(none.allowed).toBe(false);
  });

  it('lets an IRO read the children allocated to them now, and no other', async () => {
    expect((await checkAccess(iro1, request('GET', '/children/:childId/history', { params: { childId: 'C1' } }), lookups)).allowed).toBe(true);
    expect(await checkAccess(iro1, request('GET', '/children/:childId/history', { params: { childId: 'C2' } }), lookups)).toMatchObject({
      allowed: false, reason: 'an IRO reads only the children allocated to them',
    });
    expect((await checkAccess(iro1, request('GET', '/children/:childId', { params: { childId: 'unknown' } }), lookups)).allowed).toBe(false);
  });

  it('lets an IRO escalate and resolve only the challenges they raised', async () => {
    for (const path of ['/challenges/:id/escalations', '/challenges/:id/resolutions', '/challenges/:id']) {
      const method = path === '/challenges/:id' ? 'GET' : 'POST';
      expect((await checkAccess(iro1, request(method, path, { params: { id: 'CH1' } }), lookups)).allowed).toBe(true);
      expect((await checkAccess({ userId: 'iro-2', role: 'iro' }, request(method, path, { params: { id: 'CH1' } }), lookups)).allowed).toBe(false);
    }
  });

  it('narrows an IRO\'s lists to them and refuses a list of someone else', async () => {
    expect(await checkAccess(iro1, request('GET', '/clinic/candidates'), lookups)).toMatchObject({ allowed: true, scope: { field: 'iroId', value: 'iro-1' } });
    expect(await checkAccess(iro1, request('GET', '/challenges', { query: { raisedBy: 'iro-1' } }), lookups)).toMatchObject({ allowed: true, scope: { field: 'raisedBy', value: 'iro-1' } });
    expect((await checkAccess(iro1, request('GET', '/challenges', { query: { raisedBy: 'iro-2' } }), lookups)).allowed).toBe(false);
    expect((await checkAccess(iro1, request('GET', '/challenges', { query: { raisedBy: ['iro-1', 'iro-2'] } }), lookups)).allowed).toBe(false);
    const manager = await checkAccess({ userId: 'm', role: 'manager' }, request('GET', '/challenges', { query: { raisedBy: 'iro-2' } }), lookups);
    expect(manager).toEqual({ allowed: true, rule: accessRuleFor('GET', '/challenges') });
  });

  it('names the role and the action when a role may not do something', async () => {
    expect(await checkAccess({ userId: 'p', role: 'panel' }, request('POST', '/challenges/:id/responses'), lookups)).toMatchObject({
      allowed: false, reason: 'the panel role may not respond to a challenge (allowed: manager, admin)',
    });
  });

  it('keeps a route missing from the table to admins', async () => {
    expect((await checkAccess({ userId: 'a', role: 'admin' }, request('POST', '/projections/rebuild'), lookups)).allowed).toBe(true);
    expect(await checkAccess({ userId: 'm', role: 'manager' }, request('POST', '/projections/rebuild'), lookups)).toMatchObject({
      allowed: false, reason: 'no access rule covers POST /projections/rebuild; only an admin may use it',
    });
  });

  it('has one row per route, admin on every row but the open ones, and no write for panel or auditor', () => {
    const keys = ACCESS_POLICY.map((rule) => `${rule.method} ${rule.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of ACCESS_POLICY) {
      if (rule.public) continue;
      expect(rule.roles.admin).toBe('any');
      if (rule.method !== 'GET') {
        expect(rule.roles.panel).toBeUndefined();
        expect(rule.roles.auditor).toBeUndefined();
      }
    }
  });
});
