import {
  ApiUnderTest, created, escalate, holdInitialConference, holdReview, raiseChallenge, registerChild, resolve, startApi, startCare,
} from '../api-under-test';
import { projectionsCaughtUp } from './projections-caught-up';

/**
 * The read-model queries over HTTP, after the commands that feed them, on "today"
 * Tuesday 31 March 2020:
 * - C1 in care from Mon 6 Jan 2020 with no review (first due Mon 3 Feb): review overdue;
 * - C2 in care, reviewed on 30 Jan (next due 30 Apr);
 * - C3 on a plan from Fri 20 Dec 2019, no review conference (due 20 Mar): overdue;
 * - C4 registered only;
 * - CH1, a service-level challenge about C1-C3 raised Mon 3 Feb, escalated to stage 2 on
 *   12 Feb (stage 1 unanswered by 10 Feb), answered on 14 Feb, still open: over 20
 *   working days from Tue 3 Mar;
 * - CH2 about C2, resolved at stage 1 on 7 Feb; CH3 about C4, its raising voided.
 */
describe('oversight queries over HTTP', () => {
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi();
    for (const child of ['C1', 'C2', 'C3', 'C4']) await created(registerChild(api, child));
    await created(startCare(api, 'C1'));
    await created(api.http().post('/children/C1/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-06' }));
    await created(startCare(api, 'C2'));
    await created(api.http().post('/children/C2/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-06' }));
    await created(holdReview(api, 'C2'));
    await created(holdInitialConference(api, 'C3'));
    await created(api.http().post('/children/C3/iro-allocations').send({ iroId: 'IRO8', effectiveDate: '2019-12-20' }));

    await created(raiseChallenge(api, 'CH1', ['C1', 'C2', 'C3']));
    await created(escalate(api, 'CH1', { escalatedOn: '2020-02-12', toStage: 2 }));
    await created(api.http().post('/challenges/CH1/responses').send({ respondedOn: '2020-02-14', respondedBy: 'Service manager', response: 'Meeting booked.' }));
    await created(raiseChallenge(api, 'CH2', ['C2'], { category: 'placement' }));
    await created(resolve(api, 'CH2', { resolvedOn: '2020-02-07', outcome: 'resolved' }));
    const wrong = await created(raiseChallenge(api, 'CH3', ['C4']));
    await created(api.http().post('/challenges/CH3/voids').send({ eventId: wrong.eventIds[0], reason: 'Raised about the wrong child.' }));

    // C5, in care with IRO7, whose registration is then voided: a child the service does not know, counted nowhere
    const c5 = await created(registerChild(api, 'C5'));
    await created(startCare(api, 'C5'));
    await created(api.http().post('/children/C5/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-06' }));
    await created(api.http().post('/children/C5/voids').send({ eventId: c5.eventIds[0], reason: 'Registered under the wrong id.' }));

    await projectionsCaughtUp(api, ['issues-resolution', 'drift-and-delay']);
  });
  afterAll(() => api.destroy());

  it('answers 404 for the oversight of a child whose registration was voided, as for its record', async () => {
    const response = await api.http().get('/children/C5/oversight');
    expect(response.status).toBe(404);
    expect(response.body.rule).toBe('child-not-registered');
    expect((await api.http().get('/children/C5')).status).toBe(404);
  });

  describe('GET /challenges', () => {
    it('lists the challenges that count, newest first, with their stage history', async () => {
      const response = await api.http().get('/challenges');
      expect(response.status).toBe(200);
      expect(response.body.items.map((c: { challengeId: string }) => c.challengeId)).toEqual(['CH2', 'CH1']);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.items[1]).toMatchObject({
        childIds: ['C1', 'C2', 'C3'],
        stage: '2',
        status: 'open',
        lookedAfterAtRaising: true,
        protectionAtRaising: true,
        stages: [
          { stage: '1', enteredOn: '2020-02-03', responseDueBy: '2020-02-10', leftOn: '2020-02-12', workingDays: 7, deadlineMet: false },
          { stage: '2', enteredOn: '2020-02-12', responseDueBy: '2020-02-19', respondedOn: '2020-02-14', leftOn: null, deadlineMet: true },
        ],
      });
    });

    it('filters by status, child, category and overdue on a date', async () => {
      const ids = async (query: string) =>
        (await api.http().get(`/challenges?${query}`)).body.items.map((c: { challengeId: string }) => c.challengeId);
      expect(await ids('status=open')).toEqual(['CH1']);
      expect(await ids('status=resolved&stage=1')).toEqual(['CH2']);
      expect(await ids('childId=C3')).toEqual(['CH1']);
      expect(await ids('category=placement')).toEqual(['CH2']);
      expect(await ids('overdue=true&asAt=2020-02-11')).toEqual(['CH1']);
      expect(await ids('overdue=true')).toEqual([]);
      expect(await ids('from=2020-02-04')).toEqual([]);
    });

    it('pages with limit and cursor', async () => {
      const first = await api.http().get('/challenges?limit=1');
      expect(first.body.items.map((c: { challengeId: string }) => c.challengeId)).toEqual(['CH2']);
      expect(typeof first.body.nextCursor).toBe('string');
      const second = await api.http().get(`/challenges?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((c: { challengeId: string }) => c.challengeId)).toEqual(['CH1']);
      expect(second.body.nextCursor).toBeNull();
    });

    it('answers 400 with the fields at fault', async () => {
      const response = await api.http().get('/challenges?stage=5&overdue=maybe&cursor=nonsense&limit=0');
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'overdue', 'stage']);
      expect((await api.http().get('/challenges?cursor=nonsense')).body.errors).toEqual([
        { field: 'cursor', messages: ['cursor must be a nextCursor this list gave out'] },
      ]);
    });
  });

  describe('GET /analysis/issues-resolution', () => {
    it('gives the stage analysis of the year', async () => {
      const response = await api.http().get('/analysis/issues-resolution?from=2019-04-01&to=2020-03-31');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        raised: 2,
        byHighestStage: { '1': 1, '2': 1, '3': 0, '4': 0, cafcass: 0 },
        resolvedAtStage: { '1': 1, '2': 0, '3': 0, '4': 0, cafcass: 0 },
        resolvedAtLowestLevelPercent: { value: 100, numerator: 1, denominator: 1 },
        cafcassReferrals: 0,
        recoveryPlansAgreed: 0,
        openByStage: { '1': 0, '2': 1, '3': 0, '4': 0, cafcass: 0 },
        overdueByStage: { '1': 0, '2': 0, '3': 0, '4': 0, cafcass: 0 },
        lookedAfterVsProtection: { lookedAfter: 2, protection: 1, neither: 0 },
        challengeIds: ['CH1', 'CH2'],
      });
      expect(response.body.byCategory).toMatchObject({ permanence: 1, placement: 1, health: 0 });
      expect(response.body.stages['1']).toEqual({ entered: 2, deadlineMetPercent: { value: 50, numerator: 1, denominator: 2 }, medianWorkingDays: 5.5 });
    });

    it('defaults to the reporting year up to today', async () => {
      const response = await api.http().get('/analysis/issues-resolution');
      expect(response.body).toMatchObject({ from: '2019-04-01', to: '2020-03-31', raised: 2 });
    });

    it('says that to defaults to today when only a later from is given', async () => {
      const response = await api.http().get('/analysis/issues-resolution?from=2020-06-01');
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'from', messages: ['from (2020-06-01) must not be after to, which is today (2020-03-31) when not given'] },
      ]);
      const both = await api.http().get('/analysis/issues-resolution?from=2020-06-01&to=2020-05-01');
      expect(both.body.errors).toEqual([{ field: 'to', messages: ['to must not be before from'] }]);
    });
  });

  describe('GET /children/:childId/oversight', () => {
    it("gives a child's drift and delay today", async () => {
      const response = await api.http().get('/children/C1/oversight');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        childId: 'C1',
        asAt: '2020-03-31',
        status: 'looked-after',
        iroId: 'IRO7',
        nextReviewDueBy: '2020-02-03',
        reviewDaysOverdue: 57,
        openChallenges: [{ challengeId: 'CH1', stage: '2', overdue: false }],
      });
      expect(response.body.flags.map((f: { flag: string; since: string }) => [f.flag, f.since])).toEqual([
        ['review-overdue', '2020-02-04'],
        ['challenge-over-20-working-days', '2020-03-03'],
      ]);
      expect(response.body.flags[0].evidence[0].eventIds.length).toBeGreaterThan(0);
    });

    it('evaluates it on an earlier date', async () => {
      const response = await api.http().get('/children/C3/oversight?asAt=2020-03-01');
      expect(response.body).toMatchObject({ status: 'cp-plan', nextConferenceDueBy: '2020-03-20', conferenceDaysOverdue: 0 });
    });

    it('answers for a registered child with nothing to oversee, and 404 for an unknown one', async () => {
      expect((await api.http().get('/children/C4/oversight')).body).toMatchObject({ status: 'neither', flags: [], openChallenges: [] });
      const unknown = await api.http().get('/children/NOBODY/oversight');
      expect(unknown.status).toBe(404);
    });
  });

  describe('GET /clinic/candidates', () => {
    const listed = async (query = '') => {
      const response = await api.http().get(`/clinic/candidates${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };

    it('ranks the children by number of flags, then the longest-standing flag', async () => {
      const body = await listed();
      expect(body.items.map((c: { childId: string; iroId: string }) => [c.childId, c.iroId])).toEqual([
        ['C1', 'IRO7'],
        ['C3', 'IRO8'],
        ['C2', 'IRO7'],
      ]);
      expect(body.items[1].flags).toEqual([
        { flag: 'cp-review-overdue', since: '2020-03-21', reason: 'The child protection review conference due by 20 March 2020 has not been held.' },
        { flag: 'challenge-over-20-working-days', since: '2020-03-03', reason: 'Challenge CH1, raised on 3 February 2020, has been open more than 20 working days.' },
      ]);
      expect(body.nextCursor).toBeNull();
    });

    it('filters by flags and IRO, evaluates on a date, and pages', async () => {
      expect((await listed('?flags=review-overdue')).items.map((c: { childId: string }) => c.childId)).toEqual(['C1']);
      expect((await listed('?iroId=IRO8')).items.map((c: { childId: string }) => c.childId)).toEqual(['C3']);
      expect((await listed('?asAt=2020-02-05')).items.map((c: { childId: string }) => c.childId)).toEqual(['C1']);
      const first = await listed('?limit=2');
      expect(first.items.map((c: { childId: string }) => c.childId)).toEqual(['C1', 'C3']);
      const second = await listed(`?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((c: { childId: string }) => c.childId)).toEqual(['C2']);
      expect(second.nextCursor).toBeNull();
    });

    it('answers 400 for a cursor sent with other flags, iroId or asAt than it was given out for', async () => {
      const first = await listed('?limit=1');
      for (const other of ['&flags=review-overdue', '&iroId=IRO7', '&asAt=2020-03-02']) {
        const response = await api.http().get(`/clinic/candidates?limit=1&cursor=${first.nextCursor}${other}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'cursor', messages: [expect.stringContaining('given out for other flags, iroId or asAt')] }]);
      }
    });

    it('answers 400 naming the valid flags for an unknown one', async () => {
      const response = await api.http().get('/clinic/candidates?flags=review-overdue,drifting');
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'flags', messages: [expect.stringContaining('unknown flags (drifting)')] },
      ]);
      expect(response.body.errors[0].messages[0]).toContain('not-visited-before-review');
    });

    it('answers flags given twice, or naming no flag, with one message that says how to give them', async () => {
      const twice = await api.http().get('/clinic/candidates?flags=review-overdue&flags=cp-review-overdue');
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([
        { field: 'flags', messages: ['flags is given once, as a comma-separated list such as flags=review-overdue,cp-review-overdue'] },
      ]);
      for (const empty of ['flags=', 'flags=,%20,']) {
        const response = await api.http().get(`/clinic/candidates?${empty}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'flags', messages: [expect.stringMatching(/^flags names no flag; leave it out for every flag/)] }]);
      }
    });

    it('answers a limit that is not a whole number from 1 to 500 with one message', async () => {
      for (const limit of ['abc', '0', '501', '2.5', '1e2', '0x10', ' 5']) {
        const response = await api.http().get(`/clinic/candidates?limit=${limit}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'limit', messages: ['limit must be a whole number from 1 to 500'] }]);
      }
    });
  });

  describe('GET /caseloads', () => {
    it('counts each IRO\'s children looked after and on a plan', async () => {
      const response = await api.http().get('/caseloads?asAt=2020-03-31');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        asAt: '2020-03-31',
        items: [
          { iroId: 'IRO7', lookedAfter: 2, protection: 0, total: 2 },
          { iroId: 'IRO8', lookedAfter: 0, protection: 1, total: 1 },
        ],
        mean: 1.5,
        aboveHandbookRange: 0,
        aboveLocalTarget: 0,
      });
    });
  });
});
