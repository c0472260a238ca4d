import { readSsda903Return } from './read-ssda903-return';

const today = '2020-06-01';
const file = (name: string, text: string) => ({ name, content: Buffer.from(text, 'utf8') });
const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';
/** a table with its header row and no rows: a return holds every table, with rows or without */
const noRows = (name: string, headerRow: string) => file(name, `${headerRow}\n`);

describe('reading an SSDA903 return: files are recognised by their header row, not their name', () => {
  const header = `${HEADER}\nA1,1,01/02/2010,WBRI,,,\n`;
  const episodes = `${EPISODES}\nA1,01/05/2019,S,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,1234567\n`;
  const reviews = `${REVIEWS}\nA1,01/02/2010,20/05/2019,PN1\n`;

  it('recognises the header, episodes and reviews tables under shuffled file names', () => {
    const read = readSsda903Return(
      [file('reviews.csv', header), file('header.csv', episodes), file('episodes.csv', reviews)],
      { today, year: 2019 },
    );
    expect(read.files.map((summary) => [summary.file, summary.recognisedAs, summary.imported])).toEqual([
      ['episodes.csv', 'reviews', true],
      ['header.csv', 'episodes', true],
      ['reviews.csv', 'header', true],
    ]);
    expect(read.issues).toEqual([]);
    const child = read.children.get('A1')!;
    expect(child.header?.dateOfBirth).toBe('2010-02-01');
    expect(child.episodes.map((episode) => episode.decom)).toEqual(['2019-05-01']);
    expect(child.reviews.map((review) => review.heldOn)).toEqual(['2019-05-20']);
  });

  it('reads UTF-8 with a byte order mark and CRLF line endings', () => {
    const withBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const read = readSsda903Return([file('a.csv', withBom(header)), file('b.csv', withBom(episodes)), file('c.csv', withBom(reviews))], { today, year: 2019 });
    expect(read.files.map((summary) => summary.recognisedAs)).toEqual(['header', 'episodes', 'reviews']);
    expect(read.issues).toEqual([]);
    expect(read.children.get('A1')?.episodes).toHaveLength(1);
  });

  it('reports the other SSDA903 tables as recognised but not imported, and unknown files as not recognised', () => {
    const read = readSsda903Return(
      [
        file('header.csv', header),
        file('x.csv', 'CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/02/2010,M,01/06/2019,02/06/2019\n'),
        file('notes.csv', 'CHILD,DOB\nA1,01/02/2010\n'),
      ],
      { today, year: 2019 },
    );
    expect(read.files).toEqual([
      { file: 'header.csv', recognisedAs: 'header', imported: true, rows: 1 },
      { file: 'notes.csv', recognisedAs: null, imported: false, rows: 1, note: 'header row not an SSDA903 table' },
      { file: 'x.csv', recognisedAs: 'missing', imported: false, rows: 1, note: 'recognised, not imported' },
    ]);
  });

  it('does not recognise a header row with the columns in another order, and refuses it as nearly the table', () => {
    const read = readSsda903Return([file('header.csv', 'SEX,CHILD,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,A1,01/02/2010,WBRI,,,\n')], { today, year: 2019 });
    expect(read.files[0].recognisedAs).toBeNull();
    expect(read.issues.map((issue) => [issue.file, issue.rule, issue.value])).toEqual([
      ['', 'table-missing', 'episodes'], ['', 'table-missing', 'reviews'], ['header.csv', 'table-header-not-exact', 'SEX,CHILD,DOB,ETHNIC,UPN,MOTHER,MC_DOB'],
    ]);
  });

  it('refuses an imported table whose header row has an extra or empty column, rather than leave its rows out unseen', () => {
    for (const reviewsHeader of ['CHILD,DOB,REVIEW,REVIEW_CODE,', 'CHILD,DOB,REVIEW,REVIEW_CODE,NOTES']) {
      const read = readSsda903Return(
        [file('header.csv', header), noRows('episodes.csv', EPISODES), file('reviews.csv', `${reviewsHeader}\nA1,01/02/2010,20/11/2019,PN1,\n`)],
        { today, year: 2019 },
      );
      expect(read.issues).toEqual([
        expect.objectContaining({ file: 'reviews.csv', row: 1, rule: 'table-header-not-exact', value: reviewsHeader }),
      ]);
      expect(read.issues[0].message).toContain("reviews table's columns");
    }
  });

  it('refuses a return without its episodes or reviews table: read as the whole of its year, it would void them all', () => {
    const read = readSsda903Return([file('h.csv', header), file('e.csv', episodes)], { today, year: 2019 });
    expect(read.issues.map((issue) => [issue.rule, issue.value])).toEqual([['table-missing', 'reviews']]);
    expect(read.issues[0].message).toContain('would void every review recorded for it');
  });

  it('refuses an episodes table with a column missing as nearly the table, not as a file passed over', () => {
    const withoutUrn = EPISODES.replace(',URN', '');
    const read = readSsda903Return([file('h.csv', header), file('e.csv', `${withoutUrn}\nA1,01/05/2019,S,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB\n`), file('r.csv', reviews)], { today, year: 2019 });
    expect(read.issues.map((issue) => [issue.file, issue.rule])).toEqual([['e.csv', 'table-header-not-exact']]);
    expect(read.issues[0].message).toContain("episodes table's columns");
  });

  it('refuses two files holding the same table', () => {
    const read = readSsda903Return([file('a.csv', header), file('b.csv', header), noRows('e.csv', EPISODES), noRows('r.csv', REVIEWS)], { today, year: 2019 });
    expect(read.issues.map((issue) => [issue.file, issue.rule])).toEqual([['b.csv', 'duplicate-table']]);
  });

  it('accepts SEX as 1/2 and as M/F/U', () => {
    const read = readSsda903Return(
      [
        file('h.csv', `${HEADER}\nA1,1,01/02/2010,WBRI,,,\nA2,F,01/02/2010,WBRI,,,\nA3,U,01/02/2010,WBRI,,,\nA4,3,01/02/2010,WBRI,,,\n`),
        noRows('e.csv', EPISODES), noRows('r.csv', REVIEWS),
      ],
      { today, year: 2019 },
    );
    expect(['A1', 'A2', 'A3'].map((id) => read.children.get(id)?.header?.sex)).toEqual(['male', 'female', 'unknown']);
    expect(read.issues).toEqual([
      { file: 'h.csv', row: 5, column: 'SEX', value: '3', rule: 'code-not-valid', message: expect.any(String), childId: 'A4' },
    ]);
  });

  it('lists the issues file by file, row by row', () => {
    const read = readSsda903Return(
      [file('h.csv', header), file('e.csv', episodes), file('r.csv', `${REVIEWS}\nA1,01/02/2010,20/05/2019,\nA1,01/02/2010,21/05/2019,\nA1,01/02/2010,22/05/2019,\n`)],
      { today, year: 2019 },
    );
    expect(read.issues.map((issue) => [issue.file, issue.row])).toEqual([['r.csv', 2], ['r.csv', 3], ['r.csv', 4]]);
  });

  it('reports each failing field with its file, line, column, value and rule', () => {
    const read = readSsda903Return(
      [file('h.csv', header), file('e.csv', `${EPISODES}\nA1,31/02/2019,S,C9,N1,U4,PR1,,,,,,\n`), noRows('r.csv', REVIEWS)],
      { today, year: 2019 },
    );
    expect(read.issues.map(({ file: name, row, column, value, rule }) => ({ name, row, column, value, rule }))).toEqual([
      { name: 'e.csv', row: 2, column: 'DECOM', value: '31/02/2019', rule: 'date-format' },
      { name: 'e.csv', row: 2, column: 'LS', value: 'C9', rule: 'code-not-valid' },
    ]);
    expect([...read.invalidChildren]).toEqual(['A1']);
  });

  it('infers the collection year from the latest episode date when it is not given', () => {
    const read = readSsda903Return([file('h.csv', header), file('e.csv', episodes.replace('01/05/2019', '01/03/2020'))], { today });
    expect(read.year).toEqual({ year: 2019, start: '2019-04-01', end: '2020-03-31' });
  });
});
