import { randomUUID } from 'node:crypto';
import { CaseCommand } from '../../src/case/case-commands';
import { decideCase } from '../../src/case/decide-case';
import { evolveCase, foldCase } from '../../src/case/evolve-case';
import { exportSsda903Tables } from '../../libs/interchange/ssda903/export-ssda903-tables';
import { importSsda903Return } from '../../libs/interchange/ssda903/import-ssda903-return';
import { config, csvFile, EPISODES, HEADER, REVIEWS, streamOf, temporaryStore, TestStore, TODAY } from './import-test-store';

/** One child through every RNE (S, L, P, T, U, B, and back from a temporary placement) and REC (X1, an ending) path. */
const episodeRows = [
  'P1,10/04/2019,S,C1,N1,U4,PR1,01/05/2019,X1,,TS1 1AA,TS2 2BB,1111111',
  'P1,01/05/2019,L,C2,N1,U4,PR1,01/06/2019,X1,CARPL,TS1 1AA,TS2 2BB,1111111',
  'P1,01/06/2019,P,C2,N1,K2,PR4,01/07/2019,X1,PLACE,TS1 1AA,DL1 1AA,2222222',
  'P1,01/07/2019,T,C2,N1,R1,PR4,01/08/2019,X1,CARPL,TS1 1AA,DL1 1AA,XXXXXXX',
  'P1,01/08/2019,U,E1,N1,U6,PR1,01/09/2019,X1,STAND,TS1 1AA,TS1 3CC,3333333',
  'P1,01/09/2019,B,C1,N1,U5,PR2,01/10/2019,X1,,TS1 1AA,TS2 4DD,4444444',
  'P1,01/10/2019,P,C1,N1,T1,,05/10/2019,X1,,TS1 1AA,TS2 4DD,XXXXXXX',
  'P1,05/10/2019,P,C1,N1,U5,PR2,01/12/2019,E4A,,TS1 1AA,TS2 4DD,4444444',
  'P1,10/01/2020,S,V2,N2,U6,PR1,,,,TS1 1AA,TS1 5EE,5555555',
];
const files = () => [
  csvFile('header.csv', [HEADER, 'P1,M,15/01/2005,WBRI,,,']),
  csvFile('episodes.csv', [EPISODES, ...episodeRows]),
  csvFile('reviews.csv', [REVIEWS, 'P1,15/01/2005,25/04/2019,PN3', 'P1,15/01/2005,20/07/2019,PN1', 'P1,15/01/2005,20/01/2020,PN7']),
];

describe('SSDA903 episodes into events, through the case decider', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('turns each RNE and REC into the events of a period of care', async () => {
    const report = await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2019 });
    expect(report.issues).toEqual([]);
    expect(report.accepted).toBe(true);

    const events = await streamOf(test.store, 'P1');
    const summary = events.map((event) => {
      const d = event.data as unknown as Record<string, unknown>;
      switch (event.type) {
        case 'ChildRegistered': return [event.type, d.sex, d.dateOfBirth, d.ethnicity];
        case 'CareStarted': return [event.type, d.startDate, d.legalStatus, d.placementType, d.placedOutsideLocalAuthority, d.categoryOfNeed];
        case 'LegalStatusChanged': return [event.type, d.effectiveDate, d.legalStatus];
        case 'PlacementChanged': return [event.type, d.effectiveDate, d.placementType, d.placedOutsideLocalAuthority, d.reasonForChange];
        case 'CareEnded': return [event.type, d.endDate, d.reasonCeased];
        case 'ReviewHeld': return [event.type, d.heldOn, d.participation, d.sequence, d.chairIroId, d.iroVisitedBeforeReview];
        default: return [event.type];
      }
    });
    expect(summary).toEqual([
      ['ChildRegistered', 'male', '2005-01-15', 'WBRI'],
      ['CareStarted', '2019-04-10', 'C1', 'U4', false, 'N1'],
      ['ReviewHeld', '2019-04-25', 'PN3', 1, 'unknown', null],
      ['LegalStatusChanged', '2019-05-01', 'C2'],
      ['PlacementChanged', '2019-06-01', 'K2', true, 'CARPL'],
      ['PlacementChanged', '2019-07-01', 'R1', true, 'PLACE'],
      ['ReviewHeld', '2019-07-20', 'PN1', 2, 'unknown', null],
      ['LegalStatusChanged', '2019-08-01', 'E1'],
      ['PlacementChanged', '2019-08-01', 'U6', false, 'CARPL'],
      ['LegalStatusChanged', '2019-09-01', 'C1'],
      ['PlacementChanged', '2019-09-01', 'U5', false, 'STAND'],
      ['PlacementChanged', '2019-10-01', 'T1', false, undefined],
      ['PlacementChanged', '2019-10-05', 'U5', false, undefined],
      ['CareEnded', '2019-12-01', 'E4A'],
      ['CareStarted', '2020-01-10', 'V2', 'U6', false, 'N2'],
      ['ReviewHeld', '2020-01-20', 'PN7', 1, 'unknown', null],
    ]);
  });

  it('names the import, the file and the row in each event\'s metadata, with deterministic ids', async () => {
    await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2019 });
    const events = await streamOf(test.store, 'P1');
    const careStarted = events.find((event) => event.type === 'CareStarted')!;
    expect(careStarted.metadata).toMatchObject({
      actor: { userId: 'import', role: 'admin' },
      source: 'ssda903:2019:episodes.csv:2',
      importedFrom: 'ssda903',
      importKey: 'episode:2019-04-10:start',
      ssda903: { RNE: 'S', CIN: 'N1', PLACE_PROVIDER: 'PR1', HOME_POST: 'TS1 1AA', PL_POST: 'TS2 2BB', URN: '1111111' },
    });
    expect(events.find((event) => event.type === 'ReviewHeld')!.metadata.source).toBe('ssda903:2019:reviews.csv:2');
    expect(careStarted.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const again = temporaryStore();
    try {
      await importSsda903Return(files(), { store: again.store, config, today: TODAY, year: 2019 });
      expect((await streamOf(again.store, 'P1')).map((event) => event.id)).toEqual(events.map((event) => event.id));
    } finally {
      await again.close();
    }
  });

  it('exports the same episodes and reviews tables for the year', async () => {
    await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2019 });
    const tables = await exportSsda903Tables(test.store, 2019);
    expect(tables.episodes).toBe(`${[EPISODES, ...episodeRows].join('\n')}\n`);
    expect(tables.reviews).toBe(files()[2].content.toString());
  });

  it('maps a refusal by the case decider back to the row, and appends nothing', async () => {
    // care started through the API before the import: the return's own care start is refused
    let state = foldCase([]);
    const context = { today: TODAY, config };
    const recorded = [];
    for (const command of [
      { type: 'registerChild', childId: 'P1', dateOfBirth: '2005-01-15', sex: 'male' },
      { type: 'startCare', childId: 'P1', startDate: '2019-04-01', legalStatus: 'V2', placementType: 'U4', placedOutsideLocalAuthority: false },
    ] as CaseCommand[]) {
      const decision = decideCase(command, state, context);
      if (!('events' in decision)) throw new Error(decision.violation.message);
      const event = { ...decision.events[0], id: randomUUID() };
      state = evolveCase(state, event);
      recorded.push({ id: event.id, type: event.type, schemaVersion: 1, data: event.data as unknown as Record<string, unknown>,
        metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'sw1', role: 'iro' as const } } });
    }
    await test.store.appendToStream('child-P1', recorded, 'no-stream');

    const report = await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2019 });
    expect(report.accepted).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({ file: 'episodes.csv', row: 2, column: 'DECOM', value: '10/04/2019', rule: 'already-in-care', childId: 'P1' }),
    ]);
    expect(await test.store.headPosition()).toBe(2);
  });
});
