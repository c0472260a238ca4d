import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointWorkerData {
  files: string[];
  intervalMs: number;
}

export interface WalCheckpointerOptions {
  /** how often each file is checkpointed (default 100 ms) */
  intervalMs?: number;
  /** node options for the worker (e.g. a TypeScript loader when running from source) */
  execArgv?: string[];
  /** told when the worker stops by itself (it could not load, or failed) */
  onFailure?: (error: unknown) => void;
}

const WORKER_FILE = join(__dirname, `wal-checkpoint-worker${extname(__filename)}`);

/**
 * Checkpoints the embedded stores' SQLite files from a worker thread. A commit that
 * finds the write-ahead log past 1,000 pages checkpoints it then and there, on the
 * thread that committed, and that includes syncing the files to disk: on a slow disk the
 * API's one thread stopped for tens of milliseconds now and then. With the log copied
 * into the database in the background every `intervalMs`, it never grows that far; the
 * writers' own checkpoints stay on, so nothing depends on this thread running.
 */
export class WalCheckpointer {
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts checkpointing `files` (each once it exists); resolves when the worker runs. */
  static async start(files: readonly string[], options: WalCheckpointerOptions = {}): Promise<WalCheckpointer> {
    const worker = new Worker(WORKER_FILE, {
      workerData: { files: [...files], intervalMs: options.intervalMs ?? 100 } satisfies WalCheckpointWorkerData,
      execArgv: options.execArgv,
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the checkpoint worker exited with ${code} before it started`)));
    });
    worker.removeAllListeners();
    worker.on('error', (error) => options.onFailure?.(error));
    worker.unref();
    return new WalCheckpointer(worker);
  }

  async stop(): Promise<void> {
    // unref'd while it runs; while it stops, it holds the process open, or a close awaiting
    // it (the app's, e.g. after a failed listen) would see the process end under it, exit code 0
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
