const NEXT_BATCH = 0;
const DONE_WITH_CHILDREN = 1;
const FAILED = 2;
const SLOTS = 3;

/** how long a thread waits for the others at a time, before it looks again whether one failed */
const WAIT_SLICE_MS = 100;

/**
 * What the threads of one childwise rebuild share (over a SharedArrayBuffer): the next
 * batch of children to take (a thread takes the next one the moment it is free, so the
 * threads finish together whatever the batches cost), how many threads are done with
 * the children, and whether one failed.
 */
export class ChildwiseTeam {
  private readonly state: Int32Array;

  constructor(
    readonly threads: number,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.state = new Int32Array(buffer);
  }

  /** the number of the batch this thread folds next (past the last batch: none left) */
  takeBatch(): number {
    return Atomics.add(this.state, NEXT_BATCH, 1);
  }

  /**
   * Says this thread has written every child it took, then waits until every thread
   * has: the documents that are not a child's read children's documents as written.
   * Throws when another thread failed meanwhile.
   */
  doneWithChildren(): void {
    Atomics.add(this.state, DONE_WITH_CHILDREN, 1);
    Atomics.notify(this.state, DONE_WITH_CHILDREN);
    for (;;) {
      if (Atomics.load(this.state, FAILED) !== 0) throw new Error('another thread of the rebuild failed');
      const done = Atomics.load(this.state, DONE_WITH_CHILDREN);
      if (done >= this.threads) return;
      Atomics.wait(this.state, DONE_WITH_CHILDREN, done, WAIT_SLICE_MS);
    }
  }

  failed(): void {
    Atomics.store(this.state, FAILED, 1);
    Atomics.notify(this.state, DONE_WITH_CHILDREN);
  }

  /** Whether this thread writes the document with this id, of those every thread holds (each writes its share). */
  owns(thread: number, id: string): boolean {
    if (this.threads === 1) return true;
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % this.threads === thread;
  }
}
