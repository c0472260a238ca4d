import { parentPort } from 'node:worker_threads';
import { LaneRecords } from './import-lane';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { fromLanePayload, isLanePayload, toLanePayload, transferListOf } from './lane-payload';
import { PackedOutcomes, packOutcomes, transferOfPacked } from './packed-outcomes';
import { LaneAnswer, LaneRequest } from './worker-lane';

// A worker thread's share of an import (see WorkerLane): it holds the records of the units it
// read and of the children it decides, and answers the main thread's requests in order.

const records = new LaneRecords();

/** Buffers arrive as plain Uint8Arrays; the readers want Buffers. */
const asBuffer = (file: ImportFile): ImportFile => {
  const bytes = file.content as Uint8Array;
  return { name: file.name, content: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
};

/** The answer to a request, and the buffers to transfer with it. */
function answer(request: LaneRequest): { result: unknown; transfer: ArrayBuffer[] } {
  const result = answerOf(request);
  if (isLanePayload(result)) return { result, transfer: transferListOf(result) };
  if (request.op === 'decide') return { result, transfer: transferOfPacked(result as PackedOutcomes) };
  return { result, transfer: [] };
}

function answerOf(request: LaneRequest): unknown {
  switch (request.op) {
    case 'read':
      return records.read(request.units.map((unit) => ({ ...unit, files: unit.files.map(asBuffer) })), request.today);
    case 'handOver':
      return toLanePayload(records.handOver(request.transfers, request.lanes));
    case 'receive':
      records.receive(fromLanePayload(request.records));
      return null;
    case 'decide':
      return packOutcomes(records.decide(request.setup, request.children));
  }
}

parentPort?.on('message', (request: LaneRequest) => {
  let reply: LaneAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const answered = answer(request);
    reply = { id: request.id, result: answered.result };
    transfer = answered.transfer;
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply, transfer);
});
