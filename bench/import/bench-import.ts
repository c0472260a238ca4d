import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StreamAppend } from '../../libs/event-store/sqlite/sqlite-event-store';
import { ImportProgress } from '../../libs/interchange/import/import-options';
import { ImportReport } from '../../libs/interchange/report/import-report';
import { importCouncilHistory } from '../../libs/interchange/import/import-history';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticCinCensus, syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { NewEvent } from '../../src/events/envelope';

/**
 * bench:import — a synthetic SSDA903 + CIN census history (default 100,000 children over 10
 * years) imported end to end (parse, validate, decide, append) into a fresh embedded store,
 * then the same events appended raw (already built) into fresh stores of the same kind in the
 * same run: in the import's bulk batches, and one append per child. Flags: --children N, --years N,
 * --threads N (threads the import reads and decides on; by default its own choice), --no-per-stream.
 */
interface Flags {
  children: number;
  years: number;
  /** threads for the import (default: the import's own choice) */
  threads?: number;
  /** also time one appendToStream per child (default on; `--no-per-stream` skips it) */
  perStream: boolean;
}

function flags(argv: string[]): Flags {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} takes a positive whole number`);
    return parsed;
  };
  return {
    children: value('children', 100_000),
    years: value('years', 10),
    ...(argv.includes('--threads') && { threads: value('threads', 1) }),
    perStream: !argv.includes('--no-per-stream'),
  };
}

const FIRST_YEAR = 2010;
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const rate = (count: number, secs: number): string => `${Math.round(count / secs).toLocaleString('en-GB')}/s`;

async function main(): Promise<void> {
  const { children, years, threads, perStream: timePerStream } = flags(process.argv.slice(2));
  const lastYear = FIRST_YEAR + years - 1;
  const today = `${lastYear + 1}-06-01`;
  const folder = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    console.log(`generating ${children.toLocaleString('en-GB')} children over ${years} years (${FIRST_YEAR}-${String(FIRST_YEAR + 1).slice(2)} to ${lastYear}-${String(lastYear + 1).slice(2)})`);
    let started = process.hrtime.bigint();
    const history = syntheticHistory({ children, firstYear: FIRST_YEAR, years });
    const returns = [];
    const censuses = [];
    let bytes = 0;
    for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
      const files = Object.entries(syntheticSsda903Return(history, year)).map(([name, text]) => ({ name: `${year}/${name}`, content: Buffer.from(text) }));
      const census = Buffer.from(syntheticCinCensus(history, year));
      bytes += files.reduce((sum, file) => sum + file.content.length, 0) + census.length;
      returns.push({ files, year });
      censuses.push({ name: `cin-${year + 1}.xml`, content: census });
    }
    console.log(`  generated ${(bytes / 1e6).toFixed(1)} MB of returns in ${seconds(started).toFixed(1)} s (not timed below)`);

    const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, postcodeDistricts: SYNTHETIC_AUTHORITY_DISTRICTS };
    const imported = new SqliteEventStore({ file: join(folder, 'imported.sqlite') });
    const stages: string[] = [];
    const onProgress = (from: bigint) => (progress: ImportProgress): void => {
      const line = `  ${progress.stage.padEnd(8)} at ${seconds(from).toFixed(1)} s: ${progress.children} children, ${progress.events} events`;
      if (stages.length > 0 && stages[stages.length - 1].startsWith(`  ${progress.stage}`)) stages[stages.length - 1] = line;
      else stages.push(line);
    };
    started = process.hrtime.bigint();
    const report = await importCouncilHistory({ ssda903: returns, cin: censuses }, { store: imported, config, today, threads, onProgress: onProgress(started) });
    const importSeconds = seconds(started);
    assertAccepted(report);
    console.log('import (SSDA903 returns and CIN censuses together):');
    console.log(stages.join('\n'));

    const rows = report.rows;
    const events = report.events.appended;

    // the same events, already built, appended raw: in the same bulk batches, then one append per stream
    const batches: StreamAppend[] = [];
    for await (const event of imported.readAll()) {
      const last = batches[batches.length - 1];
      const newEvent: NewEvent = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata };
      if (last && last.stream === event.stream) last.events.push(newEvent);
      else batches.push({ stream: event.stream, events: [newEvent], expectedRevision: 'no-stream' });
    }
    await imported.close();
    const bulk = new SqliteEventStore({ file: join(folder, 'raw-bulk.sqlite') });
    started = process.hrtime.bigint();
    bulk.appendMany(batches);
    const bulkSeconds = seconds(started);
    await bulk.close();
    let perStreamSeconds = Number.NaN;
    if (timePerStream) {
      const perStream = new SqliteEventStore({ file: join(folder, 'raw-per-stream.sqlite') });
      started = process.hrtime.bigint();
      for (const batch of batches) await perStream.appendToStream(batch.stream, batch.events, batch.expectedRevision);
      perStreamSeconds = seconds(started);
      await perStream.close();
    }

    const importRate = events / importSeconds;
    console.log('');
    console.log(`end to end (parse + validate + decide + append): ${rows.toLocaleString('en-GB')} rows (CSV rows and census children), ` +
      `${events.toLocaleString('en-GB')} events in ${importSeconds.toFixed(1)} s = ${rate(rows, importSeconds)} rows, ${rate(events, importSeconds)} events`);
    console.log(`raw append, same events, same store, same run, bulk (appendMany, one transaction): ${bulkSeconds.toFixed(1)} s = ${rate(events, bulkSeconds)} events`);
    if (timePerStream) {
      console.log(`raw append, same events, one appendToStream per child: ${perStreamSeconds.toFixed(1)} s = ${rate(events, perStreamSeconds)} events`);
    }
    console.log(`import / raw bulk = ${(importRate / (events / bulkSeconds)).toFixed(2)} (target >= 0.5)` +
      (timePerStream ? `; import / raw per stream = ${(importRate / (events / perStreamSeconds)).toFixed(2)}` : ''));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function assertAccepted(report: ImportReport): void {
  if (report.accepted) return;
  console.error(report.issues.slice(0, 10));
  throw new Error(`the ${report.source} import was refused with ${report.issues.length} issues`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
