import { Document, Sort } from '../read-store.port';
import { compareIds } from './compare-ids';
import { compareByStrings, holdsStrings, onTopLevelFields, SortKeys, sortKeysOf } from './string-sort-order';

/**
 * A list query's answer kept between queries: the documents matching one filter, in one
 * sort order (ties in id order), as of a version of the collection. Asked again after
 * writes, it takes out the documents written since and puts back those that still
 * match, each at its place, instead of testing and sorting the whole collection: under a
 * constant stream of writes a page of a long list costs the writes since, not the list.
 *
 * It keeps the order only while every sort key holds a string in every member (MongoDB
 * orders mixed types by type first): a member without one makes it give up (`usable`
 * false), and the store sorts as mingo does.
 */
export class KeptQueryResult {
  private readonly members = new Map<string, Document>();
  private readonly ordered: Document[] = [];
  private readonly keys: SortKeys;
  private readonly compareByKeys: (a: Document, b: Document) => number;
  private plainStrings: boolean;

  constructor(
    sort: Sort | undefined,
    /** the collection's version the result is as of */
    public version: number,
    documentsInIdOrder: readonly Document[],
  ) {
    this.keys = sortKeysOf(sort);
    this.compareByKeys = compareByStrings(this.keys);
    this.plainStrings = onTopLevelFields(this.keys);
    if (!this.plainStrings) return;
    for (const document of documentsInIdOrder) {
      if (!this.ordersByString(document)) return;
      this.members.set(document._id, document);
      this.ordered.push(document);
    }
    // a stable sort of documents in id order leaves ties in id order
    if (this.keys.length > 0) this.ordered.sort(this.compareByKeys);
  }

  get usable(): boolean {
    return this.plainStrings;
  }

  documents(): readonly Document[] {
    return this.ordered;
  }

  /** The document with this id was written (`current`: as it is now and matching, else undefined). */
  replace(id: string, current: Document | undefined): void {
    const previous = this.members.get(id);
    if (previous) {
      this.ordered.splice(this.placeOf(previous), 1);
      this.members.delete(id);
    }
    if (!current) return;
    if (!this.ordersByString(current)) return;
    this.ordered.splice(this.placeOf(current), 0, current);
    this.members.set(id, current);
  }

  /** whether the document holds a string at every sort key; the first that does not makes the result unusable */
  private ordersByString(document: Document): boolean {
    if (holdsStrings(this.keys, document)) return true;
    this.plainStrings = false;
    return false;
  }

  /** where `document` is, or goes, in the order: by the sort keys, then by id */
  private placeOf(document: Document): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.ordered[middle];
      const order = this.compareByKeys(other, document) || compareIds(other._id, document._id);
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
