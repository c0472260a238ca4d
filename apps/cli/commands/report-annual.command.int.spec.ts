import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { ReportAnnualCommand } from './report-annual.command';

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
    const file = join(dataDir(), 'report.html');
    await new ReportAnnualCommand().run([], { year: '2019', format: 'html', out: file, asOf: '2020-04-30T00:00:00Z' });
    expect(process.exitCode).toBeUndefined();
    expect(out).toContain(`wrote the html report for 2019 to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain("Independent Reviewing Officers' annual report 2019/20");
    expect(html).toContain('as of 2020-04-30T00:00:00.000Z');
  });

  it('exits 1 with a message for a bad option', async () => {
    await new ReportAnnualCommand().run([], { year: 'last', format: 'html' });
    expect(process.exitCode).toBe(1);
    expect(err).toContain('--year must be a reporting year');
  });
});
