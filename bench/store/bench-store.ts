import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSide, eventStoreSide, rawSqliteSide } from './bench-sides';
import { batchCount, batchesBetween, Workload } from './store-workload';

/**
 * npm run bench:store [-- --events N --streams M --batch B --runs R]
 *
 * Appends the workload through SqliteEventStore and, in the same run, through plain
 * better-sqlite3 statements on an equivalent table, then reads everything back on both;
 * each side in its own file, in a temp folder under BENCH_DIR (default: the OS temp folder).
 *
 * The machine is shared, and its load moves from minute to minute, so the two sides are
 * interleaved: each chunk of batches (and each chunk of the read) goes to one side and
 * then the other, alternating which goes first, and each side's clock runs only during
 * its own work. Both sides thus see the same load; generation stays outside the clocks.
 * Prints every run, the medians in events per second, and the store/raw ratios.
 */

interface Options extends Workload {
  runs: number;
  benchDir: string;
}

type SideName = 'store' | 'raw';

interface Figures {
  appendPerSecond: number;
  readPerSecond: number;
}

/** batches generated, then timed, at a time */
const APPEND_CHUNK_BATCHES = 2000;
const READ_CHUNK_EVENTS = 20_000;
const TARGET_RATIO = 0.8;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `bench:store — ${count(options.events)} events over ${count(options.streams)} streams, ` +
      `${options.batchSize} events per append (${count(batchCount(options))} appends, one transaction each), ` +
      `${options.runs} runs, files in ${options.benchDir}`,
  );
  console.log(`event JSON: ${averageEventBytes(options)} bytes of data + metadata on average`);

  const runs: Record<SideName, Figures>[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const figures = await measureRun(options);
    runs.push(figures);
    for (const side of ['store', 'raw'] as const) {
      console.log(
        `run ${run} ${side.padEnd(5)}  append ${rate(figures[side].appendPerSecond)} events/s` +
          `   read-all ${rate(figures[side].readPerSecond)} events/s`,
      );
    }
  }

  const medianOf = (side: SideName, figure: keyof Figures): number => median(runs.map((run) => run[side][figure]));
  const pairedRatio = (figure: keyof Figures): number =>
    median(runs.map((run) => run.store[figure] / run.raw[figure]));
  const append = { store: medianOf('store', 'appendPerSecond'), raw: medianOf('raw', 'appendPerSecond') };
  const read = { store: medianOf('store', 'readPerSecond'), raw: medianOf('raw', 'readPerSecond') };

  console.log('');
  console.log(`medians of ${options.runs} runs       SqliteEventStore   raw better-sqlite3    ratio   (median of per-run ratios)`);
  console.log(summaryLine('append (events/s)', append.store, append.raw, pairedRatio('appendPerSecond')));
  console.log(summaryLine('read-all (events/s)', read.store, read.raw, pairedRatio('readPerSecond')));
  const met = append.store / append.raw >= TARGET_RATIO && read.store / read.raw >= TARGET_RATIO;
  console.log(`targets (median >= ${TARGET_RATIO}x raw, append and read-all): ${met ? 'met' : 'NOT met'}`);
}

async function measureRun(options: Options): Promise<Record<SideName, Figures>> {
  const folder = mkdtempSync(join(options.benchDir, 'iro-bench-store-'));
  const sides: Record<SideName, BenchSide> = {
    store: eventStoreSide(join(folder, 'store.sqlite')),
    raw: rawSqliteSide(join(folder, 'raw.sqlite')),
  };
  const appendNs: Record<SideName, bigint> = { store: 0n, raw: 0n };
  const readNs: Record<SideName, bigint> = { store: 0n, raw: 0n };
  try {
    const total = batchCount(options);
    for (let from = 0, chunk = 0; from < total; from += APPEND_CHUNK_BATCHES, chunk += 1) {
      const batches = batchesBetween(options, from, Math.min(total, from + APPEND_CHUNK_BATCHES));
      for (const side of turnOrder(chunk)) {
        appendNs[side] += await timed(() => sides[side].append(batches));
      }
    }

    const read: Record<SideName, number> = { store: 0, raw: 0 };
    for (let chunk = 0; read.store < options.events || read.raw < options.events; chunk += 1) {
      let progressed = false;
      for (const side of turnOrder(chunk)) {
        let got = 0;
        readNs[side] += await timed(async () => {
          got = await sides[side].readMore(READ_CHUNK_EVENTS);
        });
        read[side] += got;
        progressed ||= got > 0;
      }
      if (!progressed) break;
    }
    for (const side of ['store', 'raw'] as const) {
      if (read[side] !== options.events) throw new Error(`${side} read back ${read[side]} events, appended ${options.events}`);
    }
    const figures = (side: SideName): Figures => ({
      appendPerSecond: perSecond(options.events, appendNs[side]),
      readPerSecond: perSecond(options.events, readNs[side]),
    });
    return { store: figures('store'), raw: figures('raw') };
  } finally {
    // a failed close must not hide the error that ended the run
    await Promise.allSettled([sides.store.close(), sides.raw.close()]);
    rmSync(folder, { recursive: true, force: true });
  }
}

function turnOrder(chunk: number): SideName[] {
  return chunk % 2 === 0 ? ['store', 'raw'] : ['raw', 'store'];
}

async function timed(work: () => Promise<void>): Promise<bigint> {
  const started = process.hrtime.bigint();
  await work();
  return process.hrtime.bigint() - started;
}

function parseOptions(args: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = args.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const parsed = Number(args[at + 1]);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} needs a positive whole number`);
    return parsed;
  };
  const events = value('events', 1_000_000);
  const streams = value('streams', 50_000);
  if (streams > events) throw new Error('--streams cannot exceed --events');
  return {
    events,
    streams,
    batchSize: value('batch', 10),
    runs: value('runs', 3),
    benchDir: process.env.BENCH_DIR || tmpdir(),
  };
}

function averageEventBytes(workload: Workload): number {
  const sample = batchesBetween(workload, 0, Math.min(batchCount(workload), 200)).flatMap((batch) => batch.events);
  const bytes = sample.reduce(
    (sum, event) => sum + Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata)),
    0,
  );
  return Math.round(bytes / sample.length);
}

function perSecond(events: number, nanoseconds: bigint): number {
  return events / (Number(nanoseconds) / 1e9);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}

function rate(value: number): string {
  return count(Math.round(value)).padStart(9);
}

function summaryLine(label: string, store: number, raw: number, pairedRatio: number): string {
  return (
    `${label.padEnd(24)}${rate(store)}          ${rate(raw)}        ` +
    `${(store / raw).toFixed(2)}x   (${pairedRatio.toFixed(2)}x)`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
