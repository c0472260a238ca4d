import { Document } from '../read-store.port';

/** A stored document: its JSON as written, parsed (and frozen) the first time a query reads it. */
interface CachedDocument {
  body: string;
  document?: Document;
  /** whether it matches each filter asked so far (by filterKey), forgotten with the document when written */
  matches?: Map<string, boolean>;
}

/** A query's filter as the cache sees it: `key` null when the answer must not be remembered. */
export interface CachedFilter {
  key: string | null;
  test(document: Document): boolean;
}

/** Past this many filters remembered for a document, it starts again (cursors make filters without end). */
const FILTERS_REMEMBERED_PER_DOCUMENT = 128;

/**
 * One collection in memory, in id order (the order of the table's primary key). A write
 * replaces a document's entry in place; a new id is inserted at its place, so a query
 * under a constant stream of writes never sorts the collection again.
 */
class CachedCollection {
  private readonly ordered: CachedDocument[];
  private readonly ids: string[];

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

  put(id: string, body: string): void {
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
    for (const entry of this.loaded(collection, dataVersion, load).entries()) {
      const document = parsed(entry);
      if (key === null) {
        if (test(document)) matched.push(document);
        continue;
      }
      let matches = entry.matches?.get(key);
      if (matches === undefined) {
        matches = test(document);
        entry.matches ??= new Map();
        if (entry.matches.size >= FILTERS_REMEMBERED_PER_DOCUMENT) entry.matches.clear();
        entry.matches.set(key, matches);
      }
      if (matches) matched.push(document);
    }
    return matched;
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

/** SQLite's order for TEXT keys: UTF-8 bytes, which is code point order (UTF-16 code units differ only past the surrogates). */
function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
    return x - y;
  }
  return a.length - b.length;
}
