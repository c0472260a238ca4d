import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { readsStreamByStream, replayAnnualReport } from '../../libs/reporting/report-facts-source';
import { findSeedProfile } from '../../libs/seed/profiles';
import { seedConfig } from '../../libs/seed/seed-config';

/**
 * One cold report, in a process of its own (bench-report spawns it), so that the time and
 * the peak RSS are the report's alone: open the store, read every event, fold, compute
 * the figures for the year and the year before, close. Prints one JSON line.
 *
 * node dist/bench/report/report-once.js --file <events.sqlite> --year 2019 [--profile <seed profile>]
 */
export interface ReportRun {
  ms: number;
  maxRssMiB: number;
  events: number;
  streamByStream: boolean;
  headline: Record<string, unknown>;
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i + 1 < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  const file = args.get('file');
  if (!file) throw new Error('--file is required');
  const year = Number(args.get('year') ?? '2019');
  const profile = args.get('profile') ? findSeedProfile(args.get('profile')!) : undefined;
  const config: LocalAuthorityConfig = profile ? seedConfig(profile) : DEFAULT_LOCAL_AUTHORITY_CONFIG;

  const started = process.hrtime.bigint();
  const store = new SqliteEventStore({ file });
  const report = await replayAnnualReport(store, { year, config });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const events = await store.headPosition();
  const streamByStream = readsStreamByStream(store);
  await store.close();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const figures = report.figures as Record<string, any>;
  const run: ReportRun = {
    ms,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    events,
    streamByStream,
    headline: {
      'cla.atYearEnd': figures['cla.atYearEnd'].value,
      'reviews.held': figures['reviews.held'].value,
      'challenges.raised': figures['challenges.raised'].value,
      'cp.plansDuringYear': figures['cp.plansDuringYear'].value,
      'cp.atYearEnd': figures['cp.atYearEnd'].value,
      'iro.meanCaseloadAtYearEnd': figures['iro.meanCaseloadAtYearEnd'].value,
    },
  };
  console.log(JSON.stringify(run));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
