import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSide, eventStoreSide, rawSqliteSide } from './bench-sides';
import { batchCount, batchesBetween, Workload } from './store-workload';

/**
 * npm run bench:store [-- --events N --streams M --batch B --runs R]
 *
 * Appends the workload through SqliteEventStore and, in the same run, through plain
 * better-sqlite3 statements on an equivalent table; reads everything back on both; each
 * side in its own temp file under BENCH_DIR (default: the OS temp folder). Prints every
 * run and the medians, in events per second, and the store/raw ratios.
 */

interface Options extends Workload {
  runs: number;
  benchDir: string;
}

interface Figures {
  appendPerSecond: number;
  readPerSecond: number;
}

/** batches generated at a time, outside the timed sections */
const CHUNK_BATCHES = 2000;
const TARGET_RATIO = 0.8;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const sample = batchesBetween(options, 0, 1)[0].events[0];
  console.log(
    `bench:store — ${options.events.toLocaleString('en-GB')} events over ${options.streams.toLocaleString('en-GB')} ` +
      `streams, ${options.batchSize} events per append (${batchCount(options).toLocaleString('en-GB')} appends), ` +
      `${options.runs} runs, files in ${options.benchDir}`,
  );
  console.log(`event JSON: ~${averageEventBytes(options)} bytes of data + metadata (e.g. ${sample.type})`);

  const store: Figures[] = [];
  const raw: Figures[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    // alternate which side goes first, so neither always gets the cooler disk cache
    const order = run % 2 === 1 ? (['store', 'raw'] as const) : (['raw', 'store'] as const);
    for (const side of order) {
      const figures = await measure(side === 'store' ? eventStoreSide : rawSqliteSide, options);
      (side === 'store' ? store : raw).push(figures);
      console.log(
        `run ${run} ${side.padEnd(5)} append ${rate(figures.appendPerSecond)} events/s   read-all ${rate(figures.readPerSecond)} events/s`,
      );
    }
  }

  const storeAppend = median(store.map((figures) => figures.appendPerSecond));
  const rawAppend = median(raw.map((figures) => figures.appendPerSecond));
  const storeRead = median(store.map((figures) => figures.readPerSecond));
  const rawRead = median(raw.map((figures) => figures.readPerSecond));
  console.log('');
  console.log(`medians of ${options.runs} runs        SqliteEventStore        raw better-sqlite3      ratio`);
  console.log(summaryLine('append (events/s)', storeAppend, rawAppend));
  console.log(summaryLine('read-all (events/s)', storeRead, rawRead));
  const met = storeAppend / rawAppend >= TARGET_RATIO && storeRead / rawRead >= TARGET_RATIO;
  console.log(`targets (>= ${TARGET_RATIO}x raw for append and read-all): ${met ? 'met' : 'NOT met'}`);
}

async function measure(open: (file: string) => BenchSide, options: Options): Promise<Figures> {
  const folder = mkdtempSync(join(options.benchDir, 'iro-bench-store-'));
  const side = open(join(folder, 'events.sqlite'));
  try {
    let appendNs = 0n;
    const total = batchCount(options);
    for (let from = 0; from < total; from += CHUNK_BATCHES) {
      const batches = batchesBetween(options, from, Math.min(total, from + CHUNK_BATCHES));
      const started = process.hrtime.bigint();
      await side.append(batches);
      appendNs += process.hrtime.bigint() - started;
    }
    const started = process.hrtime.bigint();
    const read = await side.readAll();
    const readNs = process.hrtime.bigint() - started;
    if (read !== options.events) throw new Error(`read back ${read} events, appended ${options.events}`);
    return { appendPerSecond: perSecond(options.events, appendNs), readPerSecond: perSecond(read, readNs) };
  } finally {
    await side.close();
    rmSync(folder, { recursive: true, force: true });
  }
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
  const bytes = sample.reduce((sum, event) => sum + JSON.stringify(event.data).length + JSON.stringify(event.metadata).length, 0);
  return Math.round(bytes / sample.length);
}

function perSecond(count: number, nanoseconds: bigint): number {
  return count / (Number(nanoseconds) / 1e9);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-GB').padStart(10);
}

function summaryLine(label: string, store: number, raw: number): string {
  return `${label.padEnd(28)}${rate(store)}              ${rate(raw)}            ${(store / raw).toFixed(2)}x`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
