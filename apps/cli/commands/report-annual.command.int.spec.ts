import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStore } from '../../../libs/event-store/create-event-store';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { produceAnnualReport, ReportAnnualCommand } from './report-annual.command';

const dataDir = useTempFolder('iro-report-cli-');

describe('iro report annual', () => {
  let out: string;
  let err: string;
  const env = { ...process.env };

  beforeEach(() => {
    process.env.DATA_DIR = dataDir();
    delete process.env.EVENTSTORE_URL;
    delete process.env.IRO_CONFIG;
    out = '';
    err = '';
    jest.spyOn(console, 'log').mockImplementation((line) => void (out += `${line}\n`));
    jest.spyOn(console, 'error').mockImplementation((line) => void (err += `${line}\n`));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
    process.exitCode = undefined;
  });

  it('writes the HTML report for the year to --out from the store in DATA_DIR', async () => {
    await createEventStore({ DATA_DIR: dataDir() }).close();
    const file = join(dataDir(), 'report.html');
    await new ReportAnnualCommand().run([], { year: '2019', format: 'html', out: file, asOf: '2020-04-30T00:00:00Z' });
    expect(process.exitCode).toBeUndefined();
    expect(out).toContain(`wrote the html report for 2019 to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain("Independent Reviewing Officers' annual report 2019/20");
    expect(html).toContain('as of 2020-04-30T00:00:00.000Z');
  });

  it('exits 1 when DATA_DIR holds no event store, and makes no store (a mistyped DATA_DIR is not a council with no history)', async () => {
    process.env.DATA_DIR = join(dataDir(), 'mistyped');
    await new ReportAnnualCommand().run([], { year: '2019', format: 'json' });
    expect(process.exitCode).toBe(1);
    expect(err).toContain(`no event store at ${join(dataDir(), 'mistyped', 'events.sqlite')}`);
    expect(existsSync(join(dataDir(), 'mistyped', 'events.sqlite'))).toBe(false);
  });

  it('exits 1 with a message for a bad option', async () => {
    await new ReportAnnualCommand().run([], { year: 'last', format: 'html' });
    expect(process.exitCode).toBe(1);
    expect(err).toContain('--year must be a reporting year');
  });

  it('takes an --as-of after now as now, and the report says so', async () => {
    await createEventStore({ DATA_DIR: dataDir() }).close();
    const json = await produceAnnualReport({ year: '2019', format: 'json', asOf: '2099-01-01' }, process.env, new Date('2020-06-01T10:00:00Z'));
    expect(JSON.parse(json).asOf).toBe('2020-06-01T10:00:00.000Z');
  });

  it('exits 1 for a year that has not started yet, writing nothing', async () => {
    await createEventStore({ DATA_DIR: dataDir() }).close();
    const file = join(dataDir(), 'early.html');
    await new ReportAnnualCommand().run([], { year: '2100', format: 'html', out: file });
    expect(process.exitCode).toBe(1);
    expect(err).toMatch(/--year: reporting year 2100 starts on 2100-04-01, after today \(\d{4}-\d{2}-\d{2}\): there is nothing to report yet/);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 1 naming --as-of for an instant on a day that does not exist', async () => {
    const file = join(dataDir(), 'never.html');
    await new ReportAnnualCommand().run([], { year: '2019', format: 'html', out: file, asOf: '2020-02-30T10:00:00Z' });
    expect(process.exitCode).toBe(1);
    expect(err).toContain('--as-of must be an ISO 8601 instant');
    expect(out).not.toContain('wrote');
  });
});
