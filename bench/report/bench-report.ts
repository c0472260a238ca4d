import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIDDLESBROUGH_2019_20 } from '../../libs/seed/profiles/middlesbrough-2019-20';
import { seedEventStore } from '../../libs/seed/seed-event-store';
import { councilStore, CouncilHistoryOptions, ENGLAND } from './council-histories';
import { ReportRun } from './report-once';

/**
 * npm run bench:report [-- --councils N --years Y --runs R --skip-council --skip-england]
 *
 * (a) One council-year: the middlesbrough-2019-20 seed history (through the deciders), the
 *     2019/20 report computed cold from the store: open, read all, fold, compute. Target < 0.5 s.
 * (b) England: 150 council-sized histories of 10 years in one store (about 20 million
 *     events), then one report over all of it. Targets < 5 min and peak RSS < 1.5 GiB.
 *
 * Stores go under BENCH_DIR (default: the OS temp folder) and are reused when complete;
 * generating is timed apart from the report. Each report runs in a fresh node process
 * (report-once.js), so its time and peak RSS are its own.
 */
const COUNCIL_TARGET_MS = 500;
const ENGLAND_TARGET_MS = 5 * 60_000;
const ENGLAND_TARGET_RSS_MIB = 1.5 * 1024;

interface Options {
  benchDir: string;
  runs: number;
  england: CouncilHistoryOptions;
  council: boolean;
  englandToo: boolean;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(`bench:report — stores under ${options.benchDir}/iro-bench-report`);
  if (options.council) await councilYear(options);
  if (options.englandToo) await england(options);
}

async function councilYear(options: Options): Promise<void> {
  const dir = join(options.benchDir, 'iro-bench-report', MIDDLESBROUGH_2019_20.name);
  const file = join(dir, 'events.sqlite');
  console.log('');
  console.log(`(a) one council-year: the ${MIDDLESBROUGH_2019_20.name} seed history, report 2019/20 cold from the store`);
  // seeding takes seconds: always afresh, so the store is the profile's as the code stands
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seeded = await seedEventStore(MIDDLESBROUGH_2019_20, file);
  console.log(`  seeded ${seeded.events.toLocaleString('en-GB')} events through the deciders in ${((seeded.planMs + seeded.writeMs) / 1000).toFixed(1)} s`);
  const product = councilRuns(file, options.runs, []);
  console.log(`  headline: ${JSON.stringify(product[0].headline)}`);
  verdict('  as the product reads the store', product, COUNCIL_TARGET_MS);
}

function councilRuns(file: string, count: number, extra: string[]): ReportRun[] {
  const runs: ReportRun[] = [];
  for (let run = 1; run <= count; run += 1) {
    const result = reportOnce(file, ['--profile', MIDDLESBROUGH_2019_20.name, ...extra]);
    runs.push(result);
    console.log(
      `  run ${run}: ${result.ms.toFixed(0)} ms, peak RSS ${result.maxRssMiB.toFixed(0)} MiB ` +
        `(${result.events.toLocaleString('en-GB')} events, ${pathOf(result)}; ${load()})`,
    );
  }
  return runs;
}

function verdict(label: string, runs: ReportRun[], targetMs: number): void {
  const median = medianOf(runs.map((r) => r.ms));
  console.log(`${label}: median ${median.toFixed(0)} ms over ${runs.length} cold runs — target < ${targetMs} ms: ${median < targetMs ? 'met' : 'NOT met'}`);
}

const pathOf = (run: ReportRun): string => (run.streamByStream ? 'stream by stream' : 'all facts in memory');

async function england(options: Options): Promise<void> {
  const { councils, years } = options.england;
  console.log('');
  console.log(`(b) England: ${councils} council-sized histories of ${years} years in one store (generated without the deciders)`);
  const store = await councilStore(options.benchDir, options.england, (line) => console.log(line));
  console.log(
    store.reused
      ? `  reusing ${store.file}: ${store.events.toLocaleString('en-GB')} events (generated earlier in ${(store.generatedMs / 1000).toFixed(0)} s)`
      : `  generated ${store.events.toLocaleString('en-GB')} events in ${(store.generatedMs / 1000).toFixed(0)} s`,
  );
  console.log(`  of which oversight events (the rest are audited record reads): ${store.oversightEvents.toLocaleString('en-GB')}`);
  englandReport(store.file, []);
}

function englandReport(file: string, extra: string[]): ReportRun {
  const result = reportOnce(file, extra);
  console.log(`  report 2019/20 over ${result.events.toLocaleString('en-GB')} events (${pathOf(result)}): ${(result.ms / 1000).toFixed(1)} s, ` +
    `peak RSS ${result.maxRssMiB.toFixed(0)} MiB (${load()})`);
  console.log(`  headline: ${JSON.stringify(result.headline)}`);
  console.log(`  targets < ${ENGLAND_TARGET_MS / 60_000} min: ${result.ms < ENGLAND_TARGET_MS ? 'met' : 'NOT met'}; ` +
    `peak RSS < ${ENGLAND_TARGET_RSS_MIB} MiB: ${result.maxRssMiB < ENGLAND_TARGET_RSS_MIB ? 'met' : 'NOT met'}`);
  return result;
}

function reportOnce(file: string, extra: string[]): ReportRun {
  const script = join(__dirname, 'report-once.js');
  const output = execFileSync(process.execPath, [script, '--file', file, '--year', '2019', ...extra], {
    encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop()!) as ReportRun;
}

/** the machine's load over the last minute: the timings mean little when other work shares the 2 cores */
const load = (): string => `load average ${loadavg()[0].toFixed(1)}`;

const medianOf = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = (flag: string, fallback: number): number => {
    const text = value(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number from 1, got "${text}"`);
    return n;
  };
  return {
    benchDir: process.env.BENCH_DIR?.trim() || tmpdir(),
    runs: count('--runs', 5),
    england: { ...ENGLAND, councils: count('--councils', ENGLAND.councils), years: count('--years', ENGLAND.years) },
    council: !argv.includes('--skip-council'),
    englandToo: !argv.includes('--skip-england'),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
