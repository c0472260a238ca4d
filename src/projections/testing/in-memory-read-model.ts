import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../config/local-authority-config';
import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionDocument, ProjectionDocuments } from '../projection';

/**
 * A projection's collections in memory, for specs: documents go through JSON on the
 * way in and out, as they do in a real read store, so a projection that keeps a
 * reference to a document it wrote, or writes `undefined`, shows up here.
 */
export class InMemoryReadModel implements ProjectionDocuments {
  private readonly collections = new Map<string, Map<string, string>>();

  get<T extends ProjectionDocument = ProjectionDocument>(collection: string, id: string): T | undefined {
    const json = this.collections.get(collection)?.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  put(collection: string, document: ProjectionDocument): void {
    let documents = this.collections.get(collection);
    if (!documents) this.collections.set(collection, (documents = new Map()));
    documents.set(document._id, JSON.stringify(document));
  }

  remove(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  /** every document of a collection, in `_id` order */
  all<T = ProjectionDocument>(collection: string): T[] {
    const documents = this.collections.get(collection) ?? new Map<string, string>();
    return [...documents.keys()].sort().map((id) => JSON.parse(documents.get(id)!) as T);
  }
}

/** Folds the events through the projection, in order, into a fresh read model. */
export function project(
  projection: Projection,
  events: readonly StoredOversightEvent[],
  config: LocalAuthorityConfig = DEFAULT_LOCAL_AUTHORITY_CONFIG,
  into: InMemoryReadModel = new InMemoryReadModel(),
): InMemoryReadModel {
  for (const event of events) projection.apply(event, into, { config });
  return into;
}

/**
 * Folds the events through the projection's replay (ProjectionReplay: apply, then complete
 * each document once, collections in the declared order), as a rebuild does, into a fresh
 * read model. Without a replay, the same as project().
 */
export function replay(
  projection: Projection,
  events: readonly StoredOversightEvent[],
  config: LocalAuthorityConfig = DEFAULT_LOCAL_AUTHORITY_CONFIG,
): InMemoryReadModel {
  if (!projection.replay) return project(projection, events, config);
  // a replay changes documents in place: held as objects here, written as JSON at the end
  const collections = new Map<string, Map<string, ProjectionDocument>>(projection.collections.map((name) => [name, new Map()]));
  const of = (collection: string) => {
    const documents = collections.get(collection);
    if (!documents) throw new Error(`${projection.name} used collection ${collection}, which it does not declare`);
    return documents;
  };
  const documents: ProjectionDocuments = {
    get: <T extends ProjectionDocument>(collection: string, id: string) => of(collection).get(id) as T | undefined,
    put: (collection, document) => void of(collection).set(document._id, document),
    remove: (collection, id) => void of(collection).delete(id),
  };
  for (const event of events) projection.replay.apply(event, documents, { config });
  const into = new InMemoryReadModel();
  for (const collection of projection.collections) {
    for (const [id, document] of of(collection)) {
      const completed = projection.replay.complete(collection, document, documents, { config });
      if (completed === undefined) of(collection).delete(id);
      else of(collection).set(id, completed);
    }
    for (const document of of(collection).values()) into.put(collection, document);
  }
  return into;
}

const CHILD_STREAM = 'child-';

/**
 * As replay(), in the order a childwise rebuild folds (libs/projector/childwise-rebuild.ts):
 * first every event of the streams that are not a child's, in the order recorded, then
 * each child's stream in turn (in stream order), completing that child's documents as
 * soon as its stream is done (and those of children no stream of theirs reaches, after
 * the last), then the other documents, reading the children's only as completed. It holds
 * the projection to ProjectionReplay.childCollections: a child's events change only that
 * child's documents, and `complete` of a child's document reads no other document. A
 * completed document must be plain JSON (nothing the fold kept for itself left on it).
 */
export function replayChildwise(
  projection: Projection,
  events: readonly StoredOversightEvent[],
  config: LocalAuthorityConfig = DEFAULT_LOCAL_AUTHORITY_CONFIG,
): InMemoryReadModel {
  const fold = projection.replay;
  if (!fold?.childCollections) throw new Error(`${projection.name} names no child collections`);
  const childCollections = new Set(fold.childCollections);
  const collections = new Map<string, Map<string, ProjectionDocument>>(projection.collections.map((name) => [name, new Map()]));
  const of = (collection: string) => {
    const documents = collections.get(collection);
    if (!documents) throw new Error(`${projection.name} used collection ${collection}, which it does not declare`);
    return documents;
  };
  let folding: string | undefined;
  const checked = (collection: string, id: string) => {
    if (folding !== undefined && !(childCollections.has(collection) && id === folding)) {
      throw new Error(`${projection.name} changed ${collection} ${id} while folding child ${folding}'s records`);
    }
  };
  const documents: ProjectionDocuments = {
    get: <T extends ProjectionDocument>(collection: string, id: string) => of(collection).get(id) as T | undefined,
    put: (collection, document) => {
      checked(collection, document._id);
      of(collection).set(document._id, document);
    },
    remove: (collection, id) => {
      checked(collection, id);
      of(collection).delete(id);
    },
  };
  const into = new InMemoryReadModel();
  const plainJson = (collection: string, document: ProjectionDocument): ProjectionDocument => {
    const keys = Reflect.ownKeys(document);
    const json = Object.keys(JSON.parse(JSON.stringify(document)) as object);
    if (keys.length !== json.length) throw new Error(`${projection.name} completed ${collection} ${document._id} with more than JSON: ${keys.map((key) => String(key)).join(', ')}`);
    return document;
  };
  const readsNothing = {
    get: (collection: string, id: string): never => {
      throw new Error(`${projection.name} read ${collection} ${id} while completing a child's document`);
    },
  };
  const completeChild = (child: string) => {
    for (const collection of childCollections) {
      const document = of(collection).get(child);
      if (!document) continue;
      of(collection).delete(child);
      const completed = fold.complete(collection, document, readsNothing, { config });
      if (completed !== undefined) into.put(collection, plainJson(collection, completed));
    }
  };
  for (const event of events) if (!event.stream.startsWith(CHILD_STREAM)) fold.apply(event, documents, { config });
  const childStreams = [...new Set(events.map((event) => event.stream).filter((stream) => stream.startsWith(CHILD_STREAM)))].sort();
  for (const stream of childStreams) {
    folding = stream.slice(CHILD_STREAM.length);
    for (const event of events) if (event.stream === stream) fold.apply(event, documents, { config });
    completeChild(folding);
    folding = undefined;
  }
  for (const collection of childCollections) for (const child of [...of(collection).keys()]) completeChild(child);
  const view = {
    get: <T extends ProjectionDocument>(collection: string, id: string) =>
      (childCollections.has(collection) ? into.get(collection, id) : of(collection).get(id)) as T | undefined,
  };
  for (const collection of projection.collections) {
    if (childCollections.has(collection)) continue;
    for (const document of of(collection).values()) {
      const completed = fold.complete(collection, document, view, { config });
      if (completed !== undefined) into.put(collection, plainJson(collection, completed));
    }
  }
  return into;
}
