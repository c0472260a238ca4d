import { Document, Sort } from '../read-store.port';
import { compareIds } from './compare-ids';
import { KeptQueryResult } from './kept-query-result';

/** A stored document: its JSON as written, parsed (and frozen) the first time a query reads it. */
interface CachedDocument {
  body: string;
  document?: Document;
  /** whether it matches each filter asked so far (by the filter's number), forgotten with the document when written */
  matches?: Map<number, boolean>;
  /** the numbering of filters `matches` was kept under */
  matchesNumbering?: number;
}

/** A query's filter as the cache sees it: `key` null when the answer must not be remembered. */
export interface CachedFilter {
  key: string | null;
  test(document: Document): boolean;
}

/** Past this many filters remembered for a document, it starts again (cursors make filters without end). */
const FILTERS_REMEMBERED_PER_DOCUMENT = 128;
/** Writes remembered per collection for the kept answers to catch up with; past them, an answer is made again. */
const CHANGES_LOGGED = 4096;
/** List queries' answers kept per collection. */
const RESULTS_KEPT = 32;
/** Past this many filters numbered, the numbering starts again and every document's answers are forgotten. */
const FILTERS_NUMBERED = 4096;

/**
 * One collection in memory, in id order (the order of the table's primary key). A write
 * replaces a document's entry in place; a new id is inserted at its place, so a query
 * under a constant stream of writes never sorts the collection again.
 */
class CachedCollection {
  private readonly ordered: CachedDocument[];
  private readonly ids: string[];
  /** one more for every document written or removed */
  version = 0;
  /** the ids written since version `loggedFrom`, one per version */
  private changeLog: string[] = [];
  private loggedFrom = 0;
  /** list queries' answers kept between queries, least recently asked first */
  readonly keptResults = new Map<string, KeptQueryResult>();

  constructor(
    /** PRAGMA data_version when loaded: another connection's commit changes it */
    readonly dataVersion: number,
    rows: { id: string; body: string }[],
  ) {
    this.ordered = rows.map((row) => ({ body: row.body }));
    this.ids = rows.map((row) => row.id);
  }

  entries(): readonly CachedDocument[] {
    return this.ordered;
  }

  bodyOf(id: string): string | undefined {
    const at = this.indexOf(id);
    return at < this.ids.length && this.ids[at] === id ? this.ordered[at].body : undefined;
  }

  entryOf(id: string): CachedDocument | undefined {
    const at = this.indexOf(id);
    return at < this.ids.length && this.ids[at] === id ? this.ordered[at] : undefined;
  }

  /** the ids written or removed since `version` (repeats included), or null when no longer known */
  changedSince(version: number): readonly string[] | null {
    if (version < this.loggedFrom) return null;
    return this.changeLog.slice(version - this.loggedFrom);
  }

  private changed(id: string): void {
    this.version += 1;
    if (this.changeLog.length >= CHANGES_LOGGED) {
      this.changeLog = [];
      this.loggedFrom = this.version - 1;
    }
    this.changeLog.push(id);
  }

  put(id: string, body: string): void {
    this.changed(id);
    const at = this.indexOf(id);
    if (at < this.ids.length && this.ids[at] === id) {
      this.ordered[at] = { body };
      return;
    }
    this.ids.splice(at, 0, id);
    this.ordered.splice(at, 0, { body });
  }

  remove(id: string): void {
    const at = this.indexOf(id);
    if (at >= this.ids.length || this.ids[at] !== id) return;
    this.changed(id);
    this.ids.splice(at, 1);
    this.ordered.splice(at, 1);
  }

  /** where `id` is, or would be inserted, in id order */
  private indexOf(id: string): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareIds(this.ids[middle], id) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * The embedded read store's collections in memory, for queries. Writes committed through
 * the store's own connection are applied here as they commit (the in-process projector
 * writes constantly, and reloading a collection per write would cost a full parse per
 * query); a commit by another connection shows as a new `PRAGMA data_version`, and each
 * collection loaded before it is loaded again on its next query.
 *
 * Documents handed out are shared between queries and deeply frozen: callers that need
 * their own copy parse the body again (`bodyOf`).
 */
export class DocumentCache {
  private readonly collections = new Map<string, CachedCollection>();
  /** filters by number: a document's answers are looked up by a small integer, not by the filter's JSON */
  private readonly filterNumbers = new Map<string, number>();
  private numbering = 0;

  /** The collection's documents in id order, loading them (with `load`, in id order) when not cached or stale. */
  documents(collection: string, dataVersion: number, load: () => { id: string; body: string }[]): Document[] {
    return this.loaded(collection, dataVersion, load).entries().map(parsed);
  }

  /**
   * The documents matching, in id order. Whether a document matches a filter with a key
   * is remembered until the document is written: under a constant stream of writes, a
   * list query asked again tests only the documents written since.
   */
  matching(collection: string, dataVersion: number, load: () => { id: string; body: string }[], filter: CachedFilter): Document[] {
    const { key, test } = filter;
    const matched: Document[] = [];
    const entries = this.loaded(collection, dataVersion, load).entries();
    if (key === null) {
      for (const entry of entries) {
        const document = parsed(entry);
        if (test(document)) matched.push(document);
      }
      return matched;
    }
    const number = this.numberOf(key);
    for (const entry of entries) {
      if (this.matches(entry, number, test)) matched.push(parsed(entry));
    }
    return matched;
  }

  /**
   * The documents matching, in `sort` order (ties in id order; id order without a sort),
   * kept from the last time the same filter and sort were asked and brought up to date
   * with the writes since. Null when the answer cannot be kept (a filter without a key, a
   * sort key not holding a string in every match): the caller sorts the matches itself.
   * The array is the cache's own: callers copy what they hand on.
   */
  sortedMatching(
    collection: string,
    dataVersion: number,
    load: () => { id: string; body: string }[],
    filter: CachedFilter,
    sort: Sort | undefined,
  ): readonly Document[] | null {
    const { key, test } = filter;
    if (key === null) return null;
    const cached = this.loaded(collection, dataVersion, load);
    const resultKey = `${key}\u0000${JSON.stringify(sort ?? {})}`;
    let kept = cached.keptResults.get(resultKey);
    if (kept) {
      cached.keptResults.delete(resultKey);
      if (!kept.usable) {
        cached.keptResults.set(resultKey, kept);
        return null;
      }
      const changed = cached.changedSince(kept.version);
      if (changed === null) kept = undefined;
      else if (changed.length > 0) {
        const number = this.numberOf(key);
        for (const id of new Set(changed)) {
          const entry = cached.entryOf(id);
          kept.replace(id, entry && this.matches(entry, number, test) ? parsed(entry) : undefined);
        }
        kept.version = cached.version;
      }
    }
    kept ??= new KeptQueryResult(sort, cached.version, this.matching(collection, dataVersion, load, filter));
    if (cached.keptResults.size >= RESULTS_KEPT) cached.keptResults.delete(cached.keptResults.keys().next().value as string);
    cached.keptResults.set(resultKey, kept);
    return kept.usable ? kept.documents() : null;
  }

  /** whether the entry matches the filter numbered `number`, remembered until the document is written */
  private matches(entry: CachedDocument, number: number, test: (document: Document) => boolean): boolean {
    if (entry.matchesNumbering !== this.numbering) {
      entry.matches = undefined;
      entry.matchesNumbering = this.numbering;
    }
    let matches = entry.matches?.get(number);
    if (matches === undefined) {
      matches = test(parsed(entry));
      entry.matches ??= new Map();
      if (entry.matches.size >= FILTERS_REMEMBERED_PER_DOCUMENT) entry.matches.clear();
      entry.matches.set(number, matches);
    }
    return matches;
  }

  private numberOf(key: string): number {
    let number = this.filterNumbers.get(key);
    if (number === undefined) {
      if (this.filterNumbers.size >= FILTERS_NUMBERED) {
        this.filterNumbers.clear();
        this.numbering += 1;
      }
      number = this.filterNumbers.size;
      this.filterNumbers.set(key, number);
    }
    return number;
  }

  private loaded(collection: string, dataVersion: number, load: () => { id: string; body: string }[]): CachedCollection {
    let cached = this.collections.get(collection);
    if (!cached || cached.dataVersion !== dataVersion) {
      cached = new CachedCollection(dataVersion, load());
      this.collections.set(collection, cached);
    }
    return cached;
  }

  /** the JSON of a cached document (for a private copy) */
  bodyOf(collection: string, id: string): string | undefined {
    return this.collections.get(collection)?.bodyOf(id);
  }

  /** A document written through this connection has committed. Collections not loaded stay unloaded. */
  put(collection: string, id: string, body: string): void {
    this.collections.get(collection)?.put(id, body);
  }

  remove(collection: string, id: string): void {
    this.collections.get(collection)?.remove(id);
  }

  /** The collection changed wholesale (dropped, swapped) or in a way not applied here: load it again when next read. */
  forget(collection: string): void {
    this.collections.delete(collection);
  }
}

/**
 * The key a filter's answers are remembered by: its JSON, when it is plain JSON (a RegExp
 * or a Date would not show in it) and its answer depends on nothing but the document
 * (not `$where`, `$expr` or `$function`, which may read variables such as $$NOW).
 */
export function filterKey(filter: unknown): string | null {
  if (!isPlainJson(filter)) return null;
  const key = JSON.stringify(filter);
  return /"\$(where|expr|function)"/.test(key) ? null : key;
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value as Record<string, unknown>).every(isPlainJson);
}

function parsed(entry: CachedDocument): Document {
  return (entry.document ??= deepFreeze(JSON.parse(entry.body) as Document));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
