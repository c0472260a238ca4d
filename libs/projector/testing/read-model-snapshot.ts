import { RecordedEvent } from '../../../src/events/envelope';
import { isOversightEventType, upcast } from '../../../src/events/schema-versions';
import { Projection, ProjectionContext, ProjectionDocument } from '../../../src/projections/projection';
import { ReadStore } from '../../read-store/read-store.port';

/** Every document of every collection of the projections, by collection, sorted by id. */
export type ReadModelSnapshot = Record<string, ProjectionDocument[]>;

/** What the read store holds for these projections. */
export async function snapshotOf(store: ReadStore, projections: readonly Projection[]): Promise<ReadModelSnapshot> {
  const snapshot: ReadModelSnapshot = {};
  for (const projection of projections) {
    for (const collection of projection.collections) {
      snapshot[collection] = await store.find(collection, {}, { sort: { _id: 1 } });
    }
  }
  return snapshot;
}

/**
 * The documents a plain fold of the events gives, straight through the projections
 * with a Map per collection (no projector, no store): the oracle the projector is checked against.
 */
export function foldedSnapshot(
  events: Iterable<RecordedEvent>,
  projections: readonly Projection[],
  context: ProjectionContext,
): ReadModelSnapshot {
  const collections = new Map<string, Map<string, ProjectionDocument>>();
  const collection = (name: string): Map<string, ProjectionDocument> => {
    let documents = collections.get(name);
    if (!documents) collections.set(name, (documents = new Map()));
    return documents;
  };
  const documents = {
    get: <T extends ProjectionDocument>(name: string, id: string) => collection(name).get(id) as T | undefined,
    put: (name: string, document: ProjectionDocument) => void collection(name).set(document._id, JSON.parse(JSON.stringify(document))),
    remove: (name: string, id: string) => void collection(name).delete(id),
  };
  for (const recorded of events) {
    if (!isOversightEventType(recorded.type)) continue;
    const event = upcast(recorded);
    for (const projection of projections) projection.apply(event, documents, context);
  }
  const snapshot: ReadModelSnapshot = {};
  for (const projection of projections) {
    for (const name of projection.collections) {
      snapshot[name] = [...collection(name).values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    }
  }
  return snapshot;
}
