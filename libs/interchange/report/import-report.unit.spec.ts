import { ImportReport, summariseReport } from './import-report';

const report = (accepted: boolean): ImportReport => ({
  source: 'ssda903',
  collectionYears: [2019],
  dryRun: false,
  skipInvalidChildren: false,
  accepted,
  files: [
    { file: 'header.csv', recognisedAs: 'header', imported: true, rows: 3 },
    { file: 'missing.csv', recognisedAs: 'missing', imported: false, rows: 1, note: 'recognised, not imported' },
  ],
  rows: 4,
  children: { total: 3, imported: accepted ? 3 : 0, unchanged: 0, skipped: accepted ? [] : ['A2'] },
  events: { appended: accepted ? 9 : 0, voided: 0 },
  issues: [],
  warnings: [],
});

describe('summariseReport', () => {
  it('says what was imported when the import was accepted', () => {
    expect(summariseReport(report(true)).split('\n')).toEqual([
      'ssda903 2019-20: accepted',
      '  header.csv: header, 3 rows, imported',
      '  missing.csv: missing, 1 rows, not imported (recognised, not imported)',
      '  rows 4, children 3: 3 with new events, 0 unchanged, 0 skipped',
      '  events appended 9 (of which voids 0)',
      '  issues 0',
    ]);
  });

  it('says nothing was imported when it was refused: files read, children with issues, not "imported" or "skipped"', () => {
    const lines = summariseReport(report(false)).split('\n');
    expect(lines[0]).toBe('ssda903 2019-20: refused');
    expect(lines[1]).toBe('  header.csv: header, 3 rows, read');
    expect(lines[3]).toBe('  rows 4, children 3: 1 with issues; nothing imported');
  });
});
