import { XMLParser } from 'fast-xml-parser';
import { CalendarDate, isCalendarDate } from '../../../src/calendar/calendar-date';
import { CATEGORIES_OF_ABUSE, CategoryOfAbuse, ETHNICITY_CODES, EthnicityCode, Sex } from '../../../src/events/codes';
import { ID_PATTERN } from '../../../src/events/streams';
import { ImportIssue, issueAt, RowOrigin } from '../report/import-issue';
import { FileSummary } from '../report/import-report';
import { collectionYear, CollectionYear, collectionYearOf } from '../ssda903/collection-year';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { ChildProtectionPlanRecord, CinChildHistory, InitialConferenceWithoutPlanRecord } from './cin-census-records';
import { validateCinChild } from './validate-cin-child';

/** A CIN census as read and checked. */
export interface CinCensus {
  year: CollectionYear;
  files: FileSummary[];
  /** children in the file */
  rows: number;
  children: Map<string, CinChildHistory>;
  invalidChildren: Set<string>;
  issues: ImportIssue[];
}

export interface ReadCinOptions {
  /** the collection year (2019 for the census at 31 March 2020); from Header/CollectionDetails when absent */
  year?: number;
  today: CalendarDate;
}

type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'Child', 'CINdetails', 'Section47', 'ChildProtectionPlans', 'CPPreviewDate', 'Assessments', 'CINPlanDates',
  'Disability', 'AssessmentFactors',
]);

const GENDER_CURRENT: Record<string, Sex> = { '1': 'male', '2': 'female', '0': 'unknown', '9': 'unknown' };
const SEX: Record<string, Sex> = { M: 'male', F: 'female', U: 'unknown' };
const LA_CHILD_ID = /^[A-Za-z0-9]{1,20}$/;

/**
 * Reads a CIN census XML file (Message/Children/Child) with fast-xml-parser and checks each
 * child: identifiers, and the child protection plans with the section 47 enquiries and
 * initial conferences behind them (csc-data.md §2). `row` in an issue is the line of the
 * child's <Child> element; `column` is the element's path within it.
 */
export function readCinCensus(file: ImportFile, options: ReadCinOptions): CinCensus {
  const issues: ImportIssue[] = [];
  const text = file.content.toString('utf8');
  let message: XmlNode;
  try {
    const parsed = new XMLParser({
      ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => REPEATED.has(name),
    }).parse(text, true) as XmlNode;
    message = (parsed.Message as XmlNode | undefined) ?? {};
    if (!parsed.Message) throw new Error('no <Message> element');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.push(issueAt({ file: file.name, row: 0 }, '', '', 'not-a-cin-census', `Not a CIN census XML file: ${reason}`));
    return {
      year: collectionYear(options.year ?? collectionYearOf(options.today)),
      files: [{ file: file.name, recognisedAs: null, imported: false, rows: 0, note: reason }],
      rows: 0, children: new Map(), invalidChildren: new Set(), issues,
    };
  }

  const collection = node(node(message.Header).CollectionDetails);
  const referenceDate = textOf(collection.ReferenceDate);
  const childNodes = list(node(message.Children).Child);
  if (message.Children === undefined && message.Header === undefined) {
    issues.push(issueAt({ file: file.name, row: 0 }, '', '', 'not-a-cin-census', 'Not a CIN census XML file: its <Message> has no <Header> and no <Children>.'));
  }
  // the census year comes from the reference date (31 March of the year's end), never from today
  const censusYear = options.year ?? (isCalendarDate(referenceDate) ? collectionYearOf(referenceDate) : undefined);
  if (censusYear === undefined) {
    issues.push(issueAt({ file: file.name, row: 0 }, 'Header/CollectionDetails/ReferenceDate', referenceDate, 'reference-date-missing',
      'The census has no ReferenceDate (a date such as 2020-03-31), so its year is not known: add it, or name the year (--year 2019).'));
  }
  const year = collectionYear(censusYear ?? collectionYearOf(options.today));
  const lines = childElementLines(text);
  const children = new Map<string, CinChildHistory>();
  const invalidChildren = new Set<string>();

  childNodes.forEach((childNode, index) => {
    const origin: RowOrigin = { file: file.name, row: lines[index] ?? index + 1 };
    const read = readChild(childNode, origin, options.today);
    const childIssues = [...read.issues];
    if (read.history && children.has(read.history.childId)) {
      childIssues.push(issueAt(origin, 'ChildIdentifiers/LAchildID', read.history.childId, 'duplicate-child',
        `Child ${read.history.childId} appears more than once in the census.`, read.history.childId));
    } else if (read.history) {
      // checks against the census year only when it is known: against a guessed one they would be noise
      if (censusYear !== undefined) childIssues.push(...validateCinChild(read.history, year));
      children.set(read.history.childId, read.history);
    }
    if (childIssues.length > 0) {
      issues.push(...childIssues);
      if (read.childId) invalidChildren.add(read.childId);
    }
  });
  return {
    year,
    files: [{ file: file.name, recognisedAs: 'cin-census', imported: true, rows: childNodes.length }],
    rows: childNodes.length,
    children,
    invalidChildren,
    issues,
  };
}

function readChild(child: XmlNode, origin: RowOrigin, today: CalendarDate): { childId: string; history: CinChildHistory | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const identifiers = node(child.ChildIdentifiers);
  const childId = textOf(identifiers.LAchildID);
  const fail = (column: string, value: string, rule: string, message: string): void => {
    issues.push(issueAt(origin, column, value, rule, message, childId || undefined));
  };
  if (childId === '') fail('ChildIdentifiers/LAchildID', '', 'required', 'LAchildID is required.');
  else if (!LA_CHILD_ID.test(childId) || !ID_PATTERN.test(childId)) {
    fail('ChildIdentifiers/LAchildID', childId, 'child-id-format', 'LAchildID is at most 20 letters and digits (CIN rules 1570, 1580).');
  }
  const date = (path: string, value: unknown, required: boolean, mayBeAhead = false): CalendarDate | null => {
    const raw = textOf(value);
    if (raw === '') {
      if (required) fail(path, '', 'required', `${path.split('/').pop()} is required.`);
      return null;
    }
    if (!isCalendarDate(raw)) {
      fail(path, raw, 'date-format', `${path.split('/').pop()} "${raw}" is not a date in the form yyyy-mm-dd.`);
      return null;
    }
    if (raw > today && !mayBeAhead) fail(path, raw, 'date-in-future', `${path.split('/').pop()} ${raw} is after today.`);
    return raw;
  };

  const born = date('ChildIdentifiers/PersonBirthDate', identifiers.PersonBirthDate, false);
  // an expected date of birth is ahead of today while the child is unborn (as the API takes it)
  const expected = born ? null : date('ChildIdentifiers/ExpectedPersonBirthDate', identifiers.ExpectedPersonBirthDate, false, true);
  if (!born && !expected && textOf(identifiers.PersonBirthDate) === '' && textOf(identifiers.ExpectedPersonBirthDate) === '') {
    fail('ChildIdentifiers/PersonBirthDate', '', 'exactly-one-birth-date', 'A child has a PersonBirthDate or, unborn, an ExpectedPersonBirthDate.');
  }
  const genderText = textOf(identifiers.Sex) || textOf(identifiers.GenderCurrent);
  const genderPath = textOf(identifiers.Sex) ? 'ChildIdentifiers/Sex' : 'ChildIdentifiers/GenderCurrent';
  const sex = (textOf(identifiers.Sex) ? SEX : GENDER_CURRENT)[genderText] ?? null;
  if (!sex) fail(genderPath, genderText, genderText === '' ? 'required' : 'code-not-valid', 'GenderCurrent is 0, 1, 2 or 9; Sex is M, F or U.');
  const ethnicityText = textOf(node(child.ChildCharacteristics).Ethnicity);
  const ethnicity = ethnicityText === '' ? null : (ETHNICITY_CODES as readonly string[]).includes(ethnicityText) ? (ethnicityText as EthnicityCode) : undefined;
  if (ethnicity === undefined) fail('ChildCharacteristics/Ethnicity', ethnicityText, 'code-not-valid', `Ethnicity "${ethnicityText}" is not a valid code.`);

  const plans: ChildProtectionPlanRecord[] = [];
  const conferencesWithoutPlan: InitialConferenceWithoutPlanRecord[] = [];
  list(child.CINdetails).forEach((details, detailsIndex) => {
    const at = `CINdetails[${detailsIndex + 1}]`;
    const detailsConference = date(`${at}/DateOfInitialCPC`, details.DateOfInitialCPC, false);
    const enquiries = list(details.Section47).map((s47, s47Index) => ({
      path: `${at}/Section47[${s47Index + 1}]`,
      start: date(`${at}/Section47[${s47Index + 1}]/S47ActualStartDate`, s47.S47ActualStartDate, true),
      conference: date(`${at}/Section47[${s47Index + 1}]/DateOfInitialCPC`, s47.DateOfInitialCPC, false),
      used: false,
    }));
    list(details.ChildProtectionPlans).forEach((plan, planIndex) => {
      const path = `${at}/ChildProtectionPlans[${planIndex + 1}]`;
      const startDate = date(`${path}/CPPstartDate`, plan.CPPstartDate, true);
      const endDate = date(`${path}/CPPendDate`, plan.CPPendDate, false);
      const categoryText = textOf(plan.InitialCategoryOfAbuse);
      const category = (CATEGORIES_OF_ABUSE as readonly string[]).includes(categoryText) ? (categoryText as CategoryOfAbuse) : null;
      if (!category) {
        fail(`${path}/InitialCategoryOfAbuse`, categoryText, categoryText === '' ? 'required' : 'code-not-valid',
          'InitialCategoryOfAbuse is one of NEG, PHY, SAB, EMO, MUL.');
      }
      const latestText = textOf(plan.LatestCategoryOfAbuse);
      if (latestText !== '' && !(CATEGORIES_OF_ABUSE as readonly string[]).includes(latestText)) {
        fail(`${path}/LatestCategoryOfAbuse`, latestText, 'code-not-valid', 'LatestCategoryOfAbuse is one of NEG, PHY, SAB, EMO, MUL.');
      }
      const previousText = textOf(plan.NumberOfPreviousCPP);
      const previous = /^\d+$/.test(previousText) ? Number(previousText) : null;
      if (previous === null) {
        fail(`${path}/NumberOfPreviousCPP`, previousText, previousText === '' ? 'required' : 'code-not-valid',
          'NumberOfPreviousCPP is a whole number, 0 or more.');
      }
      const reviewDates: CalendarDate[] = [];
      list(node(plan.Reviews).CPPreviewDate).forEach((review, reviewIndex) => {
        const reviewDate = date(`${path}/Reviews/CPPreviewDate[${reviewIndex + 1}]`, review, true);
        if (reviewDate) reviewDates.push(reviewDate);
      });
      if (!startDate || !category || previous === null) return;
      const enquiry = enquiries.find((candidate) => !candidate.used && candidate.conference === startDate)
        ?? (detailsConference === startDate
          ? [...enquiries].reverse().find((candidate) => !candidate.used && candidate.conference === null && candidate.start !== null && candidate.start <= startDate)
          : undefined);
      if (enquiry) enquiry.used = true;
      plans.push({
        startDate, endDate, initialCategoryOfAbuse: category, numberOfPreviousPlans: previous,
        reviewDates: [...new Set(reviewDates)].sort(),
        section47StartDate: enquiry?.start ?? null,
        initialConferenceDate: enquiry || detailsConference === startDate ? startDate : null,
        origin: { file: origin.file, row: origin.row },
      });
    });
    for (const enquiry of enquiries) {
      if (enquiry.used || !enquiry.start || !enquiry.conference) continue;
      if (enquiry.conference < enquiry.start) {
        fail(`${enquiry.path}/DateOfInitialCPC`, enquiry.conference, 'strategy-discussion-after-conference',
          'The initial conference is before the section 47 enquiry started.');
        continue;
      }
      conferencesWithoutPlan.push({ section47StartDate: enquiry.start, initialConferenceDate: enquiry.conference, origin });
    }
  });

  const valid = issues.length === 0 && childId !== '' && sex !== null && ethnicity !== undefined && (born || expected);
  return {
    childId,
    history: valid
      ? {
          childId,
          identity: { dateOfBirth: born, expectedDateOfBirth: expected, sex: sex!, ethnicity: ethnicity ?? null, origin },
          plans: plans.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0)),
          conferencesWithoutPlan: conferencesWithoutPlan.sort((a, b) =>
            a.initialConferenceDate < b.initialConferenceDate ? -1 : a.initialConferenceDate > b.initialConferenceDate ? 1 : 0),
        }
      : null,
    issues,
  };
}

/** The line number of each <Child> element, in document order. */
function childElementLines(text: string): number[] {
  const lines: number[] = [];
  const pattern = /<Child[\s>]/g;
  let line = 1;
  let scanned = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line += 1;
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}

const node = (value: unknown): XmlNode => (value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : {});
const list = (value: unknown): XmlNode[] & unknown[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]) as XmlNode[];
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
