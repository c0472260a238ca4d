import { Inject, Injectable, Optional } from '@nestjs/common';
import { ReadModelFreshness } from '../../../libs/projector/read-model-freshness';
import { Document, Filter, FindOptions, READ_STORE, ReadStore } from '../../../libs/read-store/read-store.port';

/** A read store that can hand out its own (frozen) documents rather than copies, as the embedded one does. */
interface SharesDocuments {
  findShared<T extends Document>(collection: string, filter: Filter, options?: FindOptions): Promise<readonly T[]>;
}

const sharesDocuments = (store: ReadStore): store is ReadStore & SharesDocuments =>
  typeof (store as Partial<SharesDocuments>).findShared === 'function';

/**
 * The read models as the queries read them: when the projector runs in this process,
 * each read first waits for it to apply every event recorded so far (read-your-writes:
 * a panel member who has just recorded a review sees it counted).
 */
@Injectable()
export class FreshReadModels {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() private readonly freshness?: ReadModelFreshness,
  ) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    await this.freshness?.catchUp();
    return this.readStore.get<T>(collection, id);
  }

  async find<T extends Document>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    await this.freshness?.catchUp();
    return this.readStore.find<T>(collection, filter, options);
  }

  /**
   * Whether the store keeps the documents in memory and remembers, per document, which
   * filters it matches: a query then does best to ask the same filter of every caller and
   * narrow what it gets in code, rather than ask a filter per caller.
   */
  get keepsDocumentsInMemory(): boolean {
    return sharesDocuments(this.readStore);
  }

  /**
   * find() for a query that only reads the documents: where the store keeps them in
   * memory they are its own, frozen, and the same object until written again (list
   * queries over every child then skip a copy per document per request).
   */
  async findReadOnly<T extends Document>(collection: string, filter: Filter, options?: FindOptions): Promise<readonly T[]> {
    await this.freshness?.catchUp();
    const store = this.readStore;
    return sharesDocuments(store) ? store.findShared<T>(collection, filter, options) : store.find<T>(collection, filter, options);
  }
}
