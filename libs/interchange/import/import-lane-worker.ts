import { parentPort } from 'node:worker_threads';
import { LaneRecords } from './import-lane';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { fromLanePayload, isLanePayload, toLanePayload, transferListOf } from './lane-payload';
import { LaneAnswer, LaneRequest } from './worker-lane';

// A worker thread's share of an import (see WorkerLane): it holds the records of the units it
// read and of the children it decides, and answers the main thread's requests in order.

const records = new LaneRecords();

/** Buffers arrive as plain Uint8Arrays; the readers want Buffers. */
const asBuffer = (file: ImportFile): ImportFile => {
  const bytes = file.content as Uint8Array;
  return { name: file.name, content: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
};

function answer(request: LaneRequest): unknown {
  switch (request.op) {
    case 'read':
      return records.read(request.units.map((unit) => ({ ...unit, files: unit.files.map(asBuffer) })), request.today);
    case 'handOver':
      return toLanePayload(records.handOver(request.transfers, request.lanes));
    case 'receive':
      records.receive(fromLanePayload(request.records));
      return null;
    case 'decide':
      return toLanePayload(records.decide(request.setup, request.children));
  }
}

parentPort?.on('message', (request: LaneRequest) => {
  let reply: LaneAnswer;
  try {
    reply = { id: request.id, result: answer(request) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply, 'result' in reply && isLanePayload(reply.result) ? transferListOf(reply.result) : []);
});
