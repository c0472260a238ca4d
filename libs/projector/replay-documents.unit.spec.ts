import { Projection } from '../../src/projections/projection';
import { ReplayDocuments } from './replay-documents';

const projection: Projection = {
  name: 'sample-childwise',
  collections: ['by-child', 'by-challenge'],
  apply: () => undefined,
  replay: { apply: () => undefined, complete: (_collection, document) => document, childCollections: ['by-child'] },
};

describe('ReplayDocuments', () => {
  it('keeps documents by collection, and hands a child document over once', () => {
    const documents = new ReplayDocuments(projection);
    documents.put('by-child', { _id: 'C1', records: 1 });
    documents.put('by-challenge', { _id: 'CH1', childIds: ['C1'] });
    expect([...documents.ids('by-child')]).toEqual(['C1']);
    expect(documents.take('by-child', 'C1')).toEqual({ _id: 'C1', records: 1 });
    expect(documents.take('by-child', 'C1')).toBeUndefined();
    expect(documents.get('by-challenge', 'CH1')).toEqual({ _id: 'CH1', childIds: ['C1'] });
  });

  it('while a child is folded, lets that child\u2019s documents change and nothing else', () => {
    const documents = new ReplayDocuments(projection);
    documents.folding('C1');
    documents.put('by-child', { _id: 'C1' });
    documents.remove('by-child', 'C1');
    expect(() => documents.put('by-child', { _id: 'C2' })).toThrow(
      "sample-childwise changed by-child C2 while folding child C1's records, against its replay.childCollections",
    );
    expect(() => documents.put('by-challenge', { _id: 'CH1' })).toThrow(/changed by-challenge CH1 while folding child C1's records/);
    expect(() => documents.remove('by-challenge', 'CH1')).toThrow(/changed by-challenge CH1/);
    documents.folding(undefined);
    documents.put('by-child', { _id: 'C2' });
    documents.put('by-challenge', { _id: 'CH1' });
    expect([...documents.ids('by-challenge')]).toEqual(['CH1']);
  });

  it('refuses a collection the projection does not declare, and a document without an id', () => {
    const documents = new ReplayDocuments(projection);
    expect(() => documents.put('elsewhere', { _id: 'x' })).toThrow('sample-childwise used collection elsewhere, which it does not declare in its collections');
    expect(() => documents.put('by-child', { _id: '' })).toThrow('sample-childwise put a document without a string _id into by-child');
  });
});
