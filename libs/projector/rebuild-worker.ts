import { parentPort, workerData } from 'node:worker_threads';
import { ChildwiseBoundsMessage, ChildwiseThreadInput, rebuildChildwiseThread } from './childwise-thread';

/**
 * A worker thread of a threaded rebuild (see threaded-rebuild.ts): says it has loaded,
 * rebuilds its share of the children (their batches' bounds come as a message), and posts
 * what it rebuilt (or why it failed).
 */
const port = parentPort;
if (!port) throw new Error('rebuild-worker runs as a worker thread');
port.postMessage({ kind: 'loaded' });
const batchBounds = new Promise<readonly string[]>((resolve) => {
  // the one message the main thread sends
  port.once('message', (message: ChildwiseBoundsMessage) => resolve(message.bounds));
});
rebuildChildwiseThread(workerData as ChildwiseThreadInput, () => batchBounds).then(
  (rebuilt) => port.postMessage({ kind: 'rebuilt', rebuilt }),
  (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
