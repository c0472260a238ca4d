import { WriteTurn } from '../read-store/sqlite/sqlite-read-store';

const FREE = 0;
const TAKEN = 1;

/**
 * A write turn shared by a rebuild's worker threads (over a SharedArrayBuffer): each takes
 * it around a commit to the read store's file, so they write one at a time and a thread
 * waiting for its turn starts the moment the other gives it up.
 */
export class SharedWriteTurn implements WriteTurn {
  private readonly state: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.state = new Int32Array(buffer);
  }

  take(): void {
    while (Atomics.compareExchange(this.state, 0, FREE, TAKEN) !== FREE) Atomics.wait(this.state, 0, TAKEN);
  }

  give(): void {
    Atomics.store(this.state, 0, FREE);
    Atomics.notify(this.state, 0, 1);
  }
}
