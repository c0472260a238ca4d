import fc from 'fast-check';
import { isCalendarDate } from '../../../src/calendar/calendar-date';
import {
  CATEGORIES_OF_ABUSE, CATEGORIES_OF_NEED, CHALLENGE_CATEGORIES, CHALLENGE_OUTCOMES, CONFERENCE_OUTCOMES,
  CONFERENCE_TYPES, ETHNICITY_CODES, LEGAL_STATUSES, PARTICIPATION_CODES, PLACEMENT_TYPES, REASONS_CEASED,
  REASONS_PLACE_CHANGE, SEXES,
} from '../../../src/events/codes';
import { ID_PATTERN } from '../../../src/events/streams';

/**
 * Every command endpoint, described enough to generate requests that are malformed
 * (400) or well formed but forbidden by a rule or naming nothing known (409 / 404),
 * against the history `seedHistory` records. Nothing generated here may ever be
 * accepted.
 */

type FieldKind =
  | { kind: 'id' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly (string | number)[] }
  | { kind: 'bool' }
  | { kind: 'text'; max: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'ids' }
  | { kind: 'eventId' }
  | { kind: 'recoveryPlan' };

interface FieldSpec {
  name: string;
  /** absent (or null) makes the body malformed */
  required: boolean;
  type: FieldKind;
}

export interface MultipartBody {
  files: { field: string; name: string; content: string }[];
  fields: Record<string, string>;
}

export interface GeneratedRequest {
  path: string;
  /** a JSON body, or `raw` text sent as it is, or a multipart form (imports) */
  body?: unknown;
  raw?: string;
  contentType?: string;
  multipart?: MultipartBody;
  headers?: Record<string, string>;
  /**
   * malformed: 400 (404 when the path itself names no route); refused: 404 or 409 naming a
   * rule; refused-import: 422 with the import's report listing what is wrong
   */
  expect: 'malformed' | 'refused' | 'refused-import';
  /** what the generator did, for the failure message */
  how: string;
}

export interface CommandEndpoint {
  route: string;
  malformed: fc.Arbitrary<GeneratedRequest>;
  refused: fc.Arbitrary<GeneratedRequest>;
}

// ---- the history the requests are made against ---------------------------------------

export const TODAY = '2020-03-31';
/** dob 2012-06-14, in care from 2020-01-06, IRO iro-1, a review held 2020-01-30 */
export const IN_CARE = 'C1';
/** dob 2012-06-14, never in care */
export const NOT_IN_CARE = 'NC';
/** dob 2012-06-14, on a child protection plan from an initial conference on 2019-12-20 */
export const ON_PLAN = 'P1';
/** about C1, raised 2020-03-02, at stage 1 */
export const OPEN_CHALLENGE = 'CH1';
/** about C1, raised 2020-03-02, resolved 2020-03-05 */
export const RESOLVED_CHALLENGE = 'CHR';

export const SEED_REQUESTS: { path: string; body: Record<string, unknown> }[] = [
  ...[IN_CARE, NOT_IN_CARE, ON_PLAN].map((childId) => ({ path: '/children', body: { childId, dateOfBirth: '2012-06-14', sex: 'female' } })),
  { path: `/children/${IN_CARE}/care-periods`, body: { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false } },
  { path: `/children/${IN_CARE}/iro-allocations`, body: { iroId: 'iro-1', effectiveDate: '2020-01-06' } },
  { path: `/children/${IN_CARE}/reviews`, body: { heldOn: '2020-01-30', chairIroId: 'iro-1', participation: 'PN1', iroVisitedBeforeReview: true } },
  {
    path: `/children/${ON_PLAN}/cp-conferences`,
    body: { type: 'initial', heldOn: '2019-12-20', strategyDiscussionOn: '2019-12-02', chairIroId: 'iro-1', outcome: 'plan-started', categoryOfAbuse: 'NEG' },
  },
  ...[OPEN_CHALLENGE, RESOLVED_CHALLENGE].map((challengeId) => ({
    path: '/challenges',
    body: { challengeId, childIds: [IN_CARE], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'drift-and-delay', summary: 'Plan drifting.' },
  })),
  { path: `/challenges/${RESOLVED_CHALLENGE}/resolutions`, body: { resolvedOn: '2020-03-05', outcome: 'resolved' } },
];

// ---- values ------------------------------------------------------------------------------

const day = (min: string, max: string): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${min}T12:00:00Z`), max: new Date(`${max}T12:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const futureDay = day('2020-04-01', '2039-12-31');
const beforeBirthDay = day('1990-01-01', '2012-06-13');
/** before even a pre-birth record may stand (a pregnancy, 280 days, before the birth on 2012-06-14) */
const longBeforeBirthDay = day('1990-01-01', '2011-09-07');
/** a registered-looking id no seed uses */
const unknownId = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).map((id) => `UNKNOWN-${id}`);

const notAnId = fc.oneof(
  fc.string({ maxLength: 70 }).filter((s) => !ID_PATTERN.test(s)),
  fc.constantFrom('', 'a b', 'x'.repeat(65), 'C1;DROP TABLE events', 'é', 'C1\n'),
);
const notADate = fc.oneof(
  fc.string({ maxLength: 30 }).filter((s) => !isCalendarDate(s)),
  fc.constantFrom('2020-02-30', '2019-02-29', '2020-13-01', '2020-1-6', '06/01/2020', '2020-01-06T00:00:00Z', ' 2020-01-06', '+2020-01-06'),
);
// no NaN or Infinity: JSON sends them as null, which an optional field takes as absent
const wrongScalar = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));

function invalidValue(type: FieldKind, required: boolean): fc.Arbitrary<unknown> {
  const nullIfRequired = required ? [fc.constant(null)] : [];
  switch (type.kind) {
    case 'id':
      return fc.oneof(notAnId, wrongScalar, ...nullIfRequired);
    case 'date':
      return fc.oneof(notADate, wrongScalar, ...nullIfRequired);
    case 'enum': {
      const values = type.values as readonly unknown[];
      return fc.oneof(
        fc.string({ maxLength: 12 }).filter((s) => !values.includes(s)),
        fc.integer({ min: -5, max: 10 }).filter((n) => !values.includes(n)),
        fc.constantFrom(...type.values.map((v) => (typeof v === 'string' ? v.toLowerCase() + '!' : String(v)))),
        fc.boolean(),
        ...nullIfRequired,
      );
    }
    case 'bool':
      return fc.oneof(fc.constantFrom('true', 'false', 'yes', 0, 1), fc.string({ maxLength: 5 }), ...nullIfRequired);
    case 'text':
      return fc.oneof(fc.constant(''), fc.constant('x'.repeat(type.max + 1)), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), ...nullIfRequired);
    case 'int':
      return fc.oneof(
        fc.integer({ min: type.max + 1 }), fc.integer({ max: type.min - 1 }), fc.constantFrom(1.5, '3', 'two'),
        ...nullIfRequired,
      );
    case 'ids':
      return fc.oneof(
        fc.constant([]), fc.string({ maxLength: 5 }), fc.array(notAnId, { minLength: 1, maxLength: 3 }),
        fc.constant([IN_CARE, IN_CARE]), fc.constant(Array.from({ length: 501 }, (_, i) => `C${i}`)), fc.integer(),
        ...nullIfRequired,
      );
    case 'eventId':
      return fc.oneof(fc.constant(''), fc.constant('e'.repeat(201)), fc.integer(), fc.boolean(), ...nullIfRequired);
    case 'recoveryPlan':
      return fc.oneof(
        fc.constantFrom({}, { actions: [] }, { actions: [{ action: '', dueBy: '2020-04-30' }] }, { actions: [{ action: 'Plan', dueBy: '30/04/2020' }] }, { actions: 'all' }),
        fc.string({ maxLength: 5 }), fc.integer(),
        ...nullIfRequired,
      );
  }
}

// ---- malformed requests, for any endpoint ------------------------------------------------

function malformed(path: (target: string) => string, target: string | null, body: Record<string, unknown>, fields: FieldSpec[]): fc.Arbitrary<GeneratedRequest> {
  const at = path(target ?? '');
  const names = fields.map((f) => f.name);
  const withField = fc.constantFrom(...fields).chain((field) =>
    invalidValue(field.type, field.required).map((value): GeneratedRequest => ({
      path: at, body: { ...body, [field.name]: value }, expect: 'malformed', how: `${field.name} = ${JSON.stringify(value)}`,
    })),
  );
  const requiredFields = fields.filter((f) => f.required);
  const withoutField = fc.subarray(requiredFields, { minLength: 1 }).map((missing): GeneratedRequest => {
    const without = { ...body };
    for (const field of missing) delete without[field.name];
    return { path: at, body: without, expect: 'malformed', how: `without ${missing.map((f) => f.name).join(', ')}` };
  });
  const withUnknownField = fc
    .tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !names.includes(k)), inheritedNames), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]): GeneratedRequest => ({
      path: at, body: { ...body, [key]: value }, expect: 'malformed', how: `unknown field ${JSON.stringify(key)}`,
    }));
  const notAnObject = fc
    .oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.constant([body]), fc.integer(), fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null))
    .map((value): GeneratedRequest => ({ path: at, raw: JSON.stringify(value), contentType: 'application/json', expect: 'malformed', how: `body ${JSON.stringify(value)}` }));
  const notJson = fc
    .oneof(
      fc.string({ maxLength: 40 }).filter((text) => { try { JSON.parse(text); return false; } catch { return true; } }),
      fc.constant(JSON.stringify(body).slice(0, -1)),
      fc.constant(`${JSON.stringify(body)}}`),
    )
    .map((raw): GeneratedRequest => ({ path: at, raw, contentType: 'application/json', expect: 'malformed', how: `not JSON: ${raw}` }));
  const wrongType = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml').map((contentType): GeneratedRequest => ({
    path: at, raw: contentType.includes('form') ? 'childId=C9&sex=female' : JSON.stringify(body), contentType, expect: 'malformed', how: `sent as ${contentType}`,
  }));
  const badHeader = fc
    .oneof(
      fc.constantFrom(' spaced key', 'k'.repeat(256), 'clé').map((key) => ({ 'Idempotency-Key': key })),
      fc.constantFrom('abc', '-1', '"x"', '1.5', 'W/"a"').map((revision) => ({ 'If-Match': revision })),
      fc.constantFrom('has space', 'x'.repeat(129), 'a/b').map((id) => ({ 'X-Correlation-Id': id })),
    )
    .map((headers): GeneratedRequest => ({ path: at, body, headers, expect: 'malformed', how: `header ${JSON.stringify(headers)}` }));
  const arbitraries = [withField, withoutField, withUnknownField, notAnObject, notJson, wrongType, badHeader];
  if (target !== null) {
    arbitraries.push(
      notAnId
        .filter((id) => id !== '' && id !== '.' && id !== '..')
        .map((id): GeneratedRequest => ({ path: path(encodeURIComponent(id)), body, expect: 'malformed', how: `path id ${JSON.stringify(id)}` })),
    );
  }
  return fc.oneof(...arbitraries);
}

const refusal = (path: string, body: Record<string, unknown>, how: string): GeneratedRequest => ({ path, body, expect: 'refused', how });

// ---- the endpoints -----------------------------------------------------------------------

const id = { kind: 'id' } as const;
const date = { kind: 'date' } as const;
const bool = { kind: 'bool' } as const;
const oneOf = (values: readonly (string | number)[]): FieldKind => ({ kind: 'enum', values });
const text = (max = 4000): FieldKind => ({ kind: 'text', max });
/** event ids a plain-object lookup would find on Object.prototype */
const inheritedNames = fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype');
const unknownEventId = fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), inheritedNames);
const voidFields: FieldSpec[] = [
  { name: 'eventId', required: true, type: { kind: 'eventId' } },
  { name: 'reason', required: true, type: text() },
];

const child = (suffix: string) => (childId: string) => `/children/${childId}${suffix}`;
const challenge = (suffix: string) => (challengeId: string) => `/challenges/${challengeId}${suffix}`;

export const COMMAND_ENDPOINTS: CommandEndpoint[] = [
  {
    route: 'POST /children',
    malformed: malformed(() => '/children', null, { childId: 'C9', dateOfBirth: '2012-06-14', sex: 'female' }, [
      { name: 'childId', required: true, type: id },
      { name: 'dateOfBirth', required: true, type: date },
      { name: 'expectedDateOfBirth', required: false, type: date },
      { name: 'sex', required: true, type: oneOf(SEXES) },
      { name: 'ethnicity', required: false, type: oneOf(ETHNICITY_CODES) },
      { name: 'familyId', required: false, type: id },
    ]),
    refused: fc
      .tuple(fc.constantFrom(IN_CARE, NOT_IN_CARE, ON_PLAN), fc.oneof(day('2000-01-01', TODAY), futureDay), fc.constantFrom(...SEXES))
      .map(([childId, dateOfBirth, sex]) => refusal('/children', { childId, dateOfBirth, sex }, `register ${childId} again`)),
  },
  {
    route: 'POST /children/:childId/care-periods',
    malformed: malformed(child('/care-periods'), NOT_IN_CARE, { startDate: '2020-02-03', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }, [
      { name: 'startDate', required: true, type: date },
      { name: 'legalStatus', required: true, type: oneOf(LEGAL_STATUSES) },
      { name: 'placementType', required: true, type: oneOf(PLACEMENT_TYPES) },
      { name: 'placedOutsideLocalAuthority', required: true, type: bool },
      { name: 'categoryOfNeed', required: false, type: oneOf(CATEGORIES_OF_NEED) },
    ]),
    refused: fc
      .oneof(
        fc.tuple(fc.constant(IN_CARE), fc.oneof(day('2012-06-14', TODAY), futureDay)),
        fc.tuple(fc.constant(NOT_IN_CARE), fc.oneof(futureDay, beforeBirthDay)),
        fc.tuple(unknownId, day('2019-01-01', TODAY)),
      )
      .chain(([childId, startDate]) =>
        fc.tuple(fc.constantFrom(...LEGAL_STATUSES), fc.constantFrom(...PLACEMENT_TYPES), fc.boolean()).map(([legalStatus, placementType, outside]) =>
          refusal(`/children/${childId}/care-periods`, { startDate, legalStatus, placementType, placedOutsideLocalAuthority: outside }, `start care for ${childId} on ${startDate}`),
        ),
      ),
  },
  {
    route: 'POST /children/:childId/placements',
    malformed: malformed(child('/placements'), IN_CARE, { effectiveDate: '2020-03-02', placementType: 'U5', placedOutsideLocalAuthority: false }, [
      { name: 'effectiveDate', required: true, type: date },
      { name: 'placementType', required: true, type: oneOf(PLACEMENT_TYPES) },
      { name: 'placedOutsideLocalAuthority', required: true, type: bool },
      { name: 'reasonForChange', required: false, type: oneOf(REASONS_PLACE_CHANGE) },
    ]),
    refused: notInCareOnThatDay((childId, effectiveDate, how) =>
      fc.tuple(fc.constantFrom(...PLACEMENT_TYPES), fc.boolean()).map(([placementType, outside]) =>
        refusal(`/children/${childId}/placements`, { effectiveDate, placementType, placedOutsideLocalAuthority: outside }, how),
      ),
    ),
  },
  {
    route: 'POST /children/:childId/legal-statuses',
    malformed: malformed(child('/legal-statuses'), IN_CARE, { effectiveDate: '2020-03-02', legalStatus: 'C1' }, [
      { name: 'effectiveDate', required: true, type: date },
      { name: 'legalStatus', required: true, type: oneOf(LEGAL_STATUSES) },
    ]),
    refused: notInCareOnThatDay((childId, effectiveDate, how) =>
      fc.constantFrom(...LEGAL_STATUSES).map((legalStatus) => refusal(`/children/${childId}/legal-statuses`, { effectiveDate, legalStatus }, how)),
    ),
  },
  {
    route: 'POST /children/:childId/care-endings',
    malformed: malformed(child('/care-endings'), IN_CARE, { endDate: '2020-03-02', reasonCeased: 'E11' }, [
      { name: 'endDate', required: true, type: date },
      { name: 'reasonCeased', required: true, type: oneOf(REASONS_CEASED) },
    ]),
    refused: fc
      .oneof(
        fc.tuple(fc.constant(IN_CARE), fc.oneof(futureDay, day('2012-06-14', '2020-01-29')), fc.constant('before the last record or after today')),
        fc.tuple(fc.constant(NOT_IN_CARE), day('2012-06-14', TODAY), fc.constant('never in care')),
        fc.tuple(unknownId, day('2019-01-01', TODAY), fc.constant('unknown child')),
      )
      .chain(([childId, endDate, how]) =>
        fc.constantFrom(...REASONS_CEASED).map((reasonCeased) => refusal(`/children/${childId}/care-endings`, { endDate, reasonCeased }, `${how}: ${endDate}`)),
      ),
  },
  {
    route: 'POST /children/:childId/iro-allocations',
    malformed: malformed(child('/iro-allocations'), IN_CARE, { iroId: 'iro-2', effectiveDate: '2020-03-02' }, [
      { name: 'iroId', required: true, type: id },
      { name: 'effectiveDate', required: true, type: date },
    ]),
    refused: fc
      .oneof(
        fc.tuple(fc.constantFrom(IN_CARE, NOT_IN_CARE, ON_PLAN), fc.oneof(futureDay, longBeforeBirthDay)),
        fc.tuple(unknownId, day('2019-01-01', TODAY)),
      )
      .map(([childId, effectiveDate]) => refusal(`/children/${childId}/iro-allocations`, { iroId: 'iro-2', effectiveDate }, `allocate ${childId} on ${effectiveDate}`)),
  },
  {
    route: 'POST /children/:childId/reviews',
    malformed: malformed(child('/reviews'), IN_CARE, { heldOn: '2020-03-02', chairIroId: 'iro-1', participation: 'PN1', iroVisitedBeforeReview: true }, [
      { name: 'reviewId', required: false, type: id },
      { name: 'heldOn', required: true, type: date },
      { name: 'chairIroId', required: true, type: id },
      { name: 'participation', required: true, type: oneOf(PARTICIPATION_CODES) },
      { name: 'iroVisitedBeforeReview', required: true, type: bool },
      { name: 'permanencePlanInPlace', required: false, type: bool },
      { name: 'lateReason', required: false, type: text() },
    ]),
    refused: fc.oneof(
      notInCareOnThatDay((childId, heldOn, how) =>
        fc.constantFrom(...PARTICIPATION_CODES.filter((c) => c !== 'PN0')).map((participation) =>
          refusal(`/children/${childId}/reviews`, { heldOn, chairIroId: 'iro-1', participation, iroVisitedBeforeReview: true }, how),
        ),
      ),
      day('2020-01-30', TODAY).map((heldOn) =>
        refusal(`/children/${IN_CARE}/reviews`, { heldOn, chairIroId: 'iro-1', participation: 'PN0', iroVisitedBeforeReview: false }, 'PN0 for a 7-year-old'),
      ),
      day('2020-01-06', '2020-01-29').map((heldOn) =>
        refusal(`/children/${IN_CARE}/reviews`, { heldOn, chairIroId: 'iro-1', participation: 'PN3', iroVisitedBeforeReview: true }, 'before the last review'),
      ),
    ),
  },
  {
    route: 'POST /children/:childId/cp-conferences',
    malformed: malformed(
      child('/cp-conferences'), NOT_IN_CARE,
      { type: 'initial', heldOn: '2020-03-20', strategyDiscussionOn: '2020-03-02', chairIroId: 'iro-1', outcome: 'plan-started', categoryOfAbuse: 'EMO' },
      [
        { name: 'conferenceId', required: false, type: id },
        { name: 'type', required: true, type: oneOf(CONFERENCE_TYPES) },
        { name: 'heldOn', required: true, type: date },
        { name: 'strategyDiscussionOn', required: true, type: date },
        { name: 'chairIroId', required: true, type: id },
        { name: 'outcome', required: true, type: oneOf(CONFERENCE_OUTCOMES) },
        { name: 'categoryOfAbuse', required: true, type: oneOf(CATEGORIES_OF_ABUSE) },
        { name: 'previousPlanCount', required: false, type: { kind: 'int', min: 0, max: 99 } },
      ],
    ),
    refused: fc.oneof(
      fc.tuple(fc.constantFrom(IN_CARE, NOT_IN_CARE), day('2012-06-14', TODAY), fc.constantFrom('plan-continued', 'plan-ended')).map(([childId, heldOn, outcome]) =>
        refusal(`/children/${childId}/cp-conferences`, { type: 'review', heldOn, chairIroId: 'iro-1', outcome }, 'review conference without a plan'),
      ),
      fc.tuple(day('2019-12-20', TODAY), fc.constantFrom(...CATEGORIES_OF_ABUSE)).map(([heldOn, categoryOfAbuse]) =>
        refusal(`/children/${ON_PLAN}/cp-conferences`, { type: 'initial', heldOn, strategyDiscussionOn: '2019-12-02', chairIroId: 'iro-1', outcome: 'plan-started', categoryOfAbuse }, 'initial conference while a plan is open'),
      ),
      futureDay.map((heldOn) =>
        refusal(`/children/${NOT_IN_CARE}/cp-conferences`, { type: 'initial', heldOn, strategyDiscussionOn: '2020-03-02', chairIroId: 'iro-1', outcome: 'no-plan' }, 'dated after today'),
      ),
    ),
  },
  {
    route: 'POST /children/:childId/cp-plans',
    malformed: malformed(child('/cp-plans'), NOT_IN_CARE, { startDate: '2020-03-02', categoryOfAbuse: 'NEG', previousPlanCount: 0, reason: 'Transferred in.' }, [
      { name: 'startDate', required: true, type: date },
      { name: 'categoryOfAbuse', required: true, type: oneOf(CATEGORIES_OF_ABUSE) },
      { name: 'previousPlanCount', required: false, type: { kind: 'int', min: 0, max: 99 } },
      { name: 'reason', required: false, type: text() },
    ]),
    refused: fc
      .oneof(
        fc.tuple(fc.constant(ON_PLAN), day('2019-12-20', TODAY), fc.constant('a plan is open')),
        fc.tuple(fc.constantFrom(IN_CARE, NOT_IN_CARE, ON_PLAN), fc.oneof(futureDay, longBeforeBirthDay), fc.constant('after today or before birth')),
        fc.tuple(unknownId, day('2019-01-01', TODAY), fc.constant('unknown child')),
      )
      .chain(([childId, startDate, how]) =>
        fc.constantFrom(...CATEGORIES_OF_ABUSE).map((categoryOfAbuse) =>
          refusal(`/children/${childId}/cp-plans`, { startDate, categoryOfAbuse }, `${how}: start a plan for ${childId} on ${startDate}`),
        ),
      ),
  },
  {
    route: 'POST /children/:childId/cp-plan-endings',
    malformed: malformed(child('/cp-plan-endings'), ON_PLAN, { endDate: '2020-03-02', reason: 'Transferred out.' }, [
      { name: 'endDate', required: true, type: date },
      { name: 'reason', required: false, type: text() },
    ]),
    refused: fc
      .oneof(
        fc.tuple(fc.constantFrom(IN_CARE, NOT_IN_CARE), day('2012-06-14', TODAY), fc.constant('no plan open')),
        fc.tuple(fc.constant(ON_PLAN), fc.oneof(day('2012-06-14', '2019-12-20'), futureDay), fc.constant('on or before its start, or after today')),
        fc.tuple(unknownId, day('2019-01-01', TODAY), fc.constant('unknown child')),
      )
      .map(([childId, endDate, how]) => refusal(`/children/${childId}/cp-plan-endings`, { endDate }, `${how}: end ${childId}'s plan on ${endDate}`)),
  },
  {
    route: 'POST /children/:childId/voids',
    malformed: malformed(child('/voids'), IN_CARE, { eventId: 'e-1', reason: 'Entered in error.' }, voidFields),
    refused: fc
      .tuple(fc.oneof(fc.constantFrom(IN_CARE, NOT_IN_CARE, ON_PLAN), unknownId), unknownEventId)
      .map(([childId, eventId]) => refusal(`/children/${childId}/voids`, { eventId, reason: 'Entered in error.' }, `void ${JSON.stringify(eventId)} on ${childId}`)),
  },
  {
    route: 'POST /challenges',
    malformed: malformed(
      () => '/challenges', null,
      { challengeId: 'CH9', childIds: [IN_CARE], raisedOn: '2020-03-02', raisedBy: 'iro-1', category: 'placement', summary: 'Placement breaking down.' },
      [
        { name: 'challengeId', required: false, type: id },
        { name: 'childIds', required: true, type: { kind: 'ids' } },
        { name: 'raisedOn', required: true, type: date },
        { name: 'raisedBy', required: true, type: id },
        { name: 'category', required: true, type: oneOf(CHALLENGE_CATEGORIES) },
        { name: 'summary', required: true, type: text() },
        { name: 'addressedTo', required: false, type: text(200) },
      ],
    ),
    refused: fc.oneof(
      fc.constantFrom(OPEN_CHALLENGE, RESOLVED_CHALLENGE).map((challengeId) => ({ challengeId, childIds: [IN_CARE], raisedOn: '2020-03-02', how: 'raised again' })),
      unknownId.map((childId) => ({ challengeId: 'CH9', childIds: [IN_CARE, childId], raisedOn: '2020-03-02', how: 'names an unknown child' })),
      futureDay.map((raisedOn) => ({ challengeId: 'CH9', childIds: [IN_CARE], raisedOn, how: 'dated after today' })),
    ).chain(({ how, ...body }) =>
      fc.constantFrom(...CHALLENGE_CATEGORIES).map((category) =>
        refusal('/challenges', { ...body, raisedBy: 'iro-1', category, summary: 'Plan drifting.' }, how),
      ),
    ),
  },
  {
    route: 'POST /challenges/:id/escalations',
    malformed: malformed(challenge('/escalations'), OPEN_CHALLENGE, { escalatedOn: '2020-03-10', toStage: 2, reason: 'No response.' }, [
      { name: 'escalatedOn', required: true, type: date },
      { name: 'toStage', required: true, type: oneOf([2, 3, 4, 'cafcass']) },
      { name: 'reason', required: true, type: text() },
    ]),
    refused: challengeStep((challengeId, escalatedOn, how) =>
      fc.constantFrom(2, 3, 4, 'cafcass').map((toStage) => refusal(`/challenges/${challengeId}/escalations`, { escalatedOn, toStage, reason: 'No response.' }, how)),
    ),
  },
  {
    route: 'POST /challenges/:id/responses',
    malformed: malformed(challenge('/responses'), OPEN_CHALLENGE, { respondedOn: '2020-03-10', respondedBy: 'Team manager', response: 'Plan agreed.' }, [
      { name: 'respondedOn', required: true, type: date },
      { name: 'respondedBy', required: true, type: text(200) },
      { name: 'response', required: true, type: text() },
    ]),
    refused: challengeStep((challengeId, respondedOn, how) =>
      fc.constant(refusal(`/challenges/${challengeId}/responses`, { respondedOn, respondedBy: 'Team manager', response: 'Plan agreed.' }, how)),
    ),
  },
  {
    route: 'POST /challenges/:id/resolutions',
    malformed: malformed(
      challenge('/resolutions'), OPEN_CHALLENGE,
      { resolvedOn: '2020-03-10', outcome: 'recovery-plan-agreed', recoveryPlan: { actions: [{ action: 'Permanence panel', dueBy: '2020-04-30' }] } },
      [
        { name: 'resolvedOn', required: true, type: date },
        { name: 'outcome', required: true, type: oneOf(CHALLENGE_OUTCOMES) },
        { name: 'recoveryPlan', required: true, type: { kind: 'recoveryPlan' } },
      ],
    ),
    refused: challengeStep((challengeId, resolvedOn, how) =>
      fc.constantFrom('resolved', 'not-upheld', 'withdrawn').map((outcome) => refusal(`/challenges/${challengeId}/resolutions`, { resolvedOn, outcome }, how)),
    ),
  },
  {
    route: 'POST /challenges/:id/voids',
    malformed: malformed(challenge('/voids'), OPEN_CHALLENGE, { eventId: 'e-1', reason: 'Entered in error.' }, voidFields),
    refused: fc
      .tuple(fc.oneof(fc.constantFrom(OPEN_CHALLENGE, RESOLVED_CHALLENGE), unknownId), unknownEventId)
      .map(([challengeId, eventId]) => refusal(`/challenges/${challengeId}/voids`, { eventId, reason: 'Entered in error.' }, `void ${JSON.stringify(eventId)} on ${challengeId}`)),
  },
];

/** A record on a day the child is not in care: never in care, before care started, after today, or unknown. */
function notInCareOnThatDay(make: (childId: string, date: string, how: string) => fc.Arbitrary<GeneratedRequest>): fc.Arbitrary<GeneratedRequest> {
  return fc
    .oneof(
      fc.tuple(fc.constant(NOT_IN_CARE), day('2012-06-14', TODAY), fc.constant('never in care')),
      fc.tuple(fc.constant(IN_CARE), day('2012-06-14', '2020-01-05'), fc.constant('before care started')),
      fc.tuple(fc.constant(IN_CARE), futureDay, fc.constant('after today')),
      fc.tuple(fc.constant(IN_CARE), beforeBirthDay, fc.constant('before birth')),
      fc.tuple(unknownId, day('2019-01-01', TODAY), fc.constant('unknown child')),
    )
    .chain(([childId, date, how]) => make(childId, date, `${how}: ${childId} on ${date}`));
}

/** A step on a challenge that cannot take it: resolved, dated before it was raised or after today, or unknown. */
function challengeStep(make: (challengeId: string, date: string, how: string) => fc.Arbitrary<GeneratedRequest>): fc.Arbitrary<GeneratedRequest> {
  return fc
    .oneof(
      fc.tuple(fc.constant(RESOLVED_CHALLENGE), day('2020-03-05', TODAY), fc.constant('on a resolved challenge')),
      fc.tuple(fc.constant(OPEN_CHALLENGE), day('2019-01-01', '2020-03-01'), fc.constant('before it was raised')),
      fc.tuple(fc.constant(OPEN_CHALLENGE), futureDay, fc.constant('after today')),
      fc.tuple(unknownId, day('2020-03-02', TODAY), fc.constant('unknown challenge')),
    )
    .chain(([challengeId, date, how]) => make(challengeId, date, `${how}: ${challengeId} on ${date}`));
}
