import { spawnSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { computeAnnualReport } from '../../../src/reporting/annual-report';
import { collectReportFacts } from '../../../src/reporting/fold-report-facts';
import { renderReport } from '../../../libs/reporting/render-report';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { councilHistory } from './council-history';
import { skippedSuite } from '../../support/skipped-suite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SUITE = 'the HTML report in headless Chromium';

/** Opens the board's HTML report in headless Chromium, offline, and reads back what it drew. */
if (!haveChromium) {
  skippedSuite(SUITE, `no Chromium at ${CHROMIUM}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH; CI installs it.`);
} else describe(SUITE, () => {
  const dir = makeTempFolder('iro-report-chromium-');
  let dom: string;

  beforeAll(async () => {
    const report = computeAnnualReport(collectReportFacts(councilHistory().events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, generatedAt: '2020-06-01T00:00:00.000Z',
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderReport(report, 'html', DEFAULT_LOCAL_AUTHORITY_CONFIG.disclosureThreshold));
    const result = spawnSync(
      CHROMIUM,
      [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', pathToFileURL(file).href,
      ],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.status !== 0) throw new Error(`chromium exited ${result.status}: ${result.stderr}`);
    dom = result.stdout;
  }, 120_000);

  afterAll(() => removeTempFolder(dir));

  it('shows the headline figures with last year beside them', () => {
    expect(dom).toContain('<tr data-figure="cla.atYearEnd"><td>Children in our care on 31 March</td><td class="now">12</td><td class="before">6</td><td>6</td></tr>');
    expect(dom).toMatch(/data-figure="reviews.inTimescalePercent"><td>[^<]+<\/td><td class="now">44<\/td>/);
    expect(dom).toMatch(/data-figure="challenges.mostCommonHighestStage"><td>[^<]+<\/td><td class="now">3<\/td>/);
  });

  it('draws every chart as SVG with marks', () => {
    for (const id of ['reviews-in-timescale', 'cp-timeliness', 'challenges-by-category', 'challenges-by-highest-stage']) {
      const chart = dom.split(`id="chart-${id}"`)[1]?.split('</figure>')[0] ?? '';
      expect(chart).toContain('<svg');
      const bars = chart.match(/<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
      expect(bars).toMatch(/<path [^>]*d="M[^"]+"/);
      expect(chart).toMatch(/class="mark-text role-mark/);
    }
  });

  it('asks the network for nothing', () => {
    expect(dom).not.toMatch(/<script|<link|<img|(src|href)="https?:/i);
  });
});
