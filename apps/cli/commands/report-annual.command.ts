import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { openExistingEventStore } from '../../../libs/event-store/create-event-store';
import { eventStoreLocationOf, loadInfrastructureSettings, SETTINGS_HELP } from '../../../libs/nest/config/infrastructure-settings';
import { isReportFormat, REPORT_FORMATS, renderReport, ReportFormat } from '../../../libs/reporting/render-report';
import { replayAnnualReport } from '../../../libs/reporting/report-facts-source';
import { asOfNoLaterThan, parseReportInstant, parseReportYear } from '../../../libs/reporting/report-instant';
import { CommandGroup } from './command-group';
import { fixedClock, today } from '../../../src/clock/clock';
import { reportingYearNotStarted } from '../../../src/reporting/reporting-period';

export interface AnnualReportRequest {
  year?: string;
  format?: string;
  out?: string;
  asOf?: string;
}

/**
 * Produces the annual report from the store the environment names (DATA_DIR or
 * EVENTSTORE_URL, IRO_CONFIG), by replaying it; writes it to `out` or returns it.
 * Throws an Error with a message per bad option.
 */
export async function produceAnnualReport(request: AnnualReportRequest, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<string> {
  const problems: string[] = [];
  const year = request.year === undefined ? undefined : parseReportYear(request.year);
  if (year === undefined) problems.push('--year must be a reporting year such as 2019 (1 April 2019 to 31 March 2020)');
  const notStarted = year === undefined ? undefined : reportingYearNotStarted(year, today(fixedClock(now)));
  if (notStarted) problems.push(`--year: ${notStarted}`);
  const format = (request.format ?? 'html') as ReportFormat;
  if (!isReportFormat(format)) problems.push(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const asOf = request.asOf === undefined ? null : (parseReportInstant(request.asOf) ?? undefined);
  if (asOf === undefined) problems.push('--as-of must be an ISO 8601 instant such as 2020-04-30T23:59:59Z, or a date, on a day that exists');
  const loaded = loadInfrastructureSettings(env);
  if ('errors' in loaded) problems.push(...loaded.errors, '', 'Settings (environment):', ...SETTINGS_HELP);
  if (problems.length > 0 || 'errors' in loaded) throw new Error(problems.join('\n'));
  const { settings } = loaded;
  const store = openExistingEventStore(eventStoreLocationOf(settings));
  try {
    const asOfUsed = asOf ? asOfNoLaterThan(asOf, now) : null;
    const report = await replayAnnualReport(store, { year: year!, asOf: asOfUsed, config: settings.config, generatedAt: now.toISOString() });
    const body = await renderReport(report, format, settings.config.disclosureThreshold);
    if (request.out) writeFileSync(resolve(request.out), body);
    return body;
  } finally {
    await store.close();
  }
}

/** `iro report annual --year 2019 --format html --out report.html [--as-of <instant>]` */
@SubCommand({
  name: 'annual',
  description:
    'The annual IRO report for a reporting year (2019 = 1 April 2019 to 31 March 2020), replayed from the event store ' +
    '(DATA_DIR / EVENTSTORE_URL, IRO_CONFIG). json is exact and not for publication; csv, md and html apply disclosure control.',
})
export class ReportAnnualCommand extends CommandRunner {
  async run(_params: string[], options: AnnualReportRequest): Promise<void> {
    try {
      const body = await produceAnnualReport(options, process.env);
      if (options.out) console.log(`wrote the ${options.format ?? 'html'} report for ${options.year} to ${resolve(options.out)}`);
      else process.stdout.write(body);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--year <year>', description: 'the reporting year, e.g. 2019', required: true })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: `one of ${REPORT_FORMATS.join(', ')} (default html)` })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'write the report to this file (default: standard output)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <instant>', description: 'only events recorded up to this instant count (default: all)' })
  parseAsOf(value: string): string {
    return value;
  }
}

/** `iro report <kind>` */
@Command({ name: 'report', description: 'Produce a report (annual: the annual IRO report)', subCommands: [ReportAnnualCommand] })
export class ReportCommand extends CommandGroup {}
