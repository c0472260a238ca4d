import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../config/local-authority-config';
import { ProjectionDocument } from '../projection';
import { InMemoryReadModel, project } from '../testing/in-memory-read-model';
import { OversightHistory } from '../testing/oversight-history';
import { challengesWithChildren } from '../testing/challenges-with-children';
import { ChallengeDocument, CHALLENGES } from './challenge-document';
import { issuesResolutionProjection } from './issues-resolution.projection';

const challengeIn = (model: InMemoryReadModel, id: string) => model.get<ChallengeDocument & ProjectionDocument>(CHALLENGES, id);
/** the challenge as the queries give it: with its children at raising, from the drift-and-delay read model */
const asQueried = (given: OversightHistory, id: string) => challengesWithChildren(given.events).find((challenge) => challenge.challengeId === id);

describe('issues-resolution projection: a challenge and its stage history', () => {
  it('gives a stage 1 deadline of 5 working days across the early-May 2020 bank holiday (Fri 8 May)', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2020-05-04', { raisedBy: 'iro-7', category: 'permanence' });
    given.challengeResponded('ch-1', '2020-05-12');

    const challenge = challengeIn(project(issuesResolutionProjection, given.events), 'ch-1')!;

    expect(challenge).toMatchObject({
      challengeId: 'ch-1',
      childIds: ['c-1'],
      category: 'permanence',
      raisedBy: 'iro-7',
      raisedOn: '2020-05-04',
      stage: '1',
      highestStage: '1',
      status: 'open',
      outcome: null,
      overdueIntervals: [],
    });
    expect(challenge.stages).toEqual([
      expect.objectContaining({ stage: '1', enteredOn: '2020-05-04', responseDueBy: '2020-05-12', respondedOn: '2020-05-12', leftOn: null, workingDays: null, deadlineMet: true }),
    ]);
  });

  it('misses the deadline when the response comes the day after it, and is overdue from then while unanswered', () => {
    const late = new OversightHistory();
    late.challengeRaised('ch-1', ['c-1'], '2020-05-04');
    late.challengeResponded('ch-1', '2020-05-13');
    expect(challengeIn(project(issuesResolutionProjection, late.events), 'ch-1')!.stages[0].deadlineMet).toBe(false);

    const unanswered = new OversightHistory();
    unanswered.challengeRaised('ch-1', ['c-1'], '2020-05-04');
    const challenge = challengeIn(project(issuesResolutionProjection, unanswered.events), 'ch-1')!;
    expect(challenge.stages[0].deadlineMet).toBeNull();
    expect(challenge.overdueIntervals).toEqual([{ from: '2020-05-13', until: null }]);
  });

  it('does not count an escalation as the response: escalated with no response, a stage met no deadline', () => {
    // both raised Mon 5 Jan 2026 (stage 1 due Mon 12 Jan); nobody responds
    const given = new OversightHistory();
    given.challengeRaised('ch-early', ['c-1'], '2026-01-05');
    given.challengeEscalated('ch-early', '2026-01-12', 2); // on the deadline: the managers' time had not run out
    given.challengeRaised('ch-late', ['c-2'], '2026-01-05');
    given.challengeEscalated('ch-late', '2026-01-13', 2); // after it: missed
    given.challengeRaised('ch-resolved', ['c-3'], '2026-01-05');
    given.challengeResolved('ch-resolved', '2026-01-09'); // a resolution answers the stage
    const documents = project(issuesResolutionProjection, given.events);
    expect(challengeIn(documents, 'ch-early')!.stages[0].deadlineMet).toBeNull();
    expect(challengeIn(documents, 'ch-late')!.stages[0].deadlineMet).toBe(false);
    expect(challengeIn(documents, 'ch-resolved')!.stages[0].deadlineMet).toBe(true);
  });

  it('escalates across Christmas 2019: working days at each stage leave out weekends and bank holidays', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2019-12-20'); // Friday
    given.challengeEscalated('ch-1', '2020-01-02', 2);
    given.challengeResponded('ch-1', '2020-01-08');
    given.challengeEscalated('ch-1', '2020-01-10', 'cafcass');
    given.challengeResolved('ch-1', '2020-02-14', 'recovery-plan-agreed');

    const challenge = challengeIn(project(issuesResolutionProjection, given.events), 'ch-1')!;

    expect(challenge.stages).toEqual([
      expect.objectContaining({ stage: '1', enteredOn: '2019-12-20', responseDueBy: '2019-12-31', respondedOn: null, leftOn: '2020-01-02', workingDays: 6, deadlineMet: false }),
      expect.objectContaining({ stage: '2', enteredOn: '2020-01-02', responseDueBy: '2020-01-09', respondedOn: '2020-01-08', leftOn: '2020-01-10', workingDays: 6, deadlineMet: true }),
      expect.objectContaining({ stage: 'cafcass', enteredOn: '2020-01-10', responseDueBy: null, leftOn: '2020-02-14', workingDays: 25, deadlineMet: null }),
    ]);
    expect(challenge).toMatchObject({
      stage: 'cafcass',
      highestStage: 'cafcass',
      status: 'resolved',
      outcome: 'recovery-plan-agreed',
      resolvedOn: '2020-02-14',
      resolvedAtStage: 'cafcass',
      recoveryPlanAgreed: true,
      workingDaysToResolve: 37,
      overdueIntervals: [{ from: '2020-01-01', until: '2020-01-02' }],
    });
  });

  it('takes a stage deadline as decided when recorded, under the configuration then in force, not the one in force now', () => {
    const given = new OversightHistory();
    const then = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, stageDeadlineWorkingDays: { '1': 3, '2': 5, '3': 5, '4': 7 } };
    given.challengeRaised('ch-1', ['c-1'], '2020-03-02', { config: then });
    expect(challengeIn(project(issuesResolutionProjection, given.events, DEFAULT_LOCAL_AUTHORITY_CONFIG), 'ch-1')!.stages[0].responseDueBy).toBe('2020-03-05');
  });

  it('counts the configured working days for a step stored without its deadline', () => {
    const given = new OversightHistory();
    const raised = given.challengeRaised('ch-1', ['c-1'], '2020-03-02');
    delete (raised.data as { responseDueBy?: string }).responseDueBy;
    const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, stageDeadlineWorkingDays: { '1': 3, '2': 5, '3': 5, '4': 7 } };
    expect(challengeIn(project(issuesResolutionProjection, given.events, config), 'ch-1')!.stages[0].responseDueBy).toBe('2020-03-05');
  });

  it('records a service-level challenge naming three children, and whether any was looked after or on a plan when it was raised', () => {
    const given = new OversightHistory();
    given.childRegistered('looked-after');
    given.careStarted('looked-after', '2019-06-01');
    given.childRegistered('on-plan');
    given.initialConference('on-plan', '2019-09-10');
    given.childRegistered('neither');
    given.challengeRaised('service-1', ['looked-after', 'on-plan', 'neither'], '2019-10-01', { category: 'placement' });

    expect(challengeIn(project(issuesResolutionProjection, given.events), 'service-1')).toMatchObject({ childIds: ['looked-after', 'on-plan', 'neither'] });
    expect(asQueried(given, 'service-1')).toMatchObject({
      childIds: ['looked-after', 'on-plan', 'neither'],
      lookedAfterAtRaising: true,
      protectionAtRaising: true,
    });
  });

  it('keeps no copy of the children: a child\'s records change nothing in its read model', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2019-10-01');
    const before = project(issuesResolutionProjection, given.events);
    given.childRegistered('c-1');
    given.careStarted('c-1', '2019-09-01');
    given.initialConference('c-1', '2019-09-10');
    const after = project(issuesResolutionProjection, given.events);
    for (const collection of issuesResolutionProjection.collections) expect(after.all(collection)).toEqual(before.all(collection));
    expect(issuesResolutionProjection.collections).toEqual(['challenges', 'challenge-records']);
  });

  it('does not count a child in a short break (V3) as looked after, nor a plan that ended before the raising', () => {
    const given = new OversightHistory();
    given.careStarted('short-breaks', '2019-06-01', { legalStatus: 'V3' });
    given.initialConference('past-plan', '2019-01-10');
    given.reviewConference('past-plan', '2019-04-08', 'plan-ended');
    given.challengeRaised('ch-1', ['short-breaks', 'past-plan'], '2019-10-01');

    expect(asQueried(given, 'ch-1')).toMatchObject({
      lookedAfterAtRaising: false,
      protectionAtRaising: false,
    });
  });

  it('learns a child was looked after when the care start is recorded after the challenge', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2019-10-01');
    given.careStarted('c-1', '2019-09-01');

    expect(asQueried(given, 'ch-1')!.lookedAfterAtRaising).toBe(true);
  });
});

describe('issues-resolution projection: voided records count nowhere', () => {
  it('steps back to the earlier stage when an escalation is voided', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2020-02-03');
    const escalation = given.challengeEscalated('ch-1', '2020-02-11', 3);
    given.voided(escalation);

    const challenge = challengeIn(project(issuesResolutionProjection, given.events), 'ch-1')!;

    expect(challenge.stage).toBe('1');
    expect(challenge.highestStage).toBe('1');
    expect(challenge.stages).toHaveLength(1);
    expect(challenge.stages[0].leftOn).toBeNull();
    expect(challenge.eventIds).not.toContain(escalation.id);
  });

  it('reopens a challenge whose resolution is voided', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1'], '2020-02-03');
    const resolution = given.challengeResolved('ch-1', '2020-02-05', 'recovery-plan-agreed');
    given.voided(resolution);

    expect(challengeIn(project(issuesResolutionProjection, given.events), 'ch-1')).toMatchObject({
      status: 'open',
      outcome: null,
      resolvedOn: null,
      recoveryPlanAgreed: false,
      workingDaysToResolve: null,
    });
  });

  it('removes a challenge whose raising is voided', () => {
    const given = new OversightHistory();
    const raised = given.challengeRaised('ch-1', ['c-1', 'c-2'], '2020-02-03');
    given.challengeEscalated('ch-1', '2020-02-11', 2);
    given.voided(raised);

    const model = project(issuesResolutionProjection, given.events);

    expect(challengeIn(model, 'ch-1')).toBeUndefined();
    expect(asQueried(given, 'ch-1')).toBeUndefined();
  });

  it('no longer counts a child as looked after at raising when the care start is voided', () => {
    const given = new OversightHistory();
    const careStarted = given.careStarted('c-1', '2019-09-01');
    given.challengeRaised('ch-1', ['c-1'], '2019-10-01');
    given.voided(careStarted);

    expect(asQueried(given, 'ch-1')!.lookedAfterAtRaising).toBe(false);
  });

  it('gives the same documents when an event is delivered twice', () => {
    const given = new OversightHistory();
    const raised = given.challengeRaised('ch-1', ['c-1'], '2020-02-03');
    const once = project(issuesResolutionProjection, given.events);
    const twice = project(issuesResolutionProjection, [...given.events, raised]);
    expect(twice.all(CHALLENGES)).toEqual(once.all(CHALLENGES));
  });
});
