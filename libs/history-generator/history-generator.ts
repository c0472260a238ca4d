import { addDays as addDaysUncached, CalendarDate } from '../../src/calendar/calendar-date';
import { addMonths as addMonthsUncached } from '../../src/calendar/calendar-months';
import { addWorkingDays as addWorkingDaysUncached } from '../../src/calendar/working-days';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import {
  CATEGORIES_OF_ABUSE, CATEGORIES_OF_NEED, CHALLENGE_CATEGORIES, ChallengeStage, ETHNICITY_CODES, LegalStatus,
  ParticipationCode, PlacementType, REASONS_PLACE_CHANGE, Role,
} from '../../src/events/codes';
import { Actor, NewEvent } from '../../src/events/envelope';
import { CHILD_RECORD_ACCESSED, ACCESS_AUDIT_SCHEMA_VERSION } from '../../src/events/access-audit-events';
import { CURRENT_SCHEMA_VERSION } from '../../src/events/schema-versions';
import { accessAuditStream, challengeStream, childStream } from '../../src/events/streams';
import { OversightEventType } from '../../src/events/oversight-events';
import {
  firstReviewConferenceDueDate, initialConferenceDueDate as initialConferenceDueDateUncached, laterReviewConferenceDueDate,
} from '../../src/timescales/child-protection-conferences';
import { stageResponseDueBy as stageResponseDueByUncached } from '../../src/timescales/issues-resolution-stages';
import { firstReviewDueDate as firstReviewDueDateUncached, nextReviewDueDate } from '../../src/timescales/looked-after-reviews';
import { SeededRandom } from './seeded-random';

// Working-day arithmetic walks day by day; many children share the same dates, so remember answers.
const remembered = <A extends unknown[], R>(compute: (...args: A) => R): ((...args: A) => R) => {
  const answers = new Map<string, R>();
  return (...args: A): R => {
    const key = args.length === 2 && typeof args[1] !== 'object' ? `${args[0]}|${args[1]}` : JSON.stringify(args);
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = compute(...args)));
    return answer;
  };
};
const addDays = remembered(addDaysUncached);
const addMonths = remembered(addMonthsUncached);
const addWorkingDays = remembered(addWorkingDaysUncached);
const firstReviewDueDate = remembered(firstReviewDueDateUncached);
const initialConferenceDueDate = remembered(initialConferenceDueDateUncached);
const stageResponseDueBy = remembered(stageResponseDueByUncached);

export interface HistoryOptions {
  /** how many events to generate */
  events: number;
  seed?: number;
  /** the first day of the history (default 2012-04-02) */
  startDate?: CalendarDate;
  /** children starting to be looked after per day, on average (default 20) */
  careStartsPerDay?: number;
  /** children coming to an initial child protection conference per day, on average (default 12) */
  protectionReferralsPerDay?: number;
  /** record reads per day, each an access-audit event (not an oversight event) (default 30) */
  recordReadsPerDay?: number;
  /** the IROs chairing reviews and conferences (default 250) */
  iros?: number;
  config?: Pick<LocalAuthorityConfig, 'stageDeadlineWorkingDays'>;
}

/** One event to append, in the order the history happened (by effective date). */
export interface GeneratedEvent {
  stream: string;
  event: NewEvent;
}

interface EventItem {
  date: CalendarDate;
  kind: 'event';
  stream: string;
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  actor: Actor;
}
interface SpawnItem {
  date: CalendarDate;
  kind: 'spawn';
  story: () => Iterator<StoryItem>;
}
type StoryItem = EventItem | SpawnItem;

interface Pending {
  date: CalendarDate;
  order: number;
  item: StoryItem;
  story: Iterator<StoryItem>;
}

/**
 * A generated history of a (large) children's services authority with the real event
 * mix: children registered and coming into care, placements changing, legal statuses,
 * looked-after reviews at their statutory intervals (mostly in time, some late), care
 * ending; child protection referrals with initial and review conferences, plans started
 * and ended, repeat plans; IRO allocations; challenges raised after reviews (some about
 * several children) that are responded to, escalated stage by stage, referred to Cafcass
 * now and then, and resolved, some with recovery plans; records voided and entered anew;
 * and access-audit reads, which are not oversight events.
 *
 * Each child or challenge is a story of dated events; the stories are merged by date, so
 * events come out in effective-date order, as they would be recorded live. Deterministic
 * for a seed. Due dates come from the statutory timescales in src/timescales.
 */
export function* generateHistory(options: HistoryOptions): Generator<GeneratedEvent> {
  const world = new GeneratedWorld(options);
  yield* world.run(options.events);
}

class GeneratedWorld {
  readonly random: SeededRandom;
  readonly config: Pick<LocalAuthorityConfig, 'stageDeadlineWorkingDays'>;
  private readonly queue = new StoryQueue();
  private readonly inCare = new ActiveChildren();
  private readonly iroIds: string[];
  private nextChild = 1;
  private nextChallenge = 1;

  constructor(private readonly options: HistoryOptions) {
    this.random = new SeededRandom(options.seed ?? 20200331);
    this.config = options.config ?? DEFAULT_LOCAL_AUTHORITY_CONFIG;
    const iros = options.iros ?? 250;
    this.iroIds = Array.from({ length: iros }, (_, i) => `iro-${String(i + 1).padStart(3, '0')}`);
  }

  *run(count: number): Generator<GeneratedEvent> {
    this.queue.add(this.days(this.options.startDate ?? '2012-04-02'));
    let emitted = 0;
    let correlation = 0;
    while (emitted < count) {
      const next = this.queue.pop();
      if (!next) return;
      if (next.kind === 'spawn') {
        this.queue.add(next.story());
        continue;
      }
      if (next.type === 'CareStarted') this.inCare.add(next.data.childId as string);
      if (next.type === 'CareEnded') this.inCare.remove(next.data.childId as string);
      correlation += 1;
      const correlationId = `gen-${correlation}`;
      yield {
        stream: next.stream,
        event: {
          id: next.id,
          type: next.type,
          schemaVersion: next.schemaVersion,
          data: next.data,
          metadata: { correlationId, causationId: correlationId, actor: next.actor },
        },
      };
      emitted += 1;
    }
  }

  iro(): string {
    return this.random.pick(this.iroIds);
  }

  /** The authority's days: each brings referrals, children into care, service-level challenges and record reads. */
  private *days(start: CalendarDate): Generator<StoryItem> {
    const careStarts = this.options.careStartsPerDay ?? 20;
    const referrals = this.options.protectionReferralsPerDay ?? 12;
    const reads = this.options.recordReadsPerDay ?? 30;
    for (let day = start; ; day = addDays(day, 1)) {
      for (let n = this.random.poisson(careStarts); n > 0; n -= 1) {
        const childId = this.newChildId();
        yield { date: day, kind: 'spawn', story: () => lookedAfterStory(this, childId, day, false) };
      }
      for (let n = this.random.poisson(referrals); n > 0; n -= 1) {
        const childId = this.newChildId();
        yield { date: day, kind: 'spawn', story: () => protectionStory(this, childId, day, false, 0) };
      }
      if (this.random.chance(0.03) && this.inCare.size >= 3) {
        const childIds = this.inCare.sample(this.random, this.random.int(2, 4));
        yield { date: day, kind: 'spawn', story: () => challengeStory(this, childIds, addDays(day, 1), this.iro()) };
      }
      let read = 0;
      for (let n = this.random.poisson(reads); n > 0 && this.inCare.size > 0; n -= 1) {
        read += 1;
        const childId = this.inCare.sample(this.random, 1)[0];
        const userId = this.iro();
        yield {
          date: day,
          kind: 'event',
          stream: accessAuditStream(day),
          id: `read-${day}-${read}`,
          type: CHILD_RECORD_ACCESSED,
          schemaVersion: ACCESS_AUDIT_SCHEMA_VERSION.ChildRecordAccessed,
          data: {
            effectiveDate: day,
            accessedAt: `${day}T10:00:00.000Z`,
            userId,
            role: 'iro',
            what: 'child-case',
            route: 'GET /children/:childId',
            recordId: childId,
            childIds: [childId],
            outcome: 'granted',
          },
          actor: { userId, role: 'iro' },
        };
      }
    }
  }

  newChildId(): string {
    return `child-${String(this.nextChild++).padStart(6, '0')}`;
  }

  newChallengeId(): string {
    return `irp-${String(this.nextChallenge++).padStart(6, '0')}`;
  }
}

/** Builds the dated events of one stream, each with an id unique in the store. */
class StreamWriter {
  private count = 0;
  readonly items: StoryItem[] = [];

  constructor(
    readonly stream: string,
    private readonly idPrefix: string,
  ) {}

  add<K extends OversightEventType>(date: CalendarDate, type: K, data: Record<string, unknown>, actor: Actor): string {
    const id = `${this.idPrefix}-${++this.count}`;
    this.items.push({
      date, kind: 'event', stream: this.stream, id, type, schemaVersion: CURRENT_SCHEMA_VERSION[type],
      data: { ...data, effectiveDate: data.effectiveDate ?? date }, actor,
    });
    return id;
  }

  spawn(date: CalendarDate, story: () => Iterator<StoryItem>): void {
    this.items.push({ date, kind: 'spawn', story });
  }

  /** the events in date order (stable for events of the same day) */
  story(): Iterator<StoryItem> {
    return this.items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.index - b.index))
      .map(({ item }) => item)
      [Symbol.iterator]();
  }
}

const actorOf = (userId: string, role: Role = 'iro'): Actor => ({ userId, role });
const SOCIAL_WORK: Actor = { userId: 'case-management-system', role: 'system' };

const PLACEMENTS: readonly (readonly [PlacementType, number])[] = [
  ['U4', 30], ['U5', 10], ['U6', 18], ['U1', 8], ['U3', 5], ['P1', 6], ['K2', 9], ['R1', 1], ['H5', 4], ['K3', 2],
  ['P2', 2], ['K1', 0.5], ['A4', 2], ['A5', 1], ['T2', 0.5], ['Z1', 1],
];
const ENTRY_STATUSES: readonly (readonly [LegalStatus, number])[] = [['C1', 35], ['V2', 40], ['E1', 5], ['L1', 3], ['J2', 2], ['C2', 15]];
const REASONS_CEASED = [['E11', 6], ['E12', 3], ['E13', 20], ['E41', 10], ['E45', 6], ['E5', 8], ['E8', 30], ['E15', 5], ['E17', 12]] as const;
const SEXES = [['male', 54], ['female', 45], ['unknown', 1]] as const;

function lookedAfterStory(world: GeneratedWorld, childId: string, start: CalendarDate, registered: boolean): Iterator<StoryItem> {
  const r = world.random;
  const stream = new StreamWriter(childStream(childId), `${childId}-${start}`);
  if (!registered) {
    const age = r.weighted([[0, 20], [r.int(1, 4), 17], [r.int(5, 9), 18], [r.int(10, 15), 35], [r.int(16, 17), 10]] as const);
    const dateOfBirth = addDays(start, -(age * 365 + r.int(1, 360)));
    stream.add(start, 'ChildRegistered', {
      childId, dateOfBirth, sex: r.weighted(SEXES), ethnicity: r.chance(0.9) ? r.pick(ETHNICITY_CODES) : undefined,
      ...(r.chance(0.3) ? { familyId: `family-${childId}` } : {}),
    }, SOCIAL_WORK);
  }
  let iro = world.iro();
  stream.add(start, 'IroAllocated', { childId, iroId: iro }, actorOf('iro-manager', 'manager'));
  const periodId = `${childId}:${start}`;
  const legalStatus = r.weighted(ENTRY_STATUSES);
  stream.add(start, 'CareStarted', {
    childId, periodId, startDate: start, legalStatus, placementType: r.weighted(PLACEMENTS),
    placedOutsideLocalAuthority: r.chance(0.25), categoryOfNeed: r.pick(CATEGORIES_OF_NEED),
    firstReviewDueBy: firstReviewDueDate(start),
  }, SOCIAL_WORK);

  const end = addDays(start, Math.max(10, Math.round(r.exponential(legalStatus === 'V2' ? 300 : 900))));

  for (let on = addDays(start, Math.round(r.exponential(400))); on < end; on = addDays(on, Math.round(r.exponential(400)) + 1)) {
    const placement = stream.add(on, 'PlacementChanged', {
      childId, placementType: r.weighted(PLACEMENTS), placedOutsideLocalAuthority: r.chance(0.25),
      reasonForChange: r.pick(REASONS_PLACE_CHANGE),
    }, SOCIAL_WORK);
    if (r.chance(0.02)) {
      // entered wrongly: voided, then entered anew
      const voidedOn = addDays(on, r.int(1, 10));
      stream.add(voidedOn, 'RecordVoided', { eventId: placement, voidedType: 'PlacementChanged', reason: 'wrong placement type entered' }, SOCIAL_WORK);
      stream.add(voidedOn, 'PlacementChanged', {
        childId, placementType: r.weighted(PLACEMENTS), placedOutsideLocalAuthority: r.chance(0.25), effectiveDate: on,
      }, SOCIAL_WORK);
    }
  }
  if (legalStatus === 'C1' && r.chance(0.6)) {
    const on = addDays(start, r.int(120, 300));
    if (on < end) stream.add(on, 'LegalStatusChanged', { childId, legalStatus: 'C2' }, SOCIAL_WORK);
  }
  if (r.chance(0.3)) {
    const on = addDays(start, r.int(60, 700));
    if (on < end) {
      iro = world.iro();
      stream.add(on, 'IroAllocated', { childId, iroId: iro }, actorOf('iro-manager', 'manager'));
    }
  }

  const birth = (stream.items[0] as EventItem).type === 'ChildRegistered' ? ((stream.items[0] as EventItem).data.dateOfBirth as string) : undefined;
  let dueBy = firstReviewDueDate(start);
  for (let sequence = 1; ; sequence += 1) {
    const late = r.chance(0.12);
    const heldOn = late ? addWorkingDays(dueBy, r.int(1, 25)) : addDays(dueBy, -r.int(0, 20));
    if (heldOn >= end) break;
    const underFour = birth !== undefined && addMonths(birth, 48) > heldOn;
    const participation: ParticipationCode = underFour ? 'PN0' : r.weighted([['PN1', 55], ['PN2', 8], ['PN3', 10], ['PN4', 12], ['PN5', 5], ['PN6', 5], ['PN7', 5]] as const);
    stream.add(heldOn, 'ReviewHeld', {
      childId, reviewId: `${periodId}:review-${sequence}`, periodId, heldOn, chairIroId: iro, participation,
      iroVisitedBeforeReview: r.chance(0.8), permanencePlanInPlace: sequence >= 2 ? r.chance(0.85) : undefined,
      ...(late ? { lateReason: 'review rearranged' } : {}),
      sequence, dueBy, heldInTime: heldOn <= dueBy, nextReviewDueBy: nextReviewDueDate(sequence, heldOn),
    }, actorOf(iro));
    if (r.chance(0.1)) {
      const raisedOn = addWorkingDays(heldOn, r.int(1, 5));
      stream.spawn(raisedOn, () => challengeStory(world, [childId], raisedOn, iro));
    }
    dueBy = nextReviewDueDate(sequence, heldOn);
  }
  stream.add(end, 'CareEnded', { childId, periodId, endDate: end, reasonCeased: r.weighted(REASONS_CEASED) }, SOCIAL_WORK);
  return stream.story();
}

function protectionStory(
  world: GeneratedWorld,
  childId: string,
  strategyDiscussionOn: CalendarDate,
  registered: boolean,
  previousPlanCount: number,
): Iterator<StoryItem> {
  const r = world.random;
  const stream = new StreamWriter(childStream(childId), `${childId}-${strategyDiscussionOn}`);
  if (!registered) {
    const unborn = r.chance(0.05);
    stream.add(strategyDiscussionOn, 'ChildRegistered', {
      childId,
      ...(unborn
        ? { expectedDateOfBirth: addDays(strategyDiscussionOn, r.int(20, 120)) }
        : { dateOfBirth: addDays(strategyDiscussionOn, -r.int(30, 17 * 365)) }),
      sex: r.weighted(SEXES), ethnicity: r.pick(ETHNICITY_CODES),
    }, SOCIAL_WORK);
  }
  const chair = world.iro();
  stream.add(strategyDiscussionOn, 'IroAllocated', { childId, iroId: chair }, actorOf('iro-manager', 'manager'));
  const initialDue = initialConferenceDueDate(strategyDiscussionOn);
  const initialOn = r.chance(0.8) ? addWorkingDays(strategyDiscussionOn, r.int(8, 15)) : addWorkingDays(initialDue, r.int(1, 15));
  const planStarted = r.chance(0.85);
  const planId = `${childId}:${initialOn}`;
  const categoryOfAbuse = r.weighted([[CATEGORIES_OF_ABUSE[0], 50], [CATEGORIES_OF_ABUSE[1], 30], [CATEGORIES_OF_ABUSE[2], 8], [CATEGORIES_OF_ABUSE[3], 4], [CATEGORIES_OF_ABUSE[4], 8]] as const);
  stream.add(initialOn, 'CPConferenceHeld', {
    childId, conferenceId: `${planId}:icpc`, type: 'initial', heldOn: initialOn, strategyDiscussionOn, chairIroId: chair,
    outcome: planStarted ? 'plan-started' : 'no-plan',
    ...(planStarted ? { categoryOfAbuse, previousPlanCount, planId, nextReviewConferenceDueBy: firstReviewConferenceDueDate(initialOn) } : {}),
    dueBy: initialDue, heldInTime: initialOn <= initialDue,
  }, actorOf(chair));
  if (!planStarted) return stream.story();

  const planEnds = addDays(initialOn, Math.round(90 + r.exponential(300)));
  let dueBy = firstReviewConferenceDueDate(initialOn);
  let heldOn = initialOn;
  for (let n = 1; ; n += 1) {
    heldOn = r.chance(0.9) ? addDays(dueBy, -r.int(0, 14)) : addDays(dueBy, r.int(1, 30));
    const ending = heldOn >= planEnds;
    stream.add(heldOn, 'CPConferenceHeld', {
      childId, conferenceId: `${planId}:rcpc-${n}`, type: 'review', heldOn, chairIroId: chair,
      outcome: ending ? 'plan-ended' : 'plan-continued', planId, dueBy, heldInTime: heldOn <= dueBy,
      ...(ending ? {} : { nextReviewConferenceDueBy: laterReviewConferenceDueDate(heldOn) }),
    }, actorOf(chair));
    if (ending) break;
    dueBy = laterReviewConferenceDueDate(heldOn);
  }
  if (r.chance(0.12)) {
    const again = addDays(heldOn, r.int(90, 900));
    stream.spawn(again, () => protectionStory(world, childId, again, true, previousPlanCount + 1));
  } else if (r.chance(0.08)) {
    const intoCare = addDays(heldOn, r.int(1, 200));
    stream.spawn(intoCare, () => lookedAfterStory(world, childId, intoCare, true));
  }
  return stream.story();
}

const NEXT_STAGE: Record<string, ChallengeStage | undefined> = { '1': 2, '2': 3, '3': 4, '4': 'cafcass' };
const ESCALATION_CHANCE: Record<string, number> = { '1': 0.3, '2': 0.3, '3': 0.25, '4': 0.2 };

function challengeStory(world: GeneratedWorld, childIds: string[], raisedOn: CalendarDate, raisedBy: string): Iterator<StoryItem> {
  const r = world.random;
  const challengeId = world.newChallengeId();
  const stream = new StreamWriter(challengeStream(challengeId), challengeId);
  const iro = actorOf(raisedBy);
  stream.add(raisedOn, 'ChallengeRaised', {
    challengeId, childIds, raisedOn, raisedBy, category: r.pick(CHALLENGE_CATEGORIES),
    summary: 'The care plan has not progressed since the last review.', addressedTo: 'team-manager', stage: 1,
    responseDueBy: stageResponseDueBy(1, raisedOn, world.config),
  }, iro);
  let stage: ChallengeStage = 1;
  let on = raisedOn;
  for (;;) {
    const responseDueBy = stageResponseDueBy(stage, on, world.config);
    if (stage !== 'cafcass') {
      const respondedOn = responseDueBy && r.chance(0.7) ? addWorkingDays(on, r.int(1, 4)) : addWorkingDays(on, r.int(5, 15));
      stream.add(respondedOn, 'ChallengeResponded', {
        challengeId, respondedOn, respondedBy: `manager-stage-${stage}`, response: 'A plan to address the concern is proposed.', stage,
      }, actorOf(`manager-stage-${stage}`, 'manager'));
      on = respondedOn;
    }
    const toCafcass: boolean = stage !== 'cafcass' && r.chance(0.01);
    const next: ChallengeStage | undefined = toCafcass ? 'cafcass' : NEXT_STAGE[String(stage)];
    if (next !== undefined && (toCafcass || r.chance(ESCALATION_CHANCE[String(stage)] ?? 0))) {
      const escalatedOn = addWorkingDays(on, r.int(1, 3));
      stream.add(escalatedOn, 'ChallengeEscalated', {
        challengeId, escalatedOn, fromStage: stage, toStage: next, reason: 'The response did not resolve the concern.',
        responseDueBy: stageResponseDueBy(next, escalatedOn, world.config),
      }, iro);
      stage = next;
      on = escalatedOn;
      continue;
    }
    if (r.chance(0.04)) break; // still open when the history ends
    const resolvedOn = addWorkingDays(on, r.int(0, stage === 'cafcass' ? 40 : 4));
    const outcome = r.weighted([['resolved', 55], ['recovery-plan-agreed', 25], ['not-upheld', 15], ['withdrawn', 5]] as const);
    stream.add(resolvedOn, 'ChallengeResolved', {
      challengeId, resolvedOn, outcome, stage,
      ...(outcome === 'recovery-plan-agreed'
        ? { recoveryPlan: { actions: [{ action: 'Permanence planning meeting', dueBy: addWorkingDays(resolvedOn, 10) }] } }
        : {}),
    }, iro);
    break;
  }
  return stream.story();
}

/** Children currently in care, for picking the subjects of reads and service-level challenges. */
class ActiveChildren {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }

  remove(id: string): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[at] = last;
      this.index.set(last, at);
    }
    this.index.delete(id);
  }

  sample(random: SeededRandom, count: number): string[] {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(count, this.ids.length)) chosen.add(random.pick(this.ids));
    return [...chosen];
  }
}

/** The stories' next items, earliest date first (ties in the order they were queued). */
class StoryQueue {
  private readonly heap: Pending[] = [];
  private order = 0;

  add(story: Iterator<StoryItem>): void {
    const next = story.next();
    if (next.done) return;
    this.push({ date: next.value.date, order: this.order++, item: next.value, story });
  }

  pop(): StoryItem | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    this.add(top.story);
    return top.item;
  }

  private push(pending: Pending): void {
    this.heap.push(pending);
    let at = this.heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!earlier(this.heap[at], this.heap[parent])) break;
      [this.heap[at], this.heap[parent]] = [this.heap[parent], this.heap[at]];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < this.heap.length && earlier(this.heap[left], this.heap[smallest])) smallest = left;
      if (right < this.heap.length && earlier(this.heap[right], this.heap[smallest])) smallest = right;
      if (smallest === at) return;
      [this.heap[at], this.heap[smallest]] = [this.heap[smallest], this.heap[at]];
      at = smallest;
    }
  }
}

const earlier = (a: Pending, b: Pending): boolean => (a.date !== b.date ? a.date < b.date : a.order < b.order);
