import request from 'supertest';
import { requestAs } from '../../../test/support/auth';
import { ApiUnderTest, startApi } from '../../../test/e2e/api-under-test';
import { ISSUES_LISTED } from './import-answer';
import { UPLOAD_LIMITS } from './upload-limits';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,14/06/2012,WBRI,,,\n';
const EPISODES =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
  'A1,06/01/2020,S,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,1234567\n';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,14/06/2012,30/01/2020,PN1\n';
const CENSUS = `<Message><Header><CollectionDetails><ReferenceDate>2020-03-31</ReferenceDate></CollectionDetails></Header><Children>
<Child><ChildIdentifiers><LAchildID>B1</LAchildID><PersonBirthDate>2015-02-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
<CINdetails><Section47><S47ActualStartDate>2019-12-02</S47ActualStartDate><DateOfInitialCPC>2019-12-16</DateOfInitialCPC></Section47>
<ChildProtectionPlans><CPPstartDate>2019-12-16</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child>
</Children></Message>`;

describe('POST /imports/ssda903 and /imports/cin (admin only, multipart)', () => {
  let api: ApiUnderTest;
  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(() => api.destroy());

  const upload903 = (episodes = EPISODES) =>
    api.http().post('/imports/ssda903')
      .attach('files', Buffer.from(HEADER), 'a.csv')
      .attach('files', Buffer.from(episodes), 'b.csv')
      .attach('files', Buffer.from(REVIEWS), 'c.csv')
      .field('year', '2019');

  it('imports a return and answers with the report; the same files again append nothing', async () => {
    const response = await upload903();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      source: 'ssda903', collectionYears: [2019], accepted: true, issues: [],
      children: { total: 1, imported: 1 }, events: { appended: 3, voided: 0 },
    });
    expect(await api.eventCount()).toBe(3);
    const again = await upload903();
    expect(again.body.events).toEqual({ appended: 0, voided: 0 });
    expect(await api.eventCount()).toBe(3);
  });

  it('refuses a return with an invalid row: 422 with the row-level report, nothing appended', async () => {
    const response = await upload903(EPISODES.replace('S,C2', 'S,C9'));
    expect(response.status).toBe(422);
    expect(response.body.accepted).toBe(false);
    expect(response.body.issues).toEqual([
      { file: 'b.csv', row: 2, column: 'LS', value: 'C9', rule: 'code-not-valid', message: expect.any(String), childId: 'A1' },
    ]);
    expect(await api.eventCount()).toBe(0);
  });

  it('given both imports, then the document gives the schema of their 200 and 422 reports and lists their 411 and 413', async () => {
    const refused = await upload903(EPISODES.replace('S,C2', 'S,C9'));
    const accepted = await upload903();
    const { paths, components } = (await request(api.app.getHttpServer()).get('/docs-json')).body;
    type Schema = { properties?: Record<string, { $ref?: string; items?: { $ref?: string } }>; $ref?: string };
    const schemaOf = (ref: string | undefined): Schema => components.schemas[String(ref).replace('#/components/schemas/', '')];
    const undocumented = (value: Record<string, unknown>, schema: Schema, at: string): string[] =>
      Object.entries(value).flatMap(([key, field]) => {
        const property = schema?.properties?.[key];
        if (property === undefined) return [`${at}${key}`];
        const nested = property.$ref ?? property.items?.$ref;
        const first = Array.isArray(field) ? field[0] : field;
        return nested && first !== null && typeof first === 'object' ? undocumented(first as Record<string, unknown>, schemaOf(nested), `${at}${key}.`) : [];
      });
    for (const path of ['/imports/ssda903', '/imports/cin']) {
      const { responses } = paths[path].post;
      expect({ path, answers: Object.keys(responses).sort() }).toEqual({ path, answers: ['200', '400', '401', '403', '411', '413', '422', '429'] });
      for (const [status, answer] of [['200', accepted], ['422', refused]] as const) {
        const schema = schemaOf(responses[status].content?.['application/json']?.schema?.$ref);
        expect({ path, status, undocumented: undocumented(answer.body, schema, '') }).toEqual({ path, status, undocumented: [] });
      }
    }
  });

  it('answers 400 without files or with a malformed flag', async () => {
    const response = await api.http().post('/imports/ssda903').field('dryRun', 'maybe');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['dryRun', 'files']);
  });

  it('given a file in a field the import does not take, then the 400 says so in its errors, with the message of every 400', async () => {
    const response = await api.http().post('/imports/cin').attach('file', Buffer.from(CENSUS), 'a.xml').attach('file', Buffer.from(CENSUS), 'b.xml');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400, error: 'Bad Request', message: 'The request is malformed; see errors.',
      errors: [{ field: 'request', messages: [expect.stringMatching(/^Unexpected file field - file: attach the file\(s\) as multipart field "file"/)] }],
    });
    expect(await api.eventCount()).toBe(0);
  });

  it('imports a CIN census file, and a dry run appends nothing', async () => {
    const dry = await api.http().post('/imports/cin').attach('file', Buffer.from(CENSUS), 'cin.xml').field('dryRun', 'true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ source: 'cin', dryRun: true, accepted: true, events: { appended: 2 } });
    expect(await api.eventCount()).toBe(0);
    const real = await api.http().post('/imports/cin').attach('file', Buffer.from(CENSUS), 'cin.xml');
    expect(real.body.events.appended).toBe(2);
    expect(await api.eventCount()).toBe(2);
  });

  it('is refused to every role but admin', async () => {
    for (const role of ['iro', 'manager', 'panel', 'auditor'] as const) {
      const response = await requestAs(api.app, role).post('/imports/ssda903').attach('files', Buffer.from(HEADER), 'a.csv');
      expect(response.status).toBe(403);
    }
    expect(await api.eventCount()).toBe(0);
  });

  it('refuses unknown form fields, prototype keys and bad or repeated values with 400 naming each', async () => {
    const unknown = await api.http().post('/imports/ssda903')
      .attach('files', Buffer.from(HEADER), 'a.csv')
      .field('__proto__', '1').field('constructor', '1').field('bogus', '1').field('a[b]', '1').field('dryRun', 'true');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual(
      ['__proto__', 'a', 'bogus', 'constructor'].map((field) => ({ field, messages: [expect.stringMatching(new RegExp(`^${field} is not a field of this request`))] })),
    );
    const bad = await api.http().post('/imports/ssda903')
      .attach('files', Buffer.from(HEADER), 'a.csv')
      .field('year', '2019x').field('skipInvalidChildren', 'yes').field('dryRun', 'true').field('dryRun', 'false');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['dryRun', 'skipInvalidChildren', 'year']);
    const cin = await api.http().post('/imports/cin').attach('file', Buffer.from(CENSUS), 'cin.xml').field('toString', 'x');
    expect(cin.status).toBe(400);
    expect(cin.body.errors).toEqual([{ field: 'toString', messages: [expect.stringMatching(/^toString is not a field of this request/)] }]);
    expect(await api.eventCount()).toBe(0);
  });

  it(`lists at most ${ISSUES_LISTED} issues in the answer, with the total and where to get them all`, async () => {
    const rows = Array.from({ length: ISSUES_LISTED + 500 }, (_, i) => `K1,02/03/2015,${String((i % 28) + 1).padStart(2, '0')}/10/2019,PN1`);
    const response = await api.http().post('/imports/ssda903')
      .attach('files', Buffer.from(HEADER), 'a.csv')
      .attach('files', Buffer.from(`${EPISODES.split('\n')[0]}\n`), 'b.csv')
      .attach('files', Buffer.from(`CHILD,DOB,REVIEW,REVIEW_CODE\n${rows.join('\n')}\n`), 'c.csv')
      .field('dryRun', 'true');
    expect(response.status).toBe(422);
    expect(response.body.issues).toHaveLength(ISSUES_LISTED);
    expect(response.body.issueCount).toBeGreaterThanOrEqual(ISSUES_LISTED + 500);
    expect(response.body.issuesNote).toMatch(/^The first 1000 of \d+ issues \(and of \d+ children skipped\) are listed.*iro import ssda903/);
  });

  it('refuses a file over the per-file limit (413) and an upload over the total limit before reading it', async () => {
    const tooBig = Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1, 'a');
    const one = await api.http().post('/imports/ssda903').attach('files', tooBig, 'big.csv');
    expect(one.status).toBe(413);
    expect(one.body.message).toMatch(/^File too large: at most 20 MB per file, 32 MB in all and 20 files\.$/);
    // a declared length over the total is refused from the headers alone
    const total = await api.http().post('/imports/ssda903')
      .set('Content-Type', 'multipart/form-data; boundary=x').set('Content-Length', String(UPLOAD_LIMITS.totalBytes + 1));
    expect(total.status).toBe(413);
    expect(total.body.message).toBe('The upload is too large: at most 20 MB per file, 32 MB in all and 20 files.');
    expect(await api.eventCount()).toBe(0);
  });
});
