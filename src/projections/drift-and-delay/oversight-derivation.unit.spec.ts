import fc from 'fast-check';
import { oversightDocuments } from '../testing/drift-documents';
import { anyOversightHistory } from '../testing/random-oversight-history';
import { withDerived } from './oversight-document';

/**
 * The projection re-derives only the part of a child's document a record touches. These
 * specs hold it to the definition: every document equals the one derived whole from its
 * facts and challenges, whatever mix and order of records (and voids) came before.
 */
describe('a child document re-derived part by part equals one derived whole', () => {
  it('for any mix of records and voids', () => {
    fc.assert(
      fc.property(anyOversightHistory, (given) => {
        for (const document of oversightDocuments(given)) {
          expect(document).toEqual(withDerived(document));
        }
      }),
      { numRuns: 150 },
    );
  });
});
