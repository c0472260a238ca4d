import { CalendarDate } from '../../../src/calendar/calendar-date';
import {
  CategoryOfNeed, EthnicityCode, LegalStatus, ParticipationCode, PlacementType,
} from '../../../src/events/codes';
import { ID_PATTERN } from '../../../src/events/streams';
import { ImportIssue, issueAt, RowOrigin } from '../report/import-issue';
import { CollectionYear } from './collection-year';
import { parseDfeDate } from './dfe-date';
import {
  isPlaceRecorded, P2_INVALID_FROM, placeCodesFor, placesWithoutProvider, sexFromCode, SSDA903_CODE_LISTS,
} from './ssda903-codes';
import { EpisodeRecord, HeaderRecord, ReviewRecord } from './ssda903-records';

export interface RowContext {
  year: CollectionYear;
  today: CalendarDate;
}

/** Each column's position in a header row, worked out once per table rather than once per field. */
const positionsOf = new WeakMap<readonly string[], Map<string, number>>();
function columnPositions(columns: readonly string[]): Map<string, number> {
  let positions = positionsOf.get(columns);
  if (!positions) {
    positions = new Map();
    columns.forEach((column, index) => {
      if (!positions!.has(column)) positions!.set(column, index);
    });
    positionsOf.set(columns, positions);
  }
  return positions;
}

/** Code lists as sets, for the look-up on every field. */
const codeSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function codeSet(codes: readonly string[]): ReadonlySet<string> {
  let set = codeSets.get(codes);
  if (!set) {
    set = new Set(codes);
    codeSets.set(codes, set);
  }
  return set;
}

/** Reads one row's fields by column name and collects what is wrong with them. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  readonly childId: string;
  private readonly positions: Map<string, number>;

  constructor(
    private readonly origin: RowOrigin,
    columns: readonly string[],
    private readonly values: readonly string[],
  ) {
    this.positions = columnPositions(columns);
    this.childId = this.text('CHILD');
  }

  text(column: string): string {
    const position = this.positions.get(column);
    return position === undefined ? '' : (this.values[position] ?? '').trim();
  }

  fail(column: string, value: string, rule: string, message: string): void {
    this.issues.push(issueAt(this.origin, column, value, rule, message, this.childId || undefined));
  }

  required(column: string): string | null {
    const value = this.text(column);
    if (value === '') {
      this.fail(column, value, 'required', `${column} is required.`);
      return null;
    }
    return value;
  }

  date(column: string, options: { required: boolean; today: CalendarDate }): CalendarDate | null {
    const value = this.text(column);
    if (value === '') {
      if (options.required) this.fail(column, value, 'required', `${column} is required (dd/mm/yyyy).`);
      return null;
    }
    const date = parseDfeDate(value);
    if (!date) {
      this.fail(column, value, 'date-format', `${column} "${value}" is not a date in the form dd/mm/yyyy.`);
      return null;
    }
    if (date > options.today) {
      this.fail(column, value, 'date-in-future', `${column} ${value} is after today.`);
    }
    return date;
  }

  code(column: string, valid: readonly string[], options: { required: boolean; what?: string }): string | null {
    const value = this.text(column);
    if (value === '') {
      if (options.required) this.fail(column, value, 'required', `${column} is required.`);
      return null;
    }
    if (!codeSet(valid).has(value)) {
      this.fail(column, value, 'code-not-valid', `${column} "${value}" is not a valid ${options.what ?? column} code.`);
      return null;
    }
    return value;
  }

  childIdChecked(): string | null {
    const value = this.text('CHILD');
    if (value === '') {
      this.fail('CHILD', value, 'required', 'CHILD is required.');
      return null;
    }
    if (!ID_PATTERN.test(value)) {
      this.fail('CHILD', value, 'child-id-format', 'CHILD must be 1 to 64 letters, digits, "-" or "_".');
      return null;
    }
    return value;
  }
}

export interface ParsedRow<T> {
  record: T | null;
  issues: ImportIssue[];
  /** CHILD as given (may be invalid) */
  childId: string;
}

export function parseHeaderRow(origin: RowOrigin, columns: readonly string[], values: readonly string[], context: RowContext): ParsedRow<HeaderRecord> {
  const row = new RowReader(origin, columns, values);
  const childId = row.childIdChecked();
  const sexCode = row.required('SEX');
  const sex = sexCode === null ? null : sexFromCode(sexCode);
  if (sexCode !== null && sex === null) row.fail('SEX', sexCode, 'code-not-valid', 'SEX must be 1 or 2 (to 2023-24), or M, F or U.');
  const dateOfBirth = row.date('DOB', { required: true, today: context.today });
  const ethnicity = row.code('ETHNIC', SSDA903_CODE_LISTS.ETHNIC, { required: true, what: 'ethnicity' });
  row.code('MOTHER', SSDA903_CODE_LISTS.MOTHER, { required: false });
  row.date('MC_DOB', { required: false, today: context.today });
  const ok = row.issues.length === 0 && childId && sex && dateOfBirth && ethnicity;
  return {
    record: ok ? { childId, sex, dateOfBirth, ethnicity: ethnicity as EthnicityCode, origin, year: context.year.year } : null,
    issues: row.issues,
    childId: row.childId,
  };
}

export function parseEpisodeRow(origin: RowOrigin, columns: readonly string[], values: readonly string[], context: RowContext): ParsedRow<EpisodeRecord> {
  const row = new RowReader(origin, columns, values);
  const { year, today } = context;
  const childId = row.childIdChecked();
  const decom = row.date('DECOM', { required: true, today });
  const rne = row.code('RNE', SSDA903_CODE_LISTS.RNE, { required: true, what: 'reason for new episode' });
  const ls = row.code('LS', SSDA903_CODE_LISTS.LS, { required: true, what: 'legal status' });
  const cin = row.code('CIN', SSDA903_CODE_LISTS.CIN, { required: true, what: 'category of need' });
  const place = row.code('PLACE', placeCodesFor(year.year), { required: true, what: `placement type in ${year.year}-${(year.year + 1) % 100}` });
  if (place !== null && !isPlaceRecorded(place)) {
    row.fail('PLACE', place, 'code-not-supported', `PLACE ${place} is valid in this year but not yet recorded by this product.`);
  }
  const providerNotAllowed = place !== null && codeSet(placesWithoutProvider(year.year)).has(place);
  const provider = row.text('PLACE_PROVIDER');
  if (providerNotAllowed && provider !== '') {
    row.fail('PLACE_PROVIDER', provider, 'dfe-178', `PLACE_PROVIDER must be blank for placement type ${place}.`);
  } else if (!providerNotAllowed) {
    row.code('PLACE_PROVIDER', SSDA903_CODE_LISTS.PLACE_PROVIDER, { required: true, what: 'placement provider' });
  }
  const dec = row.date('DEC', { required: false, today });
  const rec = row.code('REC', SSDA903_CODE_LISTS.REC, { required: false, what: 'reason episode ceased' });
  const reasonPlaceChange = row.code('REASON_PLACE_CHANGE', SSDA903_CODE_LISTS.REASON_PLACE_CHANGE, {
    required: false, what: 'reason for placement change',
  });
  if ((row.text('DEC') === '') !== (row.text('REC') === '')) {
    const blank = row.text('DEC') === '' ? 'DEC' : 'REC';
    row.fail(blank, '', 'dfe-148', 'DEC and REC are both given or both blank.');
  }
  if (decom && dec && dec < decom) {
    row.fail('DEC', row.text('DEC'), 'episode-ends-before-start', 'The episode ends (DEC) before it starts (DECOM).');
  }
  if (decom && decom > year.end) {
    row.fail('DECOM', row.text('DECOM'), 'outside-collection-year', `The episode starts after the collection year ends (${year.end}).`);
  }
  if (dec && (dec > year.end || dec < year.start)) {
    row.fail('DEC', row.text('DEC'), 'outside-collection-year', `DEC must fall within the collection year ${year.start} to ${year.end}.`);
  }
  if (place === 'P2' && decom && decom >= P2_INVALID_FROM) {
    row.fail('PLACE', place, 'dfe-217', 'Placement type P2 is not valid for a placement starting on or after 28/10/2023.');
  }
  const ok = row.issues.length === 0 && childId && decom && rne && ls && cin && place;
  return {
    record: ok
      ? {
          childId, decom, rne, ls: ls as LegalStatus, cin: cin as CategoryOfNeed, place: place as PlacementType,
          placeProvider: provider, dec, rec, reasonPlaceChange,
          homePost: row.text('HOME_POST'), plPost: row.text('PL_POST'), urn: row.text('URN'), origin, year: year.year,
        }
      : null,
    issues: row.issues,
    childId: row.childId,
  };
}

/** A review row; both REVIEW and REVIEW_CODE blank is no review (rule 167), and gives no record and no issue. */
export function parseReviewRow(origin: RowOrigin, columns: readonly string[], values: readonly string[], context: RowContext): ParsedRow<ReviewRecord> {
  const row = new RowReader(origin, columns, values);
  const { year, today } = context;
  const childId = row.childIdChecked();
  const dateOfBirth = row.date('DOB', { required: true, today });
  if (row.text('REVIEW') === '' && row.text('REVIEW_CODE') === '') {
    return { record: null, issues: row.issues, childId: row.childId };
  }
  const reviewText = row.text('REVIEW');
  const heldOn = reviewText === '' ? null : parseDfeDate(reviewText);
  if (heldOn === null) {
    row.fail('REVIEW', reviewText, 'dfe-166', `The review date "${reviewText}" is blank or not a date in the form dd/mm/yyyy.`);
  } else if (heldOn > today) {
    row.fail('REVIEW', reviewText, 'date-in-future', `REVIEW ${reviewText} is after today.`);
  } else if (heldOn < year.start || heldOn > year.end) {
    row.fail('REVIEW', reviewText, 'outside-collection-year', `The review must fall within the collection year ${year.start} to ${year.end}.`);
  }
  const codeText = row.text('REVIEW_CODE');
  const participation = codeSet(SSDA903_CODE_LISTS.REVIEW_CODE).has(codeText) ? codeText : null;
  if (participation === null) {
    row.fail('REVIEW_CODE', codeText, 'dfe-167', codeText === ''
      ? 'REVIEW_CODE is blank: a review row needs its participation code, PN0 to PN7 (DfE rule 167: REVIEW and REVIEW_CODE come together).'
      : `REVIEW_CODE "${codeText}" is not a participation code (PN0 to PN7).`);
  }
  const ok = row.issues.length === 0 && childId && dateOfBirth && heldOn && participation;
  return {
    record: ok ? { childId, dateOfBirth, heldOn, participation: participation as ParticipationCode, origin, year: year.year } : null,
    issues: row.issues,
    childId: row.childId,
  };
}
