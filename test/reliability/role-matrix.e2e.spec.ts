import request from 'supertest';
import { ACCESS_POLICY } from '../../libs/auth/access-policy';
import { TokenRole } from '../../libs/auth/token-roles';
import { authHeader } from '../support/auth';
import { recorded, ReliabilityApi, startReliabilityApi } from './support/reliability-api';

/**
 * Every role against every endpoint, with the status each must get written out here by
 * hand (not derived from the access table, so that a change to the table that was not
 * meant fails this test). Columns: no token; the IRO who owns the record (iro-1: C1 and
 * CH1 are theirs, they chair, they raised); another IRO (iro-2) on the same request; a
 * manager; a panel member; an auditor; an admin.
 */
const EXPECTED = `
route                                              none  iro  other-iro  manager  panel  auditor  admin
GET  /health                                        200  200        200      200    200      200    200
POST /children                                      401  403        403      403    403      403    201
POST /children/:childId/care-periods                401  403        403      403    403      403    201
POST /children/:childId/placements                  401  403        403      403    403      403    201
POST /children/:childId/legal-statuses              401  403        403      403    403      403    201
POST /children/:childId/care-endings                401  403        403      403    403      403    201
POST /children/:childId/iro-allocations             401  403        403      403    403      403    201
POST /children/:childId/reviews                     401  201        403      403    403      403    201
POST /children/:childId/cp-conferences              401  201        403      403    403      403    201
POST /children/:childId/cp-plans                    401  201        403      403    403      403    201
POST /children/:childId/cp-plan-endings             401  201        403      403    403      403    201
POST /children/:childId/voids                       401  403        403      403    403      403    201
GET  /children/:childId                             401  200        403      200    403      403    200
GET  /children/:childId/history                     401  200        403      200    403      200    200
GET  /children/:childId/oversight                   401  200        403      200    403      403    200
POST /challenges                                    401  201        403      403    403      403    201
POST /challenges/:id/escalations                    401  201        403      403    403      403    201
POST /challenges/:id/responses                      401  403        403      201    403      403    201
POST /challenges/:id/resolutions                    401  201        403      403    403      403    201
POST /challenges/:id/voids                          401  403        403      403    403      403    201
GET  /challenges/:id                                401  200        403      200    403      403    200
GET  /challenges/:id/history                        401  200        403      200    403      200    200
GET  /challenges                                    401  200        403      200    200      403    200
GET  /analysis/issues-resolution                    401  403        403      200    200      403    200
GET  /clinic/candidates                             401  200        403      200    200      403    200
GET  /caseloads                                     401  403        403      200    200      403    200
GET  /reports/iro-annual/:year                      401  403        403      200    403      200    200
GET  /reports/iro-annual/:year/changes              401  403        403      200    403      200    200
GET  /reports/iro-annual/:year/figures/:figureId    401  403        403      200    403      200    200
POST /imports/ssda903                               401  403        403      403    403      403    200
POST /imports/cin                                   401  403        403      403    403      403    200
GET  /audit/access                                  401  403        403      403    403      200    200
`;

const CALLERS = ['none', 'iro', 'other-iro', 'manager', 'panel', 'auditor', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
const TOKENS: Record<Exclude<Caller, 'none'>, [TokenRole, string]> = {
  iro: ['iro', 'iro-1'], 'other-iro': ['iro', 'iro-2'], manager: ['manager', 'mgr-1'], panel: ['panel', 'panel-1'], auditor: ['auditor', 'aud-1'], admin: ['admin', 'admin-1'],
};

const expectedRows = EXPECTED.trim().split('\n').slice(1).map((line) => {
  const [method, path, ...statuses] = line.trim().split(/\s+/);
  return { route: `${method} ${path}`, statuses: Object.fromEntries(CALLERS.map((caller, i) => [caller, Number(statuses[i])])) as Record<Caller, number> };
});

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,14/06/2012,WBRI,,,\n';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,06/01/2020,S,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,1234567\n';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,14/06/2012,30/01/2020,PN1\n';
const CENSUS = `<Message><Header><CollectionDetails><ReferenceDate>2020-03-31</ReferenceDate></CollectionDetails></Header><Children>
<Child><ChildIdentifiers><LAchildID>B1</LAchildID><PersonBirthDate>2015-02-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
<CINdetails><Section47><S47ActualStartDate>2019-12-02</S47ActualStartDate><DateOfInitialCPC>2019-12-16</DateOfInitialCPC></Section47>
<ChildProtectionPlans><CPPstartDate>2019-12-16</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child>
</Children></Message>`;

describe('role matrix: every role x every endpoint', () => {
  let api: ReliabilityApi;
  let fresh = 0;
  const admin = () => api.as('admin', 'admin-1');
  const newId = (prefix: string) => `${prefix}${(fresh += 1)}`;

  const registered = async () => {
    const childId = newId('R');
    const body = await recorded(admin().post('/children', { childId, dateOfBirth: '2012-06-14', sex: 'female' }));
    return { childId, registeredEventId: body.eventIds[0] as string };
  };
  const inCare = async () => {
    const { childId } = await registered();
    await recorded(admin().post(`/children/${childId}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }));
    return childId;
  };
  /** a child allocated to iro-1 now, optionally on a plan started 6 January 2020 */
  const allocatedToIro1 = async (onPlan = false) => {
    const { childId } = await registered();
    await recorded(admin().post(`/children/${childId}/iro-allocations`, { iroId: 'iro-1', effectiveDate: '2020-01-06' }));
    if (onPlan) await recorded(admin().post(`/children/${childId}/cp-plans`, { startDate: '2020-01-06', categoryOfAbuse: 'NEG' }));
    return childId;
  };
  const raisedByIro1 = async () => {
    const challengeId = newId('CH-');
    const body = await recorded(admin().post('/challenges', { challengeId, childIds: ['C1'], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'permanence', summary: 'No plan.' }));
    return { challengeId, raisedEventId: body.eventIds[0] as string };
  };

  /** Each endpoint's request, well formed, on records set up afresh where a success would change them. */
  type Send = (as: (test: request.Test) => request.Test) => Promise<request.Response>;
  const post = (path: string, body: object): Send => async (as) => as(request(api.url).post(path)).send(body);
  const get = (path: string): Send => async (as) => as(request(api.url).get(path));
  const REQUESTS: Record<string, () => Promise<Send>> = {
    'GET /health': async () => get('/health'),
    'POST /children': async () => post('/children', { childId: newId('N'), dateOfBirth: '2012-06-14', sex: 'male' }),
    'POST /children/:childId/care-periods': async () =>
      post(`/children/${(await registered()).childId}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }),
    'POST /children/:childId/placements': async () => post(`/children/${await inCare()}/placements`, { effectiveDate: '2020-03-02', placementType: 'U5', placedOutsideLocalAuthority: false }),
    'POST /children/:childId/legal-statuses': async () => post(`/children/${await inCare()}/legal-statuses`, { effectiveDate: '2020-03-02', legalStatus: 'C1' }),
    'POST /children/:childId/care-endings': async () => post(`/children/${await inCare()}/care-endings`, { endDate: '2020-03-02', reasonCeased: 'E11' }),
    'POST /children/:childId/iro-allocations': async () => post(`/children/${(await registered()).childId}/iro-allocations`, { iroId: 'iro-1', effectiveDate: '2020-03-02' }),
    'POST /children/:childId/reviews': async () =>
      post(`/children/${await inCare()}/reviews`, { heldOn: '2020-01-30', chairIroId: 'iro-1', participation: 'PN1', iroVisitedBeforeReview: true }),
    'POST /children/:childId/cp-conferences': async () =>
      post(`/children/${(await registered()).childId}/cp-conferences`, {
        type: 'initial', heldOn: '2020-03-20', strategyDiscussionOn: '2020-03-02', chairIroId: 'iro-1', outcome: 'plan-started', categoryOfAbuse: 'EMO',
      }),
    'POST /children/:childId/cp-plans': async () =>
      post(`/children/${await allocatedToIro1()}/cp-plans`, { startDate: '2020-01-06', categoryOfAbuse: 'NEG', reason: 'Transferred in.' }),
    'POST /children/:childId/cp-plan-endings': async () =>
      post(`/children/${await allocatedToIro1(true)}/cp-plan-endings`, { endDate: '2020-03-02', reason: 'Transferred out.' }),
    'POST /children/:childId/voids': async () => {
      const { childId, registeredEventId } = await registered();
      return post(`/children/${childId}/voids`, { eventId: registeredEventId, reason: 'Registered twice.' });
    },
    'GET /children/:childId': async () => get('/children/C1'),
    'GET /children/:childId/history': async () => get('/children/C1/history'),
    'GET /children/:childId/oversight': async () => get('/children/C1/oversight'),
    'POST /challenges': async () =>
      post('/challenges', { challengeId: newId('CH-'), childIds: ['C1'], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'placement', summary: 'Placement at risk.' }),
    'POST /challenges/:id/escalations': async () =>
      post(`/challenges/${(await raisedByIro1()).challengeId}/escalations`, { escalatedOn: '2020-03-10', toStage: 2, reason: 'No response.' }),
    'POST /challenges/:id/responses': async () =>
      post(`/challenges/${(await raisedByIro1()).challengeId}/responses`, { respondedOn: '2020-03-10', respondedBy: 'Service manager', response: 'Panel booked.' }),
    'POST /challenges/:id/resolutions': async () => post(`/challenges/${(await raisedByIro1()).challengeId}/resolutions`, { resolvedOn: '2020-03-10', outcome: 'resolved' }),
    'POST /challenges/:id/voids': async () => {
      const { challengeId, raisedEventId } = await raisedByIro1();
      return post(`/challenges/${challengeId}/voids`, { eventId: raisedEventId, reason: 'Raised twice.' });
    },
    'GET /challenges/:id': async () => get('/challenges/CH1'),
    'GET /challenges/:id/history': async () => get('/challenges/CH1/history'),
    'GET /challenges': async () => get('/challenges?raisedBy=iro-1'),
    'GET /analysis/issues-resolution': async () => get('/analysis/issues-resolution?from=2019-04-01&to=2020-03-31'),
    'GET /clinic/candidates': async () => get('/clinic/candidates?iroId=iro-1'),
    'GET /caseloads': async () => get('/caseloads'),
    'GET /reports/iro-annual/:year': async () => get('/reports/iro-annual/2019'),
    'GET /reports/iro-annual/:year/changes': async () => get('/reports/iro-annual/2019/changes?from=2020-03-01T00:00:00Z&to=2020-03-31T12:00:00Z'),
    'GET /reports/iro-annual/:year/figures/:figureId': async () => get('/reports/iro-annual/2019/figures/cla.atYearEnd'),
    'POST /imports/ssda903': async () => async (as) =>
      as(request(api.url).post('/imports/ssda903'))
        .attach('files', Buffer.from(HEADER), 'header.csv').attach('files', Buffer.from(EPISODES), 'episodes.csv').attach('files', Buffer.from(REVIEWS), 'reviews.csv')
        .field('year', '2019').field('dryRun', 'true'),
    'POST /imports/cin': async () => async (as) => as(request(api.url).post('/imports/cin')).attach('file', Buffer.from(CENSUS), 'cin.xml').field('dryRun', 'true'),
    'GET /audit/access': async () => get('/audit/access'),
  };

  beforeAll(async () => {
    api = await startReliabilityApi();
    for (const [childId, iroId] of [['C1', 'iro-1'], ['C2', 'iro-2']]) {
      await recorded(admin().post('/children', { childId, dateOfBirth: '2012-06-14', sex: 'female' }));
      await recorded(admin().post(`/children/${childId}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }));
      await recorded(admin().post(`/children/${childId}/iro-allocations`, { iroId, effectiveDate: '2020-01-06' }));
    }
    await recorded(admin().post('/challenges', { challengeId: 'CH1', childIds: ['C1'], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'permanence', summary: 'No plan.' }));
  });
  afterAll(() => api.destroy());

  it('has one expected row per route the API serves, and the access table has the same routes', () => {
    const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    const served = router.stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : []))
      .filter((route) => !/^GET \/docs/.test(route));
    expect([...new Set(served)].sort()).toEqual(expectedRows.map((row) => row.route).sort());
    expect(ACCESS_POLICY.map((rule) => `${rule.method} ${rule.path}`).sort()).toEqual(expectedRows.map((row) => row.route).sort());
  });

  for (const { route, statuses } of expectedRows) {
    it(`${route}: ${CALLERS.map((c) => `${c} ${statuses[c]}`).join(', ')}`, async () => {
      const got: Record<string, number> = {};
      for (const caller of CALLERS) {
        const send = await REQUESTS[route]();
        const before = await api.eventCount();
        const response = await send((test) => (caller === 'none' ? test : test.set(authHeader(...TOKENS[caller]))));
        got[caller] = response.status;
        if (response.status === 401 || response.status === 403) {
          expect(response.body.message).toMatch(response.status === 401 ? /bearer token/i : /^Forbidden: /);
          expect(await api.eventCount()).toBe(before);
        }
      }
      expect(got).toEqual(statuses);
    });
  }
});
