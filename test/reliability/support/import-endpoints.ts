import fc from 'fast-check';
import { isCalendarDate } from '../../../src/calendar/calendar-date';
import { LEGAL_STATUSES, PLACEMENT_TYPES } from '../../../src/events/codes';
import { CommandEndpoint, GeneratedRequest, MultipartBody } from './command-endpoints';

/**
 * The two import endpoints (multipart, admin only), described as the command endpoints
 * are: malformed uploads (400) and returns that break the DfE's rules (422, the report
 * listing each issue, nothing appended).
 */
const HEADER_ROW = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES_ROW = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS_ROW = 'CHILD,DOB,REVIEW,REVIEW_CODE';
/** a child's return that imports cleanly, given its episode's legal status, placement and start */
const ssda903Files = (ls: string, place: string, decom: string): MultipartBody['files'] => [
  { field: 'files', name: 'header.csv', content: `${HEADER_ROW}\nI1,2,14/06/2012,WBRI,,,\n` },
  { field: 'files', name: 'episodes.csv', content: `${EPISODES_ROW}\nI1,${decom},S,${ls},N1,${place},PR1,,,,TS1 1AA,TS2 2BB,1234567\n` },
  { field: 'files', name: 'reviews.csv', content: `${REVIEWS_ROW}\nI1,14/06/2012,30/01/2020,PN1\n` },
];
const census = (category: string, start: string): string =>
  '<Message><Header><CollectionDetails><ReferenceDate>2020-03-31</ReferenceDate></CollectionDetails></Header><Children>' +
  '<Child><ChildIdentifiers><LAchildID>I2</LAchildID><PersonBirthDate>2015-02-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>' +
  `<CINdetails><Section47><S47ActualStartDate>2019-12-02</S47ActualStartDate><DateOfInitialCPC>${start}</DateOfInitialCPC></Section47>` +
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate><InitialCategoryOfAbuse>${category}</InitialCategoryOfAbuse>` +
  '<NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child></Children></Message>';

const flags = fc.record({ dryRun: fc.constantFrom('true', 'false'), year: fc.constantFrom('2019', '') }, { requiredKeys: [] });
const badFlags = fc.oneof(
  fc.record({ dryRun: fc.string({ minLength: 1, maxLength: 6 }).filter((v) => v !== 'true' && v !== 'false') }),
  fc.record({ skipInvalidChildren: fc.constantFrom('yes', '1', 'TRUE') }),
  fc.record({ year: fc.oneof(fc.constantFrom('19', '2019-20', 'next'), fc.string({ minLength: 1, maxLength: 6 }).filter((v) => !/^\d{4}$/.test(v))) }),
);
const notACode = fc.string({ minLength: 1, maxLength: 4 }).filter((v) => /^[A-Za-z0-9]+$/.test(v) && !(LEGAL_STATUSES as readonly string[]).includes(v) && !(PLACEMENT_TYPES as readonly string[]).includes(v));
/** anything but a real dd/mm/yyyy date (the DfE's format), without CSV separators */
const isDfeDate = (text: string): boolean => {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return match !== null && isCalendarDate(`${match[3]}-${match[2]}-${match[1]}`);
};
const notADfeDate = fc
  .oneof(fc.string({ maxLength: 12 }), fc.constantFrom('31/02/2020', '2020-01-06', '6/1/2020', '00/01/2020', '06/13/2020'))
  .filter((text) => text !== '' && !isDfeDate(text) && !/[,"\r\n]/.test(text));
const multipart = (path: string, body: MultipartBody, expect: GeneratedRequest['expect'], how: string): GeneratedRequest => ({ path, multipart: body, expect, how });

function importEndpoint(path: string, fileField: string, validFiles: MultipartBody['files'], refusedFiles: fc.Arbitrary<[MultipartBody['files'], string]>): CommandEndpoint {
  return {
    route: `POST ${path}`,
    malformed: fc.oneof(
      flags.map((fields) => multipart(path, { files: [], fields }, 'malformed', 'no file')),
      fc.tuple(badFlags, flags).map(([bad, fields]) => multipart(path, { files: validFiles, fields: { ...fields, ...bad } }, 'malformed', `form ${JSON.stringify(bad)}`)),
      fc.constantFrom('upload', 'file', 'files[]', 'document').filter((name) => name !== fileField).map((name) =>
        multipart(path, { files: validFiles.map((file) => ({ ...file, field: name })), fields: {} }, 'malformed', `files sent as field ${name}`),
      ),
      fc.jsonValue({ maxDepth: 2 }).map((value): GeneratedRequest => ({ path, raw: JSON.stringify(value), contentType: 'application/json', expect: 'malformed', how: `JSON ${JSON.stringify(value)}` })),
    ),
    refused: fc.tuple(refusedFiles, flags).map(([[files, how], fields]) => multipart(path, { files, fields }, 'refused-import', how)),
  };
}

export const IMPORT_ENDPOINTS: CommandEndpoint[] = [
  importEndpoint(
    '/imports/ssda903', 'files', ssda903Files('C2', 'U4', '06/01/2020'),
    fc.oneof(
      fc.array(fc.string({ maxLength: 200 }), { minLength: 1, maxLength: 3 }).map((texts): [MultipartBody['files'], string] => [
        texts.map((content, i) => ({ field: 'files', name: `return-${i}.csv`, content })), `unrecognised files ${JSON.stringify(texts).slice(0, 80)}`,
      ]),
      notACode.map((code): [MultipartBody['files'], string] => [ssda903Files(code, 'U4', '06/01/2020'), `LS ${code}`]),
      notACode.map((code): [MultipartBody['files'], string] => [ssda903Files('C2', code, '06/01/2020'), `PLACE ${code}`]),
      notADfeDate.map((date): [MultipartBody['files'], string] => [ssda903Files('C2', 'U4', date), `DECOM ${date}`]),
    ),
  ),
  importEndpoint(
    '/imports/cin', 'file', [{ field: 'file', name: 'cin.xml', content: census('NEG', '2019-12-16') }],
    fc.oneof(
      fc.string({ maxLength: 200 }).map((content): [MultipartBody['files'], string] => [[{ field: 'file', name: 'cin.xml', content }], `not a census: ${JSON.stringify(content).slice(0, 60)}`]),
      fc.constantFrom('neglect', 'XXX', 'N1').map((category): [MultipartBody['files'], string] => [[{ field: 'file', name: 'cin.xml', content: census(category, '2019-12-16') }], `category ${category}`]),
      fc.constantFrom('2019-13-01', '16/12/2019', '2031-01-01').map((start): [MultipartBody['files'], string] => [[{ field: 'file', name: 'cin.xml', content: census('NEG', start) }], `plan start ${start}`]),
    ),
  ),
];
