import { recorded, ReliabilityApi, startReliabilityApi } from './support/reliability-api';

/**
 * Many IROs and managers at once: fifty clients send at the same instant over real
 * sockets. Exactly one escalation per stage wins, every other answer is 409, nothing
 * acknowledged is lost and nothing unacknowledged is kept; fifty retries of one
 * Idempotency-Key append once.
 */
describe('concurrency', () => {
  let api: ReliabilityApi;
  const CLIENTS = 50;

  beforeAll(async () => {
    api = await startReliabilityApi();
    await recorded(api.as('admin').post('/children', { childId: 'C1', dateOfBirth: '2012-06-14', sex: 'male' }));
    await recorded(api.as('admin').post('/children/C1/care-periods', { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }));
    await recorded(api.as('admin').post('/children/C1/iro-allocations', { iroId: 'iro-1', effectiveDate: '2020-01-06' }));
  });
  afterAll(() => api.destroy());

  const raise = (challengeId: string) =>
    recorded(api.as('iro', 'iro-1').post('/challenges', {
      challengeId, childIds: ['C1'], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'drift-and-delay', summary: 'Permanence plan overdue.',
    }));

  /** All at once: every request is written before any answer is read. */
  const atOnce = <T>(count: number, send: (client: number) => Promise<T>): Promise<T[]> =>
    Promise.all(Array.from({ length: count }, (_, client) => send(client)));

  const escalations = async (challengeId: string) =>
    (await api.store.readStream(`challenge-${challengeId}`)).filter((e) => e.type === 'ChallengeEscalated');

  it('lets exactly one of 50 simultaneous escalations to stage 2 through; the other 49 get 409 and nothing is appended for them', async () => {
    await raise('CH1');
    const before = await api.eventCount();
    // half the clients are the IRO who raised it, half are admins
    const answers = await atOnce(CLIENTS, (client) =>
      (client % 2 === 0 ? api.as('iro', 'iro-1') : api.as('admin', `admin-${client}`)).post('/challenges/CH1/escalations', {
        escalatedOn: '2020-03-10', toStage: 2, reason: `client ${client}: no response from the team manager`,
      }),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({ statusCode: 409, rule: expect.stringMatching(/^(escalation-not-forward|expected-revision)$/), message: expect.any(String) });
    }
    const [winner] = answers.filter((a) => a.status === 201);
    const stored = await escalations('CH1');
    expect(stored.map((e) => [e.id, e.data.toStage])).toEqual([[winner.body.eventIds[0], 2]]);
    expect(await api.eventCount()).toBe(before + 1);
  });

  it('keeps each stage at most once when 50 clients escalate to 3, 4 and Cafcass at once, and loses no acknowledged escalation', async () => {
    await raise('CH2');
    const before = await api.eventCount();
    const stages = [3, 4, 'cafcass'] as const;
    const answers = await atOnce(CLIENTS, (client) =>
      api.as('iro', 'iro-1').post('/challenges/CH2/escalations', {
        escalatedOn: '2020-03-12', toStage: stages[client % stages.length], reason: `client ${client}`,
      }),
    );
    const accepted = answers.filter((a) => a.status === 201);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409)).toBe(true);
    const stored = await escalations('CH2');
    // every acknowledged escalation is stored, and nothing else was
    expect(stored.map((e) => e.id).sort()).toEqual(accepted.flatMap((a) => a.body.eventIds as string[]).sort());
    expect(await api.eventCount()).toBe(before + accepted.length);
    // stages only move forward, each entered once
    const reached = stored.map((e) => e.data.toStage);
    const rank = (stage: unknown) => [1, 2, 3, 4, 'cafcass'].indexOf(stage as number | string);
    expect(new Set(reached).size).toBe(reached.length);
    expect(reached.map(rank)).toEqual([...reached.map(rank)].sort((a, b) => a - b));
    expect(accepted.length).toBeGreaterThanOrEqual(1);
  });

  it('appends once when 50 clients send the same command with the same Idempotency-Key, and all get the same answer', async () => {
    const before = await api.eventCount();
    const answers = await atOnce(CLIENTS, () =>
      api.as('iro', 'iro-1').post('/challenges', {
        challengeId: 'CH3', childIds: ['C1'], raisedOn: '2020-03-20', raisedBy: 'iro-1', category: 'placement', summary: 'Placement at risk.',
      }).set('Idempotency-Key', 'raise-CH3-once'),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(CLIENTS).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(CLIENTS - 1);
    expect(await api.eventCount()).toBe(before + 1);
    expect((await api.store.readStream('challenge-CH3')).map((e) => e.type)).toEqual(['ChallengeRaised']);
  });

  it('keeps 50 clients recording reviews on 50 children at once: every acknowledged review is stored', async () => {
    for (let i = 0; i < CLIENTS; i += 1) {
      await recorded(api.as('admin').post('/children', { childId: `K${i}`, dateOfBirth: '2010-01-01', sex: 'female' }));
      await recorded(api.as('admin').post(`/children/K${i}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }));
    }
    const before = await api.eventCount();
    const answers = await atOnce(CLIENTS, (i) =>
      api.as('iro', `iro-${i}`).post(`/children/K${i}/reviews`, { heldOn: '2020-01-30', chairIroId: `iro-${i}`, participation: 'PN1', iroVisitedBeforeReview: true }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(CLIENTS).fill(201));
    expect(await api.eventCount()).toBe(before + CLIENTS);
    for (let i = 0; i < CLIENTS; i += 1) {
      const ids = (await api.store.readStream(`child-K${i}`)).map((e) => e.id);
      expect(ids).toContain(answers[i].body.eventIds[0]);
    }
  });
});
