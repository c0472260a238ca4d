import { Query } from 'mingo';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../config/local-authority-config';
import { OversightDocument } from '../drift-and-delay/oversight-document';
import { oversightDocuments } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';
import { caseloadsAt, caseloadsFilter } from './caseloads';

function history(): OversightHistory {
  const given = new OversightHistory();
  given.careStarted('A', '2019-05-01');
  given.iroAllocated('A', '2019-05-01', 'iro-1');
  given.careStarted('C', '2019-05-01');
  given.initialConference('C', '2019-06-03');
  given.iroAllocated('C', '2019-05-01', 'iro-1');
  given.careStarted('G', '2019-01-07');
  given.iroAllocated('G', '2019-01-07', 'iro-1');
  given.iroAllocated('G', '2020-04-01', 'iro-3');
  given.initialConference('B', '2019-09-02');
  given.iroAllocated('B', '2019-09-02', 'iro-2');
  given.careStarted('D', '2019-05-01');
  given.iroAllocated('D', '2019-05-01', 'iro-2');
  given.careEnded('D', '2020-03-31');
  given.careStarted('E', '2019-05-01', { legalStatus: 'V3' });
  given.iroAllocated('E', '2019-05-01', 'iro-2');
  given.careStarted('F', '2019-05-01');
  return given;
}

/** The documents the read store finds with the caseloads filter (mingo evaluates it as the embedded store does). */
const inCaseloads = (documents: OversightDocument[], asAt: string) =>
  new Query(caseloadsFilter(asAt)).find(documents).all() as OversightDocument[];

describe('IRO caseloads', () => {
  it("counts per IRO the children looked after and on a plan on the date, by the IRO of each child's latest allocation", () => {
    const documents = inCaseloads(oversightDocuments(history()), '2020-03-31');
    expect(documents.map((d) => d.childId).sort()).toEqual(['A', 'B', 'C', 'F', 'G']);

    const caseloads = caseloadsAt(documents, '2020-03-31', { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, localCaseloadTarget: 2 });

    expect(caseloads).toEqual({
      asAt: '2020-03-31',
      items: [
        { iroId: 'iro-1', lookedAfter: 3, protection: 1, total: 3 },
        { iroId: 'iro-2', lookedAfter: 0, protection: 1, total: 1 },
      ],
      mean: 2,
      aboveHandbookRange: 0,
      aboveLocalTarget: 1,
      handbookRange: { from: 50, to: 70 },
      localCaseloadTarget: 2,
      unallocated: { lookedAfter: 1, protection: 0, total: 1, childIds: ['F'] },
    });
  });

  it('moves a child to the IRO allocated from the date on', () => {
    const caseloads = caseloadsAt(oversightDocuments(history()), '2020-04-01', DEFAULT_LOCAL_AUTHORITY_CONFIG);
    expect(caseloads.items).toEqual([
      { iroId: 'iro-1', lookedAfter: 2, protection: 1, total: 2 },
      { iroId: 'iro-2', lookedAfter: 0, protection: 1, total: 1 },
      { iroId: 'iro-3', lookedAfter: 1, protection: 0, total: 1 },
    ]);
    expect(caseloads.mean).toBe(1.3);
  });

  it('counts the IROs above the IRO Handbook range of 70 and above the local target', () => {
    const given = history();
    for (let n = 1; n <= 72; n += 1) {
      given.careStarted(`big-${n}`, '2019-05-01');
      given.iroAllocated(`big-${n}`, '2019-05-01', 'iro-9');
    }
    const caseloads = caseloadsAt(oversightDocuments(given), '2020-03-31', DEFAULT_LOCAL_AUTHORITY_CONFIG);
    expect(caseloads.items.find((item) => item.iroId === 'iro-9')).toEqual({ iroId: 'iro-9', lookedAfter: 72, protection: 0, total: 72 });
    expect(caseloads.mean).toBe(25.3);
    expect(caseloads.aboveHandbookRange).toBe(1);
    expect(caseloads.aboveLocalTarget).toBe(0);
  });

  it('leaves out a child whose registration was voided and not entered again, and counts it again once re-registered', () => {
    const given = new OversightHistory();
    const registration = given.childRegistered('R');
    given.careStarted('R', '2019-05-01');
    given.iroAllocated('R', '2019-05-01', 'iro-1');
    given.voided(registration);
    expect(inCaseloads(oversightDocuments(given), '2020-03-31')).toEqual([]);
    given.childRegistered('R', '2010-02-01');
    expect(inCaseloads(oversightDocuments(given), '2020-03-31').map((d) => d.childId)).toEqual(['R']);
  });

  it('has no mean when no IRO has a caseload', () => {
    expect(caseloadsAt([], '2020-03-31', DEFAULT_LOCAL_AUTHORITY_CONFIG)).toMatchObject({ items: [], mean: null, aboveHandbookRange: 0 });
  });
});
