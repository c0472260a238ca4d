import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { AnnualReport, computeAnnualReport } from '../../src/reporting/annual-report';
import { collectReportFacts } from '../../src/reporting/fold-report-facts';
import { ReportHistory } from '../../src/reporting/testing/report-history';
import { applyDisclosureControl, SUPPRESSED } from './disclosure-control';
import { renderReport } from './render-report';

/** 8 children in care at year end (3 boys, 5 girls), 8 reviews (6 in time), 2 challenges. */
function report(): AnnualReport {
  const h = new ReportHistory();
  for (let i = 0; i < 8; i += 1) {
    h.registerChild(`c${i}`, { dateOfBirth: '2010-01-01', sex: i < 3 ? 'male' : 'female' });
    h.startCare(`c${i}`, '2019-01-02');
    h.holdReview(`c${i}`, i < 6 ? '2019-01-20' : '2019-02-20', { reviewId: `old${i}` });
    h.holdReview(`c${i}`, i < 6 ? '2019-04-10' : '2019-06-10', { reviewId: `r${i}` });
  }
  h.raiseChallenge('x', ['c0'], '2019-06-01', 'drift-and-delay');
  h.escalateChallenge('x', '2019-06-10', 1, 3);
  h.raiseChallenge('y', ['c1'], '2019-07-01', 'placement');
  return computeAnnualReport(collectReportFacts(h.events), {
    year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf: '2020-05-01T00:00:00.000Z', generatedAt: '2020-05-02T00:00:00.000Z',
  });
}

describe('disclosure control', () => {
  const published = applyDisclosureControl(report(), 5);

  it('shows a count from 1 to the threshold as c, and 0 and larger counts as they are', () => {
    expect(published.figures['cla.atYearEnd'].value).toBe(8);
    expect(published.figures['cla.atYearEnd.bySex'].value).toEqual({ male: SUPPRESSED, female: SUPPRESSED, unknown: 0 });
    expect(published.figures['challenges.raised'].value).toBe(SUPPRESSED);
    expect(published.figures['cla.atYearEnd'].previousYear.value).toBe(8);
  });

  it('withholds a percent or rate built on a suppressed count, and the change from or to it', () => {
    expect(published.figures['reviews.inTimescalePercent']).toMatchObject({ value: 75, numerator: 6, denominator: 8 });
    expect(published.figures['cla.ratePer10k']).toMatchObject({ value: 2.4, numerator: 8, denominator: 32751 });
    expect(published.figures['cla.atYearEnd.interimCareOrderPercent']).toMatchObject({ value: 0, numerator: 0 });
    expect(published.figures['challenges.resolvedPercent']).toMatchObject({ value: SUPPRESSED, denominator: SUPPRESSED });
    expect(published.figures['challenges.byCategory'].percent).toMatchObject({ 'drift-and-delay': SUPPRESSED, health: SUPPRESSED });
    expect(published.figures['challenges.raised'].change).toBe(SUPPRESSED);
  });

  it('withholds the mean caseload when a caseload it is built on shows as c', () => {
    const h = new ReportHistory();
    for (let i = 0; i < 10; i += 1) {
      h.registerChild(`k${i}`, { dateOfBirth: '2010-05-01' });
      h.startCare(`k${i}`, '2018-06-03');
      // in 2018/19 iro-1 has all 10; in 2019/20 iro-1 keeps 7 and iro-2 takes 3
      h.allocateIro(`k${i}`, '2018-06-03', 'iro-1');
      if (i >= 7) h.allocateIro(`k${i}`, '2019-09-01', 'iro-2');
    }
    const exact = computeAnnualReport(collectReportFacts(h.events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf: null, generatedAt: '2020-05-02T00:00:00.000Z',
    });
    expect(exact.figures['iro.meanCaseloadAtYearEnd']).toMatchObject({ value: 5, previousYear: { value: 10 } });
    const mean = applyDisclosureControl(exact, 5).figures['iro.meanCaseloadAtYearEnd'];
    expect(mean).toMatchObject({ value: SUPPRESSED, previousYear: { value: 10 }, change: SUPPRESSED });
    expect(applyDisclosureControl(exact, 2).figures['iro.meanCaseloadAtYearEnd']).toMatchObject({ value: 5, change: -5 });
  });

  it('withholds the mean caseload of a single IRO whose caseload shows as c', () => {
    const h = new ReportHistory();
    for (let i = 0; i < 3; i += 1) {
      h.registerChild(`k${i}`, { dateOfBirth: '2010-05-01' });
      h.startCare(`k${i}`, '2019-06-03');
      h.allocateIro(`k${i}`, '2019-06-03', 'iro-1');
    }
    const exact = computeAnnualReport(collectReportFacts(h.events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf: null, generatedAt: '2020-05-02T00:00:00.000Z',
    });
    const published = applyDisclosureControl(exact, 5).figures;
    expect(published['iro.caseloadsAtYearEnd'].value).toEqual({ 'iro-1': SUPPRESSED });
    expect(published['iro.meanCaseloadAtYearEnd'].value).toBe(SUPPRESSED);
    expect(published['iro.aboveHandbookRange'].value).toBe(0);
  });

  it('publishes no ids and explains c in a legend', () => {
    expect(JSON.stringify(published)).not.toContain('"ids"');
    expect(published.legend).toMatch(/^c = a count from 1 to 5/);
  });

  it('honours the configured threshold', () => {
    expect(applyDisclosureControl(report(), 2).figures['challenges.raised'].value).toBe(SUPPRESSED);
    expect(applyDisclosureControl(report(), 1).figures['challenges.raised'].value).toBe(2);
  });
});

describe('report formats', () => {
  it('keeps the JSON exact and marked not for publication', async () => {
    const json = JSON.parse(await renderReport(report(), 'json', 5));
    expect(json).toMatchObject({ year: 2019, notForPublication: true, asOf: '2020-05-01T00:00:00.000Z' });
    expect(json.figures['challenges.raised']).toMatchObject({ value: 2, ids: ['x', 'y'] });
  });

  it('marks a report whose year had not ended by its instant as provisional, in every format', async () => {
    const early = { ...report(), asOf: '2020-03-31T22:59:59.999Z', yearEnded: false };
    expect(JSON.parse(await renderReport(early, 'json', 5))).toMatchObject({ yearEnded: false });
    const note = 'Provisional: the reporting year ends on 2020-03-31, after this report';
    for (const format of ['csv', 'md', 'html'] as const) expect(await renderReport(early, format, 5)).toContain(note);
    for (const format of ['csv', 'md', 'html'] as const) expect(await renderReport(report(), format, 5)).not.toContain('Provisional');
  });

  it('writes csv with one row per figure and key, suppressed, with the legend', async () => {
    const csv = await renderReport(report(), 'csv', 5);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('figure,label,key,year,value,numerator,denominator,percent,previous_value,previous_percent,change,note');
    expect(lines).toContain('cla.atYearEnd,Children in our care on 31 March,,2019/20,8,,,,8,,0,');
    expect(lines).toContain('challenges.raised,IRO challenges raised,,2019/20,c,,,,0,,c,');
    expect(lines).toContain('cla.atYearEnd.bySex,"Children in our care on 31 March, by sex",male,2019/20,c,,,,c,,c,');
    expect(csv).toMatch(/legend,"c = a count from 1 to 5/);
  });

  it('writes markdown tables per family with the legend', async () => {
    const md = await renderReport(report(), 'md', 5);
    expect(md).toContain("# Independent Reviewing Officers' annual report 2019/20");
    expect(md).toContain('| Reviews held in timescale (%) | 75 | 75 | 0 |');
    expect(md).toContain('| Children in our care on 31 March | 8 | 8 | 0 |');
    expect(md).toContain('| IRO challenges raised | c | 0 | c |');
    expect(md).toContain('*c = a count from 1 to 5');
  });

  it('writes one self-contained HTML file with the headline figures and four charts drawn as inline SVG', async () => {
    const html = await renderReport(report(), 'html', 5);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('<tr data-figure="cla.atYearEnd"><td>Children in our care on 31 March</td><td class="now">8</td><td class="before">8</td>');
    const charts = html.match(/<figure class="chart" id="chart-[a-z-]+">/g) ?? [];
    expect(charts).toHaveLength(4);
    for (const id of ['reviews-in-timescale', 'cp-timeliness', 'challenges-by-category', 'challenges-by-highest-stage']) {
      const figure = html.split(`id="chart-${id}"`)[1].split('</figure>')[0];
      expect(figure).toContain('<svg');
      expect(figure).toMatch(/class="mark-rect role-mark/);
    }
  });
});

describe('report instants and years', () => {
  const { parseReportInstant, parseReportYear } = jest.requireActual('./report-instant') as typeof import('./report-instant');

  it('reads an ISO instant into the store format, and a bare date as the end of that day', () => {
    expect(parseReportInstant('2020-04-30T10:00:00+01:00')).toBe('2020-04-30T09:00:00.000Z');
    expect(parseReportInstant('2020-04-30')).toBe('2020-04-30T22:59:59.999Z'); // BST: the UK's day ends at 23:00 UTC
    expect(parseReportInstant('2020-03-31')).toBe('2020-03-31T22:59:59.999Z');
    expect(parseReportInstant('2020-01-31')).toBe('2020-01-31T23:59:59.999Z');
    expect(parseReportInstant('2020-03-28')).toBe('2020-03-28T23:59:59.999Z'); // the day before the clocks go forward
    expect(parseReportInstant('2020-10-24')).toBe('2020-10-24T22:59:59.999Z'); // the day before they go back
    expect(parseReportInstant('2020-02-30')).toBeUndefined();
    expect(parseReportInstant('yesterday')).toBeUndefined();
    expect(parseReportInstant('2020-04-30T10:00:00')).toBeUndefined();
  });

  it('refuses an instant whose date or time does not exist, rather than move it to another day', () => {
    for (const text of [
      '2020-02-30T10:00:00Z', '2021-02-29T00:00:00Z', '2019-11-31T09:00:00Z', '2020-04-31T00:00:00+01:00',
      '2020-13-01T00:00:00Z', '2020-00-10T00:00:00Z', '2020-01-00T00:00:00Z', '2020-01-01T24:00:00Z',
      '2020-01-01T10:60:00Z', '2020-01-01T10:00:61Z', '2020-01-01T10:00:00+24:00',
    ]) {
      expect([text, parseReportInstant(text)]).toEqual([text, undefined]);
    }
    expect(parseReportInstant('2020-02-29T23:30:00-01:00')).toBe('2020-03-01T00:30:00.000Z');
    expect(parseReportInstant('2020-02-29T10:00:00.5Z')).toBe('2020-02-29T10:00:00.500Z');
  });

  it('reads a reporting year of four digits', () => {
    expect(parseReportYear('2019')).toBe(2019);
    expect(parseReportYear('19')).toBeUndefined();
    expect(parseReportYear('1999')).toBeUndefined();
  });
});

describe('a report keyed by ids every object has', () => {
  it('renders in every format when an IRO is called constructor or __proto__', async () => {
    const h = new ReportHistory();
    for (const [i, iroId] of ['constructor', '__proto__', 'toString', 'iro-1', 'iro-1', 'iro-1', 'iro-1', 'iro-1'].entries()) {
      h.registerChild(`c${i}`, { dateOfBirth: '2010-01-01' });
      h.startCare(`c${i}`, '2019-01-02');
      h.allocateIro(`c${i}`, '2019-01-02', iroId);
    }
    const odd = computeAnnualReport(collectReportFacts(h.events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf: null, generatedAt: '2020-05-02T00:00:00.000Z',
    });
    for (const format of ['json', 'csv', 'md', 'html'] as const) {
      const body = await renderReport(odd, format, 5);
      expect(body).toContain('constructor');
      expect(body).toContain('__proto__');
    }
  });
});

describe('breakdown rows in the published formats', () => {
  /**
   * 6 White British children in care both years (iro-1), 6 Gypsy/Roma children this year
   * only (iro-2), 6 children whose ethnicity is not yet obtained last year only (iro-3),
   * registered in an order that is not the order of their keys.
   */
  function twoYears(): AnnualReport {
    const h = new ReportHistory();
    for (let i = 0; i < 6; i += 1) {
      h.registerChild(`a${i}`, { dateOfBirth: '2010-01-01', ethnicity: 'WROM' });
      h.startCare(`a${i}`, '2019-06-03', { placementType: 'P1' });
      h.allocateIro(`a${i}`, '2019-06-03', 'iro-2');
      h.registerChild(`b${i}`, { dateOfBirth: '2010-01-01', ethnicity: 'WBRI' });
      h.startCare(`b${i}`, '2018-06-04');
      h.allocateIro(`b${i}`, '2018-06-04', 'iro-1');
      h.registerChild(`c${i}`, { dateOfBirth: '2010-01-01', ethnicity: 'NOBT' });
      h.startCare(`c${i}`, '2018-06-04');
      h.allocateIro(`c${i}`, '2018-06-04', 'iro-3');
      h.endCare(`c${i}`, '2019-05-01', 'E41');
    }
    return computeAnnualReport(collectReportFacts(h.events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf: null, generatedAt: '2020-05-02T00:00:00.000Z',
    });
  }

  it('come in a stable order (listed keys first, then sorted), a key of only one year in its sorted place', async () => {
    const csv = (await renderReport(twoYears(), 'csv', 5)).split('\r\n');
    const keysOf = (id: string) => csv.filter((line) => line.startsWith(`${id},`)).map((line) => /^[^,]+,(?:"[^"]*"|[^,]*),([^,]*),/.exec(line)?.[1]);
    expect(keysOf('cla.atYearEnd.byEthnicity')).toEqual(['NOBT', 'WBRI', 'WROM']);
    expect(keysOf('iro.caseloadsAtYearEnd')).toEqual(['iro-1', 'iro-2', 'iro-3']);
    const md = await renderReport(twoYears(), 'md', 5);
    const ethnicity = md.split('### Children in our care on 31 March, by ethnicity')[1].split('###')[0];
    expect(ethnicity.indexOf('NOBT')).toBeLessThan(ethnicity.indexOf('WBRI'));
    expect(ethnicity.indexOf('WBRI')).toBeLessThan(ethnicity.indexOf('WROM'));
  });

  it('show no change for a key one of the two years does not have', async () => {
    const csv = (await renderReport(twoYears(), 'csv', 5)).split('\r\n');
    expect(csv).toContain('iro.caseloadsAtYearEnd,IRO caseloads on 31 March,iro-2,2019/20,6,,,,,,,');
    expect(csv).toContain('iro.caseloadsAtYearEnd,IRO caseloads on 31 March,iro-1,2019/20,6,,,,6,,0,');
    const md = await renderReport(twoYears(), 'md', 5);
    expect(md).toContain('| iro-2 | 6 | – | – |');
    expect(md).toContain('| iro-3 | – | 6 | – |');
  });

  it('name SSDA903 codes and groups in words, with the code beside, in the board HTML and the markdown', async () => {
    const html = await renderReport(twoYears(), 'html', 5);
    for (const text of ['White British (WBRI)', 'Gypsy/Roma (WROM)', 'Information not yet obtained (NOBT)', 'Placed with parents',
      'Under 1', '16 and over', 'Residence order or child arrangements order (E41)', 'Child does not attend, nor are views conveyed (PN7)',
      'Neglect (NEG)', 'Drift and delay', 'Stage 3', 'Cafcass']) {
      expect([text, html.includes(text)]).toEqual([text, true]);
    }
    for (const key of ['>placedWithParents<', '>childrensHomes<', '>under1<', '>WBRI<', '>E41<', '>PN0<', '>drift-and-delay<']) {
      expect([key, html.includes(key)]).toEqual([key, false]);
    }
    const md = await renderReport(twoYears(), 'md', 5);
    expect(md).toContain('| White British (WBRI) | 6 | 6 | 0 |');
    expect(md).toContain('| Placed with parents | 6 |');
  });
});

describe('the markdown report', () => {
  it('states the instant it was produced, as the csv and html do, so that it can be produced again with asOf', async () => {
    const everything = { ...report(), asOf: null };
    const md = await renderReport(everything, 'md', 5);
    expect(md).toContain('As of everything recorded');
    expect(md).toContain('Produced 2020-05-02T00:00:00.000Z');
    expect(await renderReport(everything, 'csv', 5)).toContain('generated,2020-05-02T00:00:00.000Z');
    expect(await renderReport(everything, 'html', 5)).toContain('produced 2020-05-02T00:00:00.000Z');
  });
});
