import { Worker, WorkerOptions } from 'node:worker_threads';
import { CalendarDate } from '../../../src/calendar/calendar-date';
import { ChildOutcome, ChildToDecide, DecideSetup } from './decide-child';
import { HandedOver, ImportLane, Transfer } from './import-lane';
import { fromLanePayload, LanePayload, toLanePayload, transferListOf } from './lane-payload';
import { PackedOutcomes, unpackOutcomes } from './packed-outcomes';
import { ImportUnit, UnitSummary } from './read-unit';

/**
 * A request to a lane worker (see import-lane-worker.ts) and its answer. The records handed
 * over and the children decided, the bulk of what crosses, go as JSON: `handOver` answers
 * with a LanePayload (see lane-payload.ts), `decide` with PackedOutcomes (packed-outcomes.ts).
 */
export type LaneRequest =
  | { id: number; op: 'read'; units: ImportUnit[]; today: CalendarDate }
  | { id: number; op: 'handOver'; transfers: Transfer[]; lanes: number }
  | { id: number; op: 'receive'; records: LanePayload }
  | { id: number; op: 'decide'; setup: DecideSetup; children: ChildToDecide[] };
export type LaneAnswer = { id: number; result: unknown } | { id: number; error: string };

/**
 * A lane in a worker thread: the same work as InThreadLane, with what it is given and gives
 * back copied between the threads. Requests are answered in order; a worker that fails or
 * exits fails every request still waiting.
 */
export class WorkerLane implements ImportLane {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failure: Error | null = null;

  constructor(script: string | URL, options: WorkerOptions = {}) {
    this.worker = new Worker(script, options);
    this.worker.on('message', (answer: LaneAnswer) => {
      const request = this.waiting.get(answer.id);
      if (!request) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) request.reject(new Error(`import worker: ${answer.error}`));
      else request.resolve(answer.result);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`import worker stopped (exit code ${code})`)));
  }

  read(units: ImportUnit[], today: CalendarDate): Promise<UnitSummary[]> {
    return this.request({ op: 'read', units, today }) as Promise<UnitSummary[]>;
  }

  async handOver(transfers: Transfer[], lanes: number): Promise<HandedOver[][]> {
    return fromLanePayload<HandedOver[][]>((await this.request({ op: 'handOver', transfers, lanes })) as LanePayload);
  }

  async receive(records: HandedOver[]): Promise<void> {
    const payload = toLanePayload(records);
    await this.request({ op: 'receive', records: payload }, transferListOf(payload));
  }

  async decide(setup: DecideSetup, children: ChildToDecide[]): Promise<ChildOutcome[]> {
    return unpackOutcomes((await this.request({ op: 'decide', setup, children })) as PackedOutcomes);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('import worker closed');
    await this.worker.terminate();
  }

  private request(request: DistributiveOmit<LaneRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const request of this.waiting.values()) request.reject(this.failure);
    this.waiting.clear();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
