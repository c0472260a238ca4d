import { escalate, holdReview, raiseChallenge, registerChild, startApi, startCare, created } from './api-under-test';

describe('restart', () => {
  it('keeps every event in DATA_DIR: a new app on the same folder reads the same history and carries on', async () => {
    const first = await startApi();
    await created(registerChild(first, 'C1'));
    await created(startCare(first, 'C1'));
    await created(holdReview(first, 'C1'));
    await created(raiseChallenge(first, 'CH1', ['C1']));
    await created(escalate(first, 'CH1', { escalatedOn: '2020-02-12', toStage: 2 }));
    const historyBefore = (await first.http().get('/children/C1/history')).body;
    const challengeBefore = (await first.http().get('/challenges/CH1')).body;
    await first.close();

    const second = await startApi({ dataDir: first.dataDir });
    try {
      expect(await second.eventCount()).toBe(5);
      expect((await second.http().get('/children/C1/history')).body).toEqual(historyBefore);
      expect((await second.http().get('/challenges/CH1')).body).toEqual(challengeBefore);

      const next = await second.http().post('/children/C1/iro-allocations').send({ iroId: 'IRO7', effectiveDate: '2020-01-07' });
      expect(next.status).toBe(201);
      expect(next.body.revision).toBe(3);
      const history = (await second.http().get('/children/C1/history')).body.events;
      expect(history.map((event: { position: number }) => event.position)).toEqual([1, 2, 3, 6]);
    } finally {
      await second.destroy();
    }
  });
});
