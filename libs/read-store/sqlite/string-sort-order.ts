import { Document, Sort } from '../read-store.port';

/**
 * A sort on top-level fields that hold a string in every document it orders: MongoDB's
 * order (and mingo's) is then plain string order, and a native comparison gives it.
 */
export type SortKeys = readonly (readonly [field: string, direction: 1 | -1])[];

export const sortKeysOf = (sort: Sort | undefined): SortKeys => Object.entries(sort ?? {});

export const onTopLevelFields = (keys: SortKeys): boolean => keys.every(([field]) => !field.includes('.'));

export const holdsStrings = (keys: SortKeys, document: Document): boolean => keys.every(([field]) => typeof document[field] === 'string');

/** the order of documents that hold strings at every key (see holdsStrings); 0 for ties */
export const compareByStrings =
  (keys: SortKeys) =>
  (a: Document, b: Document): number => {
    for (const [field, direction] of keys) {
      const x = a[field] as string;
      const y = b[field] as string;
      if (x !== y) return (x < y ? -1 : 1) * direction;
    }
    return 0;
  };
