import { addDays, CalendarDate } from '../../../src/calendar/calendar-date';
import { CaseCommand } from '../../../src/case/case-commands';
import { ChallengeCommand } from '../../../src/challenge/challenge-commands';
import { Actor } from '../../../src/events/envelope';
import { challengeStream, childStream } from '../../../src/events/streams';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile } from '../seed-profile';
import { chooseExactly } from '../plan/exact-counts';
import { HistoryPlan, PlannedChild } from '../plan/history-plan';
import { iroOn } from '../plan/plan-challenges';
import { historyEnd } from '../plan/seed-years';

/**
 * The plan as the commands the API would have received, each with the day it was
 * recorded. Records are made the day they happen, except: the cases open when the
 * service started recording are entered on the migration day with their history;
 * a share of reviews and conferences are recorded some days late; a few reviews held in
 * the report year's last fortnight are recorded after its end. A stream's records are
 * always made in the order they happened (a late record is made before the stream's
 * next one), so the deciders see each stream as the API would have.
 */
export type SeedCommand =
  | { kind: 'case'; command: CaseCommand }
  | { kind: 'challenge'; command: ChallengeCommand };

export interface DatedCommand {
  stream: string;
  recordOn: CalendarDate;
  seed: SeedCommand;
  actor: Actor;
}

interface Draft {
  on: CalendarDate;
  rank: number;
  seed: SeedCommand;
  actor: Actor;
  /** a review or conference that may be recorded late */
  mayBeLate?: 'review' | 'conference';
}

export function plannedCommands(profile: SeedProfile, plan: HistoryPlan): DatedCommand[] {
  const random = new SeededRandom(profile.seed + 1);
  const caseSystem: Actor = { userId: `${profile.idPrefix}-case-management-system`, role: 'admin' };
  const streams: { stream: string; drafts: Draft[] }[] = [];
  for (const child of plan.children) streams.push({ stream: childStream(child.childId), drafts: childDrafts(random, child, caseSystem) });
  for (const challenge of plan.challenges) {
    const iro: Actor = { userId: challenge.raisedBy, role: 'iro' };
    const drafts: Draft[] = [{
      on: challenge.raisedOn, rank: 0, actor: iro,
      seed: {
        kind: 'challenge',
        command: {
          type: 'raiseChallenge', challengeId: challenge.challengeId, childIds: challenge.childIds, raisedOn: challenge.raisedOn,
          raisedBy: challenge.raisedBy, category: challenge.category, summary: challenge.summary, addressedTo: challenge.addressedTo,
        },
      },
    }];
    for (const step of challenge.steps) {
      const { challengeId } = challenge;
      if (step.type === 'respond') {
        drafts.push({
          on: step.on, rank: 1, actor: { userId: `${profile.idPrefix}-${step.by}`, role: 'manager' },
          seed: { kind: 'challenge', command: { type: 'respondToChallenge', challengeId, respondedOn: step.on, respondedBy: `${profile.idPrefix}-${step.by}`, response: step.response } },
        });
      } else if (step.type === 'escalate') {
        drafts.push({
          on: step.on, rank: 1, actor: iro,
          seed: { kind: 'challenge', command: { type: 'escalateChallenge', challengeId, escalatedOn: step.on, toStage: step.toStage, reason: step.reason } },
        });
      } else {
        drafts.push({
          on: step.on, rank: 1, actor: iro,
          seed: {
            kind: 'challenge',
            command: { type: 'resolveChallenge', challengeId, resolvedOn: step.on, outcome: step.outcome, ...(step.recoveryPlan && { recoveryPlan: step.recoveryPlan }) },
          },
        });
      }
    }
    streams.push({ stream: challengeStream(challenge.challengeId), drafts });
  }

  const lateAfterYearEnd = chooseRecordedAfterYearEnd(profile, random, streams);
  const commands: (DatedCommand & { phase: number; index: number })[] = [];
  streams.forEach(({ stream, drafts }, streamIndex) => {
    const ordered = drafts
      .map((draft, i) => ({ draft, i }))
      .sort((a, b) => (a.draft.on < b.draft.on ? -1 : a.draft.on > b.draft.on ? 1 : a.draft.rank - b.draft.rank || a.i - b.i))
      .map(({ draft }) => draft);
    const recordDays = ordered.map((draft) => wantedRecordDay(profile, random, draft, lateAfterYearEnd));
    // a stream's records are made in the order they happened: a late one before the next
    for (let i = 0; i < ordered.length; i += 1) {
      const next = ordered[i + 1];
      if (next && recordDays[i] > next.on) recordDays[i] = next.on < profile.migrationDay ? profile.migrationDay : next.on;
      if (i > 0 && recordDays[i] < recordDays[i - 1]) recordDays[i] = recordDays[i - 1];
    }
    const phase = stream.startsWith('challenge-') ? 1 : 0;
    ordered.forEach((draft, i) => commands.push({ stream, recordOn: recordDays[i], seed: draft.seed, actor: draft.actor, phase, index: streamIndex }));
  });
  // the registration is recorded with the child's first record, on that day, first
  return commands
    .map((command, order) => ({ command, order }))
    .sort((a, b) => {
      const x = a.command;
      const y = b.command;
      if (x.recordOn !== y.recordOn) return x.recordOn < y.recordOn ? -1 : 1;
      return x.phase - y.phase || x.index - y.index || a.order - b.order;
    })
    .map(({ command: { stream, recordOn, seed, actor } }) => ({ stream, recordOn, seed, actor }));
}

function wantedRecordDay(profile: SeedProfile, random: SeededRandom, draft: Draft, afterYearEnd: Set<Draft>): CalendarDate {
  if (draft.on < profile.migrationDay) return profile.migrationDay;
  if (afterYearEnd.has(draft)) return addDays(historyEnd(profile), random.int(5, 25));
  const { lateRecordedPercent, lateRecordedByDaysAtMost } = profile.shape.recording;
  if (draft.mayBeLate && random.chance(lateRecordedPercent / 100)) {
    const late = addDays(draft.on, random.int(3, lateRecordedByDaysAtMost));
    return late > profile.lastRecordDay ? profile.lastRecordDay : late;
  }
  return draft.on;
}

function chooseRecordedAfterYearEnd(profile: SeedProfile, random: SeededRandom, streams: { drafts: Draft[] }[]): Set<Draft> {
  const end = historyEnd(profile);
  const lastFortnight = streams.flatMap(({ drafts }) =>
    drafts.filter((d) => d.mayBeLate === 'review' && d.on > addDays(end, -14) && !drafts.some((o) => o.on > d.on)),
  );
  return new Set(chooseExactly(random, lastFortnight, profile.shape.recording.recordedAfterYearEnd, 'reviews recorded after the year end'));
}

function childDrafts(random: SeededRandom, child: PlannedChild, caseSystem: Actor): Draft[] {
  const { childId } = child;
  const drafts: Draft[] = [];
  const add = (on: CalendarDate, rank: number, command: CaseCommand, actor: Actor = caseSystem, mayBeLate?: Draft['mayBeLate']) =>
    drafts.push({ on, rank, seed: { kind: 'case', command }, actor, ...(mayBeLate && { mayBeLate }) });
  const chair = (on: CalendarDate): string => iroOn(child, on) ?? child.iroAllocations[0].iroId;

  for (const allocation of child.iroAllocations) add(allocation.on, 1, { type: 'allocateIro', childId, iroId: allocation.iroId, effectiveDate: allocation.on });
  child.periods.forEach((period, periodIndex) => {
    const [first, ...placements] = period.placements;
    const [initial, ...statuses] = period.legalStatuses;
    add(period.start, 2, {
      type: 'startCare', childId, startDate: period.start, legalStatus: initial.legalStatus, placementType: first.placementType,
      placedOutsideLocalAuthority: first.outside,
    });
    for (const status of statuses) add(status.on, 3, { type: 'changeLegalStatus', childId, effectiveDate: status.on, legalStatus: status.legalStatus });
    for (const placement of placements) {
      add(placement.on, 3, {
        type: 'changePlacement', childId, effectiveDate: placement.on, placementType: placement.placementType,
        placedOutsideLocalAuthority: placement.outside, ...(placement.reasonForChange && { reasonForChange: placement.reasonForChange }),
      });
    }
    period.reviews.forEach((review, i) => {
      const chairIroId = chair(review.heldOn);
      add(review.heldOn, 4, {
        type: 'holdReview', childId, reviewId: `${childId}-p${periodIndex + 1}-r${i + 1}`, heldOn: review.heldOn, chairIroId,
        participation: review.participation, iroVisitedBeforeReview: review.visited,
        ...(i >= 1 && { permanencePlanInPlace: random.chance(0.85) }),
        ...(review.late && { lateReason: 'No social work report available for the review' }),
      }, { userId: chairIroId, role: 'iro' }, 'review');
    });
    if (period.end) add(period.end, 5, { type: 'endCare', childId, endDate: period.end, reasonCeased: period.reasonCeased! });
  });
  child.plans.forEach((plan, planIndex) => {
    const initialChair = chair(plan.heldOn);
    add(plan.heldOn, 2, {
      type: 'holdCPConference', childId, conferenceId: `${childId}-cp${planIndex + 1}-icpc`, conferenceType: 'initial',
      heldOn: plan.heldOn, strategyDiscussionOn: plan.strategyDiscussionOn, chairIroId: initialChair, outcome: 'plan-started',
      categoryOfAbuse: plan.categoryOfAbuse, ...(plan.previousPlanCount !== undefined && { previousPlanCount: plan.previousPlanCount }),
    }, { userId: initialChair, role: 'iro' }, 'conference');
    plan.reviews.forEach((heldOn, i) => {
      const chairIroId = chair(heldOn);
      const ends = plan.ended && i === plan.reviews.length - 1;
      add(heldOn, 4, {
        type: 'holdCPConference', childId, conferenceId: `${childId}-cp${planIndex + 1}-rcpc${i + 1}`, conferenceType: 'review',
        heldOn, chairIroId, outcome: ends ? 'plan-ended' : 'plan-continued',
      }, { userId: chairIroId, role: 'iro' }, 'conference');
    });
  });
  child.initialConferencesWithoutPlan.forEach((conference, i) => {
    const chairIroId = chair(conference.heldOn);
    add(conference.heldOn, 2, {
      type: 'holdCPConference', childId, conferenceId: `${childId}-icpc-np${i + 1}`, conferenceType: 'initial',
      heldOn: conference.heldOn, strategyDiscussionOn: conference.strategyDiscussionOn, chairIroId, outcome: 'no-plan',
    }, { userId: chairIroId, role: 'iro' }, 'conference');
  });

  const first = drafts.reduce((a, b) => (b.on < a.on ? b : a));
  drafts.push({
    on: first.on, rank: 0, actor: caseSystem,
    seed: {
      kind: 'case',
      command: {
        type: 'registerChild', childId, sex: child.sex,
        ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : { expectedDateOfBirth: child.expectedDateOfBirth! }),
        ...(child.ethnicity && { ethnicity: child.ethnicity }), ...(child.familyId && { familyId: child.familyId }),
      },
    },
  });
  return drafts;
}
