import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSsda903Return } from '../../libs/interchange/ssda903/import-ssda903-return';
import { config, liveOf, PUBLIC_FIXTURES, streamOf, temporaryStore, TestStore } from './import-test-store';

/**
 * The public fake SSDA903 tables (data-to-insight validator, MIT): random and inconsistent by
 * design. Read as the 2017-18 return (their episodes run to early 2018), today fixed.
 */
const FOLDER = join(PUBLIC_FIXTURES, 'ssda903-public');
const YEAR = { year: 2017, start: '2017-04-01', end: '2018-03-31' };
const TODAY = '2026-11-26';
const files = () => readdirSync(FOLDER).sort().map((name) => ({ name, content: readFileSync(join(FOLDER, name)) }));

// ---- an independent reading of the rules, on the raw rows ------------------------------

type Row = Record<string, string>;
function rows(name: string): Row[] {
  const [head, ...lines] = readFileSync(join(FOLDER, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  const columns = head.split(',');
  // the fixtures hold no quoted fields, so splitting on commas reads them exactly
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [columns[index], value.trim()])));
}
const iso = (text: string): string | null => {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])));
  return date.getUTCDate() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 ? `${match[3]}-${match[2]}-${match[1]}` : null;
};
const goodDate = (text: string): boolean => iso(text) !== null && iso(text)! <= TODAY;
const age = (dob: string, on: string): number => {
  const years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return on.slice(5) < dob.slice(5) ? years - 1 : years;
};
const plusMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
const ETHNIC = 'WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT'.split(' ');
const LS = 'C1 C2 D1 E1 J1 J2 J3 L1 L2 L3 V2 V3 V4'.split(' ');
const PLACE = 'A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1'.split(' ');
const TEMP = 'T0 T1 T2 T3 T4'.split(' ');
const REC = 'E11 E12 E13 E14 E15 E16 E17 E2 E3 E41 E45 E46 E47 E48 E4A E4B E5 E6 E7 E8 E9 X1'.split(' ');
const RPC = 'ALLEG APPRR CARPL CHILD CLOSE CREQB CREQO CUSTOD LAREQ OTHER PLACE STAND'.split(' ');
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The children of the fixtures whose every row passes every check, worked out from the rows alone. */
function childrenWithOnlyValidRows(): Set<string> {
  const bad = new Set<string>();
  const header = new Map<string, Row>();
  for (const row of rows('header.csv')) {
    const ok = ID.test(row.CHILD) && ['1', '2', 'M', 'F', 'U'].includes(row.SEX) && goodDate(row.DOB) && ETHNIC.includes(row.ETHNIC) &&
      ['', '0', '1'].includes(row.MOTHER) && (row.MC_DOB === '' || goodDate(row.MC_DOB)) && !header.has(row.CHILD);
    if (!ok) bad.add(row.CHILD);
    if (!header.has(row.CHILD)) header.set(row.CHILD, row);
  }
  const episodes = new Map<string, Row[]>();
  for (const row of rows('episodes.csv')) {
    const decom = iso(row.DECOM);
    const dec = row.DEC === '' ? null : iso(row.DEC);
    const provider = TEMP.includes(row.PLACE) || row.PLACE === 'Z1' ? row.PLACE_PROVIDER === '' : /^PR[0-5]$/.test(row.PLACE_PROVIDER);
    const ok = ID.test(row.CHILD) && decom !== null && decom <= TODAY && 'SPLTUB'.includes(row.RNE) && row.RNE.length === 1 &&
      LS.includes(row.LS) && /^N[1-8]$/.test(row.CIN) && PLACE.includes(row.PLACE) && provider &&
      (row.DEC === '' || (dec !== null && dec <= TODAY)) && (row.REC === '' || REC.includes(row.REC)) &&
      (row.REASON_PLACE_CHANGE === '' || RPC.includes(row.REASON_PLACE_CHANGE)) && (row.DEC === '') === (row.REC === '') &&
      decom <= YEAR.end && (dec === null || (dec >= decom && dec >= YEAR.start && dec <= YEAR.end));
    if (!ok) bad.add(row.CHILD);
    episodes.set(row.CHILD, [...(episodes.get(row.CHILD) ?? []), { ...row, decom: decom ?? '', dec: dec ?? '' }]);
  }
  const reviews = new Map<string, Row[]>();
  for (const row of rows('reviews.csv')) {
    if (!ID.test(row.CHILD) || !goodDate(row.DOB)) bad.add(row.CHILD);
    if (row.REVIEW === '' && row.REVIEW_CODE === '') continue;
    const on = iso(row.REVIEW);
    if (on === null || on > TODAY || on < YEAR.start || on > YEAR.end || !/^PN[0-7]$/.test(row.REVIEW_CODE)) bad.add(row.CHILD);
    reviews.set(row.CHILD, [...(reviews.get(row.CHILD) ?? []), { ...row, on: on ?? '' }]);
  }

  const everyone = new Set([...header.keys(), ...episodes.keys(), ...reviews.keys()]);
  for (const child of everyone) {
    if (bad.has(child)) continue;
    const dob = header.get(child) ? iso(header.get(child)!.DOB)! : null;
    const eps = [...(episodes.get(child) ?? [])].sort((a, b) => a.decom.localeCompare(b.decom));
    const revs = [...(reviews.get(child) ?? [])].sort((a, b) => a.on.localeCompare(b.on));
    if (dob === null) {
      if (eps.length + revs.length > 0) bad.add(child);
      continue;
    }
    const wrong = eps.some((e, i) => {
      const prev = eps[i - 1];
      const prev2 = eps[i - 2];
      const next = eps[i + 1];
      if (e.decom < dob || (prev && prev.decom === e.decom)) return true;
      if (!prev && e.RNE !== 'S' && e.decom >= YEAR.start) return true;
      if (prev) {
        if (prev.dec === '' || prev.dec > e.decom) return true;
        if (e.RNE === 'S' && prev.dec === e.decom) return true;
        if (e.RNE !== 'S' && prev.REC !== 'X1') return true;
        if (e.RNE !== 'S' && prev.dec !== e.decom) return true;
        if (e.RNE === 'L' && (e.PLACE !== prev.PLACE || e.URN !== prev.URN || e.PL_POST !== prev.PL_POST || e.LS === prev.LS)) return true;
        if (e.RNE !== 'S' && TEMP.includes(prev.PLACE) && prev2 && prev2.REC === 'X1' && prev2.dec === prev.decom && !TEMP.includes(prev2.PLACE) &&
          (e.RNE !== 'P' || e.PLACE !== prev2.PLACE)) return true;
      }
      const continuation = next && next.decom === e.dec && next.RNE !== 'S' ? next : null;
      if (e.RNE === 'S' && TEMP.includes(e.PLACE)) return true;
      if (e.REC === 'X1' && !continuation) return true;
      if (e.REC !== '' && e.REC !== 'X1' && TEMP.includes(e.PLACE)) return true;
      if (e.REASON_PLACE_CHANGE !== '' && (TEMP.includes(e.PLACE) || e.dec === '')) return true;
      if (continuation && 'PTUB'.includes(continuation.RNE) && !TEMP.includes(continuation.PLACE) && !TEMP.includes(e.PLACE) && e.REASON_PLACE_CHANGE === '') return true;
      return false;
    });
    const holidays = eps.filter((e) => e.PLACE === 'T3');
    const tooManyHolidays = holidays.some((e, i) => i >= 2 && e.decom < plusMonths(holidays[i - 2].decom, 12));
    const badReview = revs.some((r, i) => {
      const episode = eps.find((e) => e.decom <= r.on && (e.dec === '' || r.on <= e.dec));
      return (i > 0 && revs[i - 1].on === r.on) || iso(r.DOB) !== dob || !episode || ['V3', 'V4'].includes(episode.LS) ||
        (age(dob, r.on) < 4) !== (r.REVIEW_CODE === 'PN0');
    });
    if (wrong || tooManyHolidays || badReview) bad.add(child);
  }
  return new Set([...everyone].filter((child) => !bad.has(child)));
}

describe('the public fake SSDA903 files (random and inconsistent by design)', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('are refused with row-level errors, and nothing is appended', async () => {
    const report = await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2017 });
    expect(report.accepted).toBe(false);
    expect(report.events.appended).toBe(0);
    expect(await test.store.headPosition()).toBe(0);
    expect(report.issues.length).toBeGreaterThan(1000);
    for (const issue of report.issues) {
      expect(issue).toEqual({
        file: expect.stringMatching(/\.csv$/), row: expect.any(Number), column: expect.any(String), value: expect.any(String),
        rule: expect.stringMatching(/^[a-z0-9-]+$/), message: expect.any(String), childId: expect.any(String),
      });
      expect(issue.row).toBeGreaterThanOrEqual(2);
    }
    // rows and columns point at the file: the first episode row's temporary placement has a provider
    expect(report.issues).toContainEqual(expect.objectContaining({
      file: 'episodes.csv', row: 2, column: 'PLACE_PROVIDER', value: 'PR0', rule: 'dfe-178', childId: '566910',
    }));
    expect(report.files.filter((file) => file.imported).map((file) => file.recognisedAs).sort()).toEqual(['episodes', 'header', 'reviews']);
    expect(report.files.find((file) => file.file === 'sw_episodes.csv')).toMatchObject({ recognisedAs: 'socialWorkerEpisodes', imported: false });
  });

  it('with skipInvalidChildren import exactly the children whose rows are all valid', async () => {
    const expected = childrenWithOnlyValidRows();
    expect(expected.size).toBeGreaterThan(5);

    const report = await importSsda903Return(files(), { store: test.store, config, today: TODAY, year: 2017, skipInvalidChildren: true });
    expect(report.accepted).toBe(true);

    const imported = new Set<string>();
    for await (const event of test.store.readAll()) imported.add(event.stream.replace(/^child-/, ''));
    expect([...imported].sort()).toEqual([...expected].sort());
    expect(report.children.skipped.length + imported.size).toBe(report.children.total);
    expect(report.children.skipped.some((child) => expected.has(child))).toBe(false);

    const someone = [...expected][0];
    const events = liveOf(await streamOf(test.store, someone));
    expect(events[0].type).toBe('ChildRegistered');
  });
});
