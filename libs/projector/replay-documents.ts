import { Projection, ProjectionDocument, ProjectionDocuments } from '../../src/projections/projection';

/**
 * One projection's documents during a childwise rebuild's fold, in memory. While a
 * child's stream is folded it holds the projection to its promise (see
 * ProjectionReplay.childCollections): that child's documents may be changed then, and no
 * other document.
 */
export class ReplayDocuments implements ProjectionDocuments {
  private readonly collections = new Map<string, Map<string, ProjectionDocument>>();
  private readonly childCollections: ReadonlySet<string>;
  /** the child whose stream is being folded, if one is */
  private child?: string;

  constructor(readonly projection: Projection) {
    for (const collection of projection.collections) this.collections.set(collection, new Map());
    this.childCollections = new Set(projection.replay?.childCollections ?? []);
  }

  get<T extends ProjectionDocument = ProjectionDocument>(collection: string, id: string): T | undefined {
    return this.collection(collection).get(id) as T | undefined;
  }

  put(collection: string, document: ProjectionDocument): void {
    if (typeof document._id !== 'string' || document._id === '') {
      throw new Error(`${this.projection.name} put a document without a string _id into ${collection}`);
    }
    this.checkChild(collection, document._id);
    this.collection(collection).set(document._id, document);
  }

  remove(collection: string, id: string): void {
    this.checkChild(collection, id);
    this.collection(collection).delete(id);
  }

  /** From now on, the events folded are this child's (undefined: of streams that are not a child's). */
  folding(child: string | undefined): void {
    this.child = child;
  }

  /** Takes the child's document out of the collection (the fold is done with it). */
  take(collection: string, id: string): ProjectionDocument | undefined {
    const documents = this.collection(collection);
    const document = documents.get(id);
    documents.delete(id);
    return document;
  }

  /** the ids of the documents in the collection */
  ids(collection: string): IterableIterator<string> {
    return this.collection(collection).keys();
  }

  private checkChild(collection: string, id: string): void {
    if (this.child === undefined || (this.childCollections.has(collection) && id === this.child)) return;
    throw new Error(
      `${this.projection.name} changed ${collection} ${id} while folding child ${this.child}'s records, against its ` +
        'replay.childCollections (a child\u2019s records change only that child\u2019s documents)',
    );
  }

  private collection(collection: string): Map<string, ProjectionDocument> {
    const documents = this.collections.get(collection);
    if (!documents) throw new Error(`${this.projection.name} used collection ${collection}, which it does not declare in its collections`);
    return documents;
  }
}
