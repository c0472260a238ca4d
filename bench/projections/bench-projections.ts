import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../../libs/history-generator/append-history';
import { generateHistory } from '../../libs/history-generator/history-generator';
import { ALL_PROJECTIONS } from '../../libs/projector/all-projections';
import { Projector } from '../../libs/projector/projector';
import { SAMPLE_PROJECTIONS } from '../../libs/projector/testing/sample-projections';
import { SqliteReadStore } from '../../libs/read-store/sqlite/sqlite-read-store';
import { SqliteEventReplay } from '../../libs/projector/sqlite-event-replay';

/**
 * npm run bench:projections [-- --events N --seed S --no-each --no-threads --sample --store-dir DIR --projections A,B]
 *
 * Generates a history of N events (default 1,000,000) with the real event mix into an
 * embedded event store (BENCH_DIR, default the OS temp folder), then, each in its own
 * process so that each has its own peak RSS:
 *   - raw: reads all events back and parses them (the store's readAll: JSON.parse of
 *     data and metadata), before and after;
 *   - replay read: what a rebuild reads, in the order recorded (SqliteEventReplay:
 *     metadata left unparsed, and the data of events that are not oversight events), for
 *     reference (a childwise rebuild reads the same rows, child after child);
 *   - rebuild: replays them through all projections (libs/projector/all-projections.ts)
 *     into a fresh embedded read store with Projector.rebuild(), documents written
 *     included, in worker threads (embeddedRebuild; --no-threads: in one thread), then
 *     the other way round for comparison (the projector logs each thread's time folding
 *     and writing);
 *   - each projection alone (unless --no-each), to see where the time goes.
 * Prints events/s, CPU seconds (all threads) and peak RSS for each, and the rebuild's
 * rate as a multiple of the faster raw read (target >= 0.5x). --sample uses the
 * projector's sample projections instead (to see the projector's own cost).
 * --store-dir reuses the events.sqlite of an earlier run's folder instead of generating.
 * --projections rebuilds only those (e.g. drift-and-delay,issues-resolution) where the
 * run says "all projections": to see what a set of read models costs together; the
 * target is for all of them.
 */

const TARGET_RATIO = 0.5;

interface PhaseResult {
  events: number;
  seconds: number;
  /** CPU time of the process, all its threads */
  cpuSeconds: number;
  peakRssMb: number;
  documents?: number;
}

interface Options {
  events: number;
  seed: number;
  each: boolean;
  sample: boolean;
  threads: boolean;
}

function parseOptions(argv: string[]): Options & { phase?: string; dir?: string; projection?: string; projections?: string; storeDir?: string } {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    events: Number(value('--events') ?? 1_000_000),
    seed: Number(value('--seed') ?? 20200331),
    each: !argv.includes('--no-each'),
    sample: argv.includes('--sample'),
    threads: !argv.includes('--no-threads'),
    phase: value('--phase'),
    dir: value('--dir'),
    projection: value('--projection'),
    projections: value('--projections'),
    storeDir: value('--store-dir'),
  };
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (startedNs: bigint): number => Number(process.hrtime.bigint() - startedNs) / 1e9;
const cpuSeconds = (started: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
};
const rate = (result: PhaseResult): number => result.events / result.seconds;
const format = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** the projections named (a comma-separated list), all when none */
function projectionsFor(sample: boolean, names?: string): readonly Projection[] {
  const all = sample ? SAMPLE_PROJECTIONS : ALL_PROJECTIONS;
  if (!names) return all;
  const wanted = names.split(',');
  return all.filter((projection) => wanted.includes(projection.name));
}

// ---- phases, each run in its own process ------------------------------------------

async function generatePhase(dir: string, options: Options): Promise<PhaseResult> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const events = appendHistory(store, generateHistory({ events: options.events, seed: options.seed }));
  await store.close();
  return { events, seconds: seconds(started), cpuSeconds: cpuSeconds(cpu), peakRssMb: peakRssMb() };
}

async function rawPhase(dir: string): Promise<PhaseResult> {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let events = 0;
  let check = 0;
  for await (const event of store.readAll()) {
    events += 1;
    check += event.position + (event.data.effectiveDate ? 1 : 0) + (event.metadata.actor ? 1 : 0);
  }
  const result = { events, seconds: seconds(started), cpuSeconds: cpuSeconds(cpu), peakRssMb: peakRssMb() };
  if (check === 0) throw new Error('nothing read');
  await store.close();
  return result;
}

async function replayReadPhase(dir: string): Promise<PhaseResult> {
  const file = join(dir, 'events.sqlite');
  const head = await headPosition(file);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const replay = new SqliteEventReplay(file);
  let check = 0;
  replay.replay(0, head, (event) => (check += event.position + (event.data.effectiveDate ? 1 : 0)));
  replay.close();
  if (check === 0) throw new Error('nothing read');
  // over all the events, as the rebuild's rate is (the replay leaves the other events' rows in the file)
  return { events: head, seconds: seconds(started), cpuSeconds: cpuSeconds(cpu), peakRssMb: peakRssMb() };
}

async function headPosition(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

async function rebuildPhase(dir: string, options: Options, projection?: string): Promise<PhaseResult> {
  const file = join(dir, `read-models-${projection ?? 'all'}.sqlite`);
  const eventStoreFile = join(dir, 'events.sqlite');
  const eventStore = new SqliteEventStore({ file: eventStoreFile });
  const readStore = new SqliteReadStore({ file });
  const projector = new Projector({
    eventStore,
    readStore,
    projections: projectionsFor(options.sample, projection),
    context: { config: DEFAULT_LOCAL_AUTHORITY_CONFIG },
    embeddedRebuild: {
      eventStoreFile,
      readStoreFile: file,
      threads: options.threads ? 2 : 1,
      projections: options.sample ? { module: require.resolve('../../libs/projector/testing/sample-projections'), exportName: 'SAMPLE_PROJECTIONS' } : undefined,
    },
    logger: {
      log: (message) => {
        if (message.startsWith('rebuild thread')) console.error(`  (${message})`);
      },
      error: (message, error) => console.error(message, error),
    },
  });
  const head = await eventStore.headPosition();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const reports = await projector.rebuild();
  const result = {
    events: head,
    seconds: seconds(started),
    cpuSeconds: cpuSeconds(cpu),
    peakRssMb: peakRssMb(),
    documents: reports.reduce((sum, report) => sum + report.documents, 0),
  };
  await eventStore.close();
  await readStore.close();
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  return result;
}

// ---- the run -------------------------------------------------------------------------

function phaseArguments(phase: string, dir: string, options: Options, projection?: string): string[] {
  const args = [__filename, '--phase', phase, '--dir', dir, '--events', String(options.events), '--seed', String(options.seed)];
  if (options.sample) args.push('--sample');
  if (!options.threads) args.push('--no-threads');
  if (projection) args.push('--projection', projection);
  return args;
}

function resultOf(phase: string, output: string): PhaseResult {
  const line = output.split('\n').find((candidate) => candidate.startsWith('RESULT '));
  if (!line) throw new Error(`phase ${phase} gave no result:\n${output}`);
  return JSON.parse(line.slice('RESULT '.length)) as PhaseResult;
}

function runPhase(phase: string, dir: string, options: Options, projection?: string): PhaseResult {
  const args = phaseArguments(phase, dir, options, projection);
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return resultOf(phase, output);
}

async function main(options: Options & { storeDir?: string; projections?: string }): Promise<void> {
  const benchDir = process.env.BENCH_DIR ?? tmpdir();
  const dir = options.storeDir ?? mkdtempSync(join(benchDir, 'iro-bench-projections-'));
  const projections = projectionsFor(options.sample, options.projections);
  if (projections.length === 0) throw new Error(`no projection is named ${options.projections}`);
  const subset = projections.length < projectionsFor(options.sample).length;
  const rebuilt = subset ? `projections ${projections.map((p) => p.name).join(' + ')}` : 'all projections';
  console.log(
    `bench:projections — ${options.storeDir ? 'the events' : `${format(options.events)} generated events (seed ${options.seed})`}, ` +
      `projections: ${projections.map((p) => p.name).join(', ')}${options.sample ? ' (sample projections)' : ''}; ` +
      `rebuild ${options.threads ? 'in worker threads' : 'in one thread'}; files in ${dir}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`,
  );
  try {
    if (!options.storeDir) {
      const generated = runPhase('generate', dir, options);
      const size = statSync(join(dir, 'events.sqlite')).size;
      console.log(`generated and appended ${format(generated.events)} events in ${generated.seconds.toFixed(1)} s (${format(size / 1e6)} MB)`);
    }

    const rawBefore = runPhase('raw', dir, options);
    const rebuild = runPhase('rebuild', dir, options, options.projections);
    // the other way round, for comparison: on a busy machine a second thread may not get a core of its own
    const rebuildOtherWay = projections.length > 1 ? runPhase('rebuild', dir, { ...options, threads: !options.threads }, options.projections) : undefined;
    const rawAfter = runPhase('raw', dir, options);
    const replayRead = runPhase('replay-read', dir, options);
    // the faster of the two raw reads: the ratio below is then a lower bound
    const raw = Math.max(rate(rawBefore), rate(rawAfter));

    const line = (label: string, result: PhaseResult): string =>
      `${label.padEnd(38)} ${format(rate(result)).padStart(10)} events/s  ${result.seconds.toFixed(1).padStart(6)} s  ` +
      `CPU ${result.cpuSeconds.toFixed(1).padStart(6)} s  peak RSS ${format(result.peakRssMb).padStart(6)} MB  ${(rate(result) / raw).toFixed(2)}x raw` +
      (result.documents !== undefined ? `  ${format(result.documents)} documents` : '');
    console.log('');
    console.log(line('raw read-all and parse (before)', rawBefore));
    console.log(line('raw read-all and parse (after)', rawAfter));
    console.log(line('replay read (in the order recorded)', replayRead));
    const threadsLabel = (threads: boolean) => (threads ? 'in worker threads' : 'in one thread');
    console.log(line(`rebuild, ${rebuilt}, ${threadsLabel(options.threads)}`, rebuild));
    if (rebuildOtherWay) console.log(line(`rebuild, ${rebuilt}, ${threadsLabel(!options.threads)}`, rebuildOtherWay));
    if (options.each && projections.length > 1) {
      for (const projection of projections) console.log(line(`  rebuild ${projection.name} alone`, runPhase('rebuild', dir, options, projection.name)));
    }
    const ratio = rate(rebuild) / raw;
    console.log('');
    console.log(
      `rebuild with ${rebuilt} (${threadsLabel(options.threads)}): ${ratio.toFixed(2)}x the raw read rate; ` +
        (subset
          ? `the target (>= ${TARGET_RATIO}x) is for all projections`
          : `target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`),
    );
    const rawCpu = Math.min(rawBefore.cpuSeconds, rawAfter.cpuSeconds);
    console.log(
      `CPU: the rebuild used ${(rebuild.cpuSeconds / rawCpu).toFixed(1)}x the raw read's CPU time` +
        (rebuildOtherWay ? ` (${(rebuildOtherWay.cpuSeconds / rawCpu).toFixed(1)}x ${threadsLabel(!options.threads)})` : '') +
        `; load average now ${loadavg().map((n) => n.toFixed(2)).join(' ')}`,
    );
  } finally {
    if (!options.storeDir) rmSync(dir, { recursive: true, force: true });
  }
}

const options = parseOptions(process.argv.slice(2));
if (options.phase) {
  const dir = options.dir!;
  const phase =
    options.phase === 'generate'
      ? generatePhase(dir, options)
      : options.phase === 'raw'
        ? rawPhase(dir)
        : options.phase === 'replay-read'
          ? replayReadPhase(dir)
          : rebuildPhase(dir, options, options.projection);
  phase.then(
    (result) => {
      process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main(options).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
