import { CaseCommand } from '../../../src/case/case-commands';
import { decideCase } from '../../../src/case/decide-case';
import { foldCase } from '../../../src/case/evolve-case';
import { isViolation } from '../../../src/decision/decision';
import { OversightEvent } from '../../../src/events/oversight-events';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { NewEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { PlannedCommand } from './planned-command';
import { ReconcileRequest, reconcileChildStream } from './reconcile-child-stream';

const childId = 'A1';
const context = { today: '2020-06-01', config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
const planned = (key: string, command: CaseCommand): PlannedCommand => ({
  key, command, origin: { file: 'f.csv', row: 2 }, column: 'X', value: '', date: '', phase: 0,
});
const request = (source: 'ssda903' | 'cin', stream: StoredOversightEvent[], commands: PlannedCommand[]): ReconcileRequest => ({
  source, childId, stream, planned: commands, context, actor: { userId: 'import', role: 'admin' }, correlationId: 'run-1',
  sourceOf: () => `${source}:2019:f.csv:2`,
});
const stored = (events: NewEvent[], from: StoredOversightEvent[] = []): StoredOversightEvent[] => [
  ...from,
  ...events.map((event, index) => ({ ...event, stream: `child-${childId}`, revision: from.length + index, position: 0, recordedAt: '' }) as unknown as StoredOversightEvent),
];

const careRecords = (reviewOn: string): PlannedCommand[] => [
  planned('header', { type: 'registerChild', childId, dateOfBirth: '2010-01-01', sex: 'male' }),
  planned('episode:2019-05-01:start', { type: 'startCare', childId, startDate: '2019-05-01', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }),
  planned(`review:${reviewOn}`, { type: 'holdReview', childId, reviewId: `review-${reviewOn}`, heldOn: reviewOn, chairIroId: 'unknown', participation: 'PN1', iroVisitedBeforeReview: null }),
];
const protectionRecords: PlannedCommand[] = [
  planned('plan:2019-07-01:initial', {
    type: 'holdCPConference', childId, conferenceId: 'icpc-2019-07-01', conferenceType: 'initial', heldOn: '2019-07-01',
    strategyDiscussionOn: '2019-06-20', chairIroId: 'unknown', outcome: 'plan-started', categoryOfAbuse: 'NEG', previousPlanCount: 0,
  }),
];

describe('reconciling a child stream, given the case as a previous source left it', () => {
  it('decides the same events as folding the stream again', () => {
    const care = reconcileChildStream(request('ssda903', [], careRecords('2019-05-20')));
    if (!('events' in care)) throw new Error('refused');
    const stream = stored(care.events);
    const folded = reconcileChildStream(request('cin', stream, protectionRecords));
    const carried = reconcileChildStream({ ...request('cin', stream, protectionRecords), state: care.state ?? undefined });
    expect(carried).toEqual(folded);
    expect('events' in carried && carried.events.map((event) => event.type)).toEqual(['CPConferenceHeld']);
  });

  it('after voiding what a corrected record supersedes, too', () => {
    const first = reconcileChildStream(request('ssda903', [], careRecords('2019-05-20')));
    if (!('events' in first)) throw new Error('refused');
    const stream = stored(first.events);
    const corrected = reconcileChildStream(request('ssda903', stream, careRecords('2019-05-27')));
    if (!('events' in corrected)) throw new Error('refused');
    expect(corrected.voided).toBe(1);
    const after = stored(corrected.events, stream);
    const folded = reconcileChildStream(request('cin', after, protectionRecords));
    const carried = reconcileChildStream({ ...request('cin', after, protectionRecords), state: corrected.state ?? undefined });
    expect(carried).toEqual(folded);
    expect('events' in carried && carried.events.length).toBe(1);
  });

  it('hands back no state when nothing was decided and the stream was not folded', () => {
    const first = reconcileChildStream(request('ssda903', [], careRecords('2019-05-20')));
    if (!('events' in first)) throw new Error('refused');
    expect(reconcileChildStream(request('ssda903', stored(first.events), careRecords('2019-05-20')))).toEqual({ events: [], voided: 0, kept: 3, state: null });
  });

  it('refuses the child, at the first row that differs, when a record entered since stands on one the return corrects', () => {
    const first = reconcileChildStream(request('ssda903', [], careRecords('2019-05-20')));
    if (!('events' in first)) throw new Error('refused');
    const stream = stored(first.events);
    // an IRO records the next review through the API
    const entered = decideCase(
      { type: 'holdReview', childId, reviewId: 'R-api', heldOn: '2019-08-01', chairIroId: 'iro-7', participation: 'PN1', iroVisitedBeforeReview: true },
      foldCase(stream as unknown as (OversightEvent & { id: string })[]),
      context,
    );
    if (isViolation(entered)) throw new Error(entered.violation.message);
    const withApiReview = stored([{ id: 'api-review', type: entered.events[0].type, data: entered.events[0].data, schemaVersion: 1, metadata: {} } as unknown as NewEvent], stream);

    const corrected = reconcileChildStream(request('ssda903', withApiReview, careRecords('2019-05-27')));
    expect(corrected).toEqual({
      refused: expect.objectContaining({ key: 'review:2019-05-27' }),
      violation: { rule: 'void-has-dependent-records', message: expect.stringContaining('The return corrects this child\'s imported records from here on, which would void them, but: Record') },
    });
    expect('violation' in corrected && corrected.violation.message).toContain('api-review (ReviewHeld)');
  });

  it('leaves out, imported again, a record a person voided through the API; a later correction does not void it twice', () => {
    const first = reconcileChildStream(request('ssda903', [], careRecords('2019-05-20')));
    if (!('events' in first)) throw new Error('refused');
    const stream = stored(first.events);
    const review = stream.find((event) => event.type === 'ReviewHeld')!;
    const apiVoid = {
      id: 'api-void', type: 'RecordVoided', schemaVersion: 1,
      data: { eventId: review.id, voidedType: 'ReviewHeld', reason: 'no such review', effectiveDate: '2020-05-01' },
      metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'admin-1', role: 'admin' } },
    } as unknown as NewEvent;
    const afterVoid = stored([apiVoid], stream);

    expect(reconcileChildStream(request('ssda903', afterVoid, careRecords('2019-05-20')))).toMatchObject({ events: [], voided: 0, kept: 3 });

    const corrected = reconcileChildStream(request('ssda903', afterVoid, [
      careRecords('2019-05-20')[0],
      planned('episode:2019-05-02:start', { type: 'startCare', childId, startDate: '2019-05-02', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }),
      careRecords('2019-05-20')[2],
    ]));
    if (!('events' in corrected)) throw new Error(`refused: ${corrected.violation.message}`);
    const voidedNow = corrected.events.filter((event) => event.type === 'RecordVoided').map((event) => (event.data as { eventId: string }).eventId);
    expect(voidedNow).not.toContain(review.id);
    expect(voidedNow).toHaveLength(1);
  });
});
