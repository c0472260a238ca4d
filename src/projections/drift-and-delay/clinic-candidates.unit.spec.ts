import { Query } from 'mingo';
import { oversightDocuments } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';
import { clinicCandidatesFilter, clinicCandidatesPage, ClinicCriteria, rankClinicCandidates } from './clinic-candidates';
import { OversightDocument } from './oversight-document';

/** Five children on 2 March 2020: A has three flags, C two, B and E one each, D none. */
function children(): OversightDocument[] {
  const given = new OversightHistory();
  given.careStarted('A', '2019-12-02');
  given.iroAllocated('A', '2019-12-02', 'iro-1');
  given.challengeRaised('ch-1', ['A'], '2020-01-06');
  given.initialConference('B', '2019-01-10');
  given.iroAllocated('B', '2019-01-10', 'iro-2');
  given.careStarted('C', '2019-10-01');
  given.iroAllocated('C', '2019-10-01', 'iro-1');
  given.reviewHeld('C', '2019-10-15', { iroVisitedBeforeReview: false });
  given.careStarted('D', '2019-12-02');
  given.iroAllocated('D', '2019-12-02', 'iro-2');
  given.reviewHeld('D', '2019-12-20');
  given.careStarted('E', '2019-12-02');
  given.iroAllocated('E', '2019-12-02', 'iro-2');
  return oversightDocuments(given);
}

/** What the API does: the read store's filter (mingo evaluates MongoDB syntax, as the embedded store does), then the ranking. */
function candidates(criteria: ClinicCriteria) {
  const found = new Query(clinicCandidatesFilter(criteria)).find(children()).all() as OversightDocument[];
  return rankClinicCandidates(found, criteria);
}

describe('challenge-clinic candidates', () => {
  const asAt = '2020-03-02';

  it('leaves out a child whose registration was voided and not entered again', () => {
    const given = new OversightHistory();
    const registration = given.childRegistered('R');
    given.careStarted('R', '2019-05-01');
    given.iroAllocated('R', '2019-05-01', 'iro-1');
    const documents = oversightDocuments(given);
    const criteria = { flags: [], asAt };
    const listed = (found: OversightDocument[]) =>
      rankClinicCandidates(new Query(clinicCandidatesFilter(criteria)).find(found).all() as OversightDocument[], criteria).map((c) => c.childId);
    expect(listed(documents)).toEqual(['R']);
    given.voided(registration);
    expect(listed(oversightDocuments(given))).toEqual([]);
  });

  it('ranks children with any flag by how many flags, then by the longest-standing flag', () => {
    const ranked = candidates({ flags: [], asAt });
    expect(ranked.map((c) => [c.childId, c.flags.length, c.iroId])).toEqual([
      ['A', 3, 'iro-1'],
      ['C', 2, 'iro-1'],
      ['B', 1, 'iro-2'],
      ['E', 1, 'iro-2'],
    ]);
    expect(ranked[0].flags).toEqual([
      { flag: 'review-overdue', since: '2020-01-03', reason: 'The looked-after review due by 2 January 2020 has not been held.' },
      { flag: 'challenge-overdue', since: '2020-01-14', reason: 'Challenge ch-1 at stage 1 had no answer by its deadline, 13 January 2020.' },
      { flag: 'challenge-over-20-working-days', since: '2020-02-04', reason: 'Challenge ch-1, raised on 6 January 2020, has been open more than 20 working days.' },
    ]);
    expect(rankClinicCandidates(children(), { flags: [], asAt })).toEqual(ranked);
  });

  it('answers the same for frozen documents (flags remembered per document) on each date asked, and for a changed record', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
      return Object.freeze(value);
    };
    const frozen = children().map(deepFreeze);
    for (const date of [asAt, '2019-12-20', asAt, '2020-06-01']) {
      expect(rankClinicCandidates(frozen, { flags: [], asAt: date })).toEqual(rankClinicCandidates(children(), { flags: [], asAt: date }));
    }
    const given = new OversightHistory();
    given.careStarted('A', '2019-12-02');
    given.iroAllocated('A', '2019-12-02', 'iro-1');
    given.reviewHeld('A', '2020-01-02');
    const written = frozen.map((document) => (document.childId === 'A' ? deepFreeze(oversightDocuments(given)[0]) : document));
    expect(rankClinicCandidates(written, { flags: [], asAt }).map((c) => c.childId)).toEqual(['C', 'B', 'E']);
  });

  it('keeps only the flags asked for, and ranks by them', () => {
    const ranked = candidates({ flags: ['review-overdue'], asAt });
    expect(ranked.map((c) => [c.childId, c.flags.map((f) => f.since)])).toEqual([
      ['A', ['2020-01-03']],
      ['E', ['2020-01-03']],
      ['C', ['2020-01-16']],
    ]);
  });

  it("narrows to one IRO's children from the filter without the IRO as from the filter with it", () => {
    for (const iroId of ['iro-1', 'iro-2', 'iro-3']) {
      const criteria = { flags: [], asAt, iroId };
      const everyIro = new Query(clinicCandidatesFilter({ ...criteria, iroId: undefined })).find(children()).all() as OversightDocument[];
      expect(rankClinicCandidates(everyIro, criteria)).toEqual(candidates(criteria));
    }
  });

  it("narrows to one IRO's children", () => {
    expect(candidates({ flags: [], iroId: 'iro-2', asAt }).map((c) => c.childId)).toEqual(['B', 'E']);
  });

  it("gives an IRO's own list by the children allocated to them now, with the flags of the date asked for", () => {
    const given = new OversightHistory();
    given.careStarted('F', '2019-12-02');
    given.iroAllocated('F', '2019-12-02', 'iro-1');
    given.iroAllocated('F', '2020-02-03', 'iro-2');
    const documents = [...children(), ...oversightDocuments(given)];
    const own = (iroId: string, asAtAsked: string) => {
      const criteria: ClinicCriteria = { flags: [], asAt: asAtAsked, allocatedNow: { iroId, today: asAt } };
      const found = new Query(clinicCandidatesFilter(criteria)).find(documents).all() as OversightDocument[];
      return rankClinicCandidates(found, criteria).map((c) => [c.childId, c.iroId]);
    };
    // on 10 January F was iro-1's, but it is iro-2's now: iro-2 sees it, with iro-1 as its IRO then; iro-1 does not
    expect(own('iro-1', '2020-01-10')).toEqual([['C', 'iro-1'], ['A', 'iro-1']]);
    expect(own('iro-2', '2020-01-10')).toEqual(expect.arrayContaining([['F', 'iro-1']]));
    expect(own('iro-2', '2020-01-10').map(([childId]) => childId)).not.toContain('A');
  });

  it('evaluates time-based flags on the date asked for', () => {
    expect(candidates({ flags: [], asAt: '2019-12-01' }).map((c) => c.childId)).toEqual(['B', 'C']);
  });

  it('pages from where the previous page ended', () => {
    const ranked = candidates({ flags: [], asAt });
    const first = clinicCandidatesPage(ranked, 2);
    if ('changed' in first) throw new Error('the first page cannot have changed');
    expect(first.items.map((c) => c.childId)).toEqual(['A', 'C']);
    expect(first.next).toEqual({ seen: 2, listed: expect.any(String) });
    const second = clinicCandidatesPage(ranked, 2, first.next!);
    expect(second).toEqual({ items: [expect.objectContaining({ childId: 'B' }), expect.objectContaining({ childId: 'E' })], next: null });
  });

  it('goes on when the children of the pages before are the same, in whatever order they rank now', () => {
    const ranked = candidates({ flags: [], asAt });
    const first = clinicCandidatesPage(ranked, 2);
    if ('changed' in first) throw new Error('the first page cannot have changed');
    const reordered = [ranked[1], ranked[0], ...ranked.slice(2)];
    expect(clinicCandidatesPage(reordered, 2, first.next!)).toMatchObject({ items: [{ childId: 'B' }, { childId: 'E' }] });
  });

  it('says the list changed, rather than skip or repeat a child, when a child moved across the pages already given', () => {
    const ranked = candidates({ flags: [], asAt });
    const first = clinicCandidatesPage(ranked, 2);
    if ('changed' in first) throw new Error('the first page cannot have changed');
    // B gained flags and now ranks above C: going on from the third place would skip B and give C again
    const moved = [ranked[0], ranked[2], ranked[1], ...ranked.slice(3)];
    expect(clinicCandidatesPage(moved, 2, first.next!)).toEqual({ changed: true });
  });
});
