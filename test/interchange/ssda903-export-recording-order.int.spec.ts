import { CalendarDate } from '../../src/calendar/calendar-date';
import { CaseCommand } from '../../src/case/case-commands';
import { decideCase } from '../../src/case/decide-case';
import { foldCase } from '../../src/case/evolve-case';
import { isViolation } from '../../src/decision/decision';
import { LegalStatus, PlacementType } from '../../src/events/codes';
import { CURRENT_SCHEMA_VERSION } from '../../src/events/schema-versions';
import { childStream } from '../../src/events/streams';
import { exportSsda903Tables } from '../../libs/interchange/ssda903/export-ssda903-tables';
import { importSsda903Return } from '../../libs/interchange/ssda903/import-ssda903-return';
import { config, csvFile, EPISODES, HEADER, REVIEWS, streamOf, temporaryStore, TestStore } from './import-test-store';

const context = { today: '2026-06-01', config };
const CHILD = 'Q3';

/** A case command for Q3 unless it names another child. */
type Recorded = CaseCommand extends infer C ? (C extends CaseCommand ? Omit<C, 'childId'> & { childId?: string } : never) : never;
const startCare: Recorded = { type: 'startCare', startDate: '2025-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false };
const endCare = (endDate: CalendarDate): Recorded => ({ type: 'endCare', endDate, reasonCeased: 'E8' });
const changePlacement = (effectiveDate: CalendarDate, placementType: PlacementType = 'U5'): Recorded =>
  ({ type: 'changePlacement', effectiveDate, placementType, placedOutsideLocalAuthority: false });
const changeLegalStatus = (effectiveDate: CalendarDate, legalStatus: LegalStatus = 'C1'): Recorded => ({ type: 'changeLegalStatus', effectiveDate, legalStatus });
const holdReview = (heldOn: CalendarDate): Recorded =>
  ({ type: 'holdReview', reviewId: `review-${heldOn}`, heldOn, chairIroId: 'iro-1', participation: 'PN1', iroVisitedBeforeReview: true });
const voidRecord = (eventId: string): Recorded => ({ type: 'voidRecord', eventId, reason: 'entered in error', voidedOn: '2026-01-05' });

/** An episode row as DECOM RNE LS PLACE DEC REC (the child's id first when it is not Q3). */
const episodesOf = (csv: string): string[] =>
  csv.split('\n').slice(1).filter((line) => line !== '')
    .map((line) => line.split(','))
    .map(([child, decom, rne, ls, , place, , dec, rec]) => [child === CHILD ? '' : child, decom, rne, ls, place, dec, rec].join(' ').trim());

describe('the SSDA903 export builds episodes in date order, whatever order the records were appended in', () => {
  let test: TestStore;
  /** the ids of the records, in the order recorded */
  let ids: string[];

  /** Each command decided on the stream as it stands, as the API does, and its events appended. */
  const record = async (...commands: Recorded[]): Promise<void> => {
    for (const recorded of commands) {
      const command = { childId: CHILD, ...recorded } as CaseCommand;
      const decision = decideCase(command, foldCase(await streamOf(test.store, command.childId)), context);
      if (isViolation(decision)) throw new Error(`${command.type} refused: ${decision.violation.message}`);
      const events = decision.events.map((event) => {
        const id = `${command.childId}-${ids.length}`;
        ids.push(id);
        return {
          id, type: event.type, schemaVersion: CURRENT_SCHEMA_VERSION[event.type], data: event.data as unknown as Record<string, unknown>,
          metadata: { correlationId: id, causationId: id, actor: { userId: 'admin-1', role: 'admin' as const } },
        };
      });
      await test.store.appendToStream(childStream(command.childId), events, 'any');
    }
  };
  const lastRecorded = (): string => ids[ids.length - 1];
  const exported = async (year: number) => {
    const tables = await exportSsda903Tables(test.store, year);
    return { episodes: episodesOf(tables.episodes), reviews: tables.reviews.split('\n').slice(1).filter((line) => line !== '') };
  };

  beforeEach(async () => {
    test = temporaryStore();
    ids = [];
    await record({ type: 'registerChild', dateOfBirth: '2012-05-05', sex: 'female' }, startCare);
  });
  afterEach(() => test.close());

  it('a placement change recorded after the care ending, dated inside the period, ends the period in the new placement', async () => {
    await record(endCare('2025-10-31'), changePlacement('2025-09-01'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/09/2025 X1',
      '01/09/2025 P C2 U5 31/10/2025 E8',
    ]);
    expect((await exported(2026)).episodes).toEqual([]);
  });

  it('exports the same rows as when the same records are appended in date order', async () => {
    await record(changePlacement('2025-09-01'), endCare('2025-10-31'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/09/2025 X1',
      '01/09/2025 P C2 U5 31/10/2025 E8',
    ]);
  });

  it('a legal status change recorded after the care ending ends the period with the new legal status', async () => {
    await record(endCare('2025-10-31'), changeLegalStatus('2025-07-01'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/07/2025 X1',
      '01/07/2025 L C1 U4 31/10/2025 E8',
    ]);
  });

  it('changes recorded after an ending on 31 March close the year (none open in the next year)', async () => {
    await record(endCare('2026-03-31'), changeLegalStatus('2025-12-01'), changePlacement('2025-06-01'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/06/2025 X1',
      '01/06/2025 P C2 U5 01/12/2025 X1',
      '01/12/2025 L C1 U5 31/03/2026 E8',
    ]);
    expect((await exported(2026)).episodes).toEqual([]);
  });

  it('a change recorded into an earlier period, after the next has started, ends the earlier period (the later stays open)', async () => {
    await record(endCare('2025-06-30'), { ...startCare, startDate: '2025-09-01' }, changePlacement('2025-05-01'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/05/2025 X1',
      '01/05/2025 P C2 U5 30/06/2025 E8',
      '01/09/2025 S C2 U4',
    ]);
  });

  it('a review recorded after the care ending is in the reviews table, and the period stays ended', async () => {
    await record(endCare('2025-10-31'), holdReview('2025-06-10'));
    const { episodes, reviews } = await exported(2025);
    expect(episodes).toEqual(['06/01/2025 S C2 U4 31/10/2025 E8']);
    expect(reviews).toEqual(['Q3,05/05/2012,10/06/2025,PN1']);
  });

  it('the late placement change voided: the period ends in the placement it started with', async () => {
    await record(endCare('2025-10-31'), changePlacement('2025-09-01'));
    await record(voidRecord(lastRecorded()));
    expect((await exported(2025)).episodes).toEqual(['06/01/2025 S C2 U4 31/10/2025 E8']);
  });

  it('the late placement change voided and recorded anew on another date: the period ends in the placement entered anew', async () => {
    await record(endCare('2025-10-31'), changePlacement('2025-09-01'));
    await record(voidRecord(lastRecorded()), changePlacement('2025-08-01'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/08/2025 X1',
      '01/08/2025 P C2 U5 31/10/2025 E8',
    ]);
  });

  it('the care ending voided after a late change: the last episode is open, in this year and the next', async () => {
    await record(endCare('2025-10-31'));
    const ending = lastRecorded();
    await record(changePlacement('2025-09-01'), voidRecord(ending));
    expect((await exported(2025)).episodes).toEqual(['06/01/2025 S C2 U4 01/09/2025 X1', '01/09/2025 P C2 U5']);
    expect((await exported(2026)).episodes).toEqual(['01/09/2025 P C2 U5']);
  });

  it('the care ending voided and recorded anew, later, after a late change: the last episode ends on the new date', async () => {
    await record(endCare('2025-10-31'));
    const ending = lastRecorded();
    await record(changePlacement('2025-09-01'), voidRecord(ending), changePlacement('2025-11-15', 'U6'), endCare('2025-12-31'));
    expect((await exported(2025)).episodes).toEqual([
      '06/01/2025 S C2 U4 01/09/2025 X1',
      '01/09/2025 P C2 U5 15/11/2025 X1',
      '15/11/2025 P C2 U6 31/12/2025 E8',
    ]);
  });

  it('a placement change recorded through the API into the ended last episode of an imported return ends the period in it', async () => {
    const imported = [
      csvFile('header.csv', [HEADER, 'R1,F,05/05/2012,WBRI,,,']),
      csvFile('episodes.csv', [EPISODES, 'R1,06/01/2025,S,C2,N1,U4,PR1,31/10/2025,E8,,TS1 1AA,TS2 2BB,1111111']),
      csvFile('reviews.csv', [REVIEWS]),
    ];
    const report = await importSsda903Return(imported, { store: test.store, config, today: context.today, year: 2025 });
    expect(report.issues).toEqual([]);
    await record({ ...changePlacement('2025-09-01'), childId: 'R1' });
    expect((await exported(2025)).episodes.filter((row) => row.startsWith('R1 '))).toEqual([
      'R1 06/01/2025 S C2 U4 01/09/2025 X1',
      'R1 01/09/2025 P C2 U5 31/10/2025 E8',
    ]);
  });
});
