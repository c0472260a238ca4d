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
