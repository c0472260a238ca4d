import { parentPort, workerData } from 'node:worker_threads';
import { ChildwiseThreadInput, rebuildChildwiseThread } from './childwise-thread';

/**
 * A worker thread of a threaded rebuild (see threaded-rebuild.ts): says it has loaded,
 * rebuilds its share of the children, and posts what it rebuilt (or why it failed).
 */
const port = parentPort;
if (!port) throw new Error('rebuild-worker runs as a worker thread');
port.postMessage({ kind: 'loaded' });
rebuildChildwiseThread(workerData as ChildwiseThreadInput).then(
  (rebuilt) => port.postMessage({ kind: 'rebuilt', rebuilt }),
  (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
