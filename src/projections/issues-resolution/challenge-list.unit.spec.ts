import { Query } from 'mingo';
import { challengesWithChildren } from '../testing/challenges-with-children';
import { OversightHistory } from '../testing/oversight-history';
import { ChallengeDocument } from './challenge-document';
import {
  CHALLENGE_LIST_SORT, challengeListFilter, ChallengeListCriteria, challengeListItem, challengeListPosition, ChallengeListPosition,
} from './challenge-list';

function challenges() {
  const given = new OversightHistory();
  given.challengeRaised('ch-a', ['c-1'], '2020-01-06', { raisedBy: 'iro-1', category: 'permanence' });
  given.challengeRaised('ch-b', ['c-1', 'c-2', 'c-3'], '2020-01-13', { raisedBy: 'iro-2', category: 'placement' });
  given.challengeEscalated('ch-b', '2020-01-20', 2);
  given.challengeRaised('ch-c', ['c-2'], '2020-02-03', { raisedBy: 'iro-1', category: 'permanence' });
  given.challengeResponded('ch-c', '2020-02-04');
  given.challengeRaised('ch-d', ['c-4'], '2020-02-03', { raisedBy: 'iro-1', category: 'health' });
  given.challengeResolved('ch-d', '2020-02-05');
  return challengesWithChildren(given.events);
}

/** What the read store answers for the filter and sort (mingo evaluates MongoDB syntax, as the embedded store does). */
function listed(criteria: Partial<ChallengeListCriteria>, after?: ChallengeListPosition, limit = 100): string[] {
  const filter = challengeListFilter({ asAt: '2020-03-02', ...criteria }, after);
  return new Query(filter)
    .find(challenges())
    .sort({ ...CHALLENGE_LIST_SORT })
    .limit(limit)
    .all()
    .map((document) => (document as ChallengeDocument).challengeId);
}

describe('the challenge list as read-store filters', () => {
  it('lists every challenge newest first, by id within a day', () => {
    expect(listed({})).toEqual(['ch-d', 'ch-c', 'ch-b', 'ch-a']);
  });

  it('filters by status, current stage, raiser, category and child', () => {
    expect(listed({ status: 'resolved' })).toEqual(['ch-d']);
    expect(listed({ status: 'open' })).toEqual(['ch-c', 'ch-b', 'ch-a']);
    expect(listed({ stage: '2' })).toEqual(['ch-b']);
    expect(listed({ stage: '1', status: 'open' })).toEqual(['ch-c', 'ch-a']);
    expect(listed({ raisedBy: 'iro-1' })).toEqual(['ch-d', 'ch-c', 'ch-a']);
    expect(listed({ category: 'permanence' })).toEqual(['ch-c', 'ch-a']);
    expect(listed({ childId: 'c-2' })).toEqual(['ch-c', 'ch-b']);
    expect(listed({ childId: 'c-3' })).toEqual(['ch-b']);
  });

  it('filters by the raising date, both ends included', () => {
    expect(listed({ from: '2020-01-13', to: '2020-02-02' })).toEqual(['ch-b']);
    expect(listed({ from: '2020-02-03' })).toEqual(['ch-d', 'ch-c']);
    expect(listed({ to: '2020-01-13' })).toEqual(['ch-b', 'ch-a']);
  });

  it('finds the challenges overdue at their current stage on a date', () => {
    // ch-a: stage 1 due 2020-01-13, unanswered; ch-b: stage 2 due 2020-01-27; ch-c answered in time
    expect(listed({ overdue: true, asAt: '2020-01-13' })).toEqual([]);
    expect(listed({ overdue: true, asAt: '2020-01-14' })).toEqual(['ch-a']);
    expect(listed({ overdue: true, asAt: '2020-01-28' })).toEqual(['ch-b', 'ch-a']);
    // ch-c and ch-d were raised on 3 February: on 28 January they were not anything yet
    expect(listed({ overdue: false, asAt: '2020-01-28' })).toEqual([]);
    expect(listed({ overdue: false, asAt: '2020-02-04' })).toEqual(['ch-d', 'ch-c']);
  });

  it('judges everything on asAt: the challenges raised by then, their status and their stage then', () => {
    expect(listed({ asAt: '2020-01-10' })).toEqual(['ch-a']);
    // ch-d was resolved on 5 February: open the day before
    expect(listed({ status: 'open', asAt: '2020-02-04' })).toEqual(['ch-d', 'ch-c', 'ch-b', 'ch-a']);
    expect(listed({ status: 'resolved', asAt: '2020-02-04' })).toEqual([]);
    expect(listed({ status: 'resolved', asAt: '2020-02-05' })).toEqual(['ch-d']);
    // ch-b was escalated to stage 2 on 20 January
    expect(listed({ stage: '1', asAt: '2020-01-19' })).toEqual(['ch-b', 'ch-a']);
    expect(listed({ stage: '2', asAt: '2020-01-19' })).toEqual([]);
    expect(listed({ stage: '2', asAt: '2020-01-20' })).toEqual(['ch-b']);
    // a resolved challenge stays at the stage it was resolved at
    expect(listed({ stage: '1', status: 'resolved', asAt: '2020-03-02' })).toEqual(['ch-d']);
  });

  it('shows each challenge as it stood on asAt: its stage, status and overdue days then', () => {
    const byId = new Map(challenges().map((challenge) => [challenge.challengeId, challenge]));
    const b = challengeListItem(byId.get('ch-b')!, '2020-01-19');
    expect(b).toMatchObject({ stage: '1', highestStage: '1', status: 'open' });
    expect(b.stages.map((spell) => [spell.stage, spell.leftOn])).toEqual([['1', null]]);
    const d = challengeListItem(byId.get('ch-d')!, '2020-02-04');
    expect(d).toMatchObject({ status: 'open', resolvedOn: null, resolvedAtStage: null, workingDaysToResolve: null });
    const { _id, ...now } = byId.get('ch-d')!;
    expect(challengeListItem(byId.get('ch-d')!, '2020-03-02')).toEqual(now);
  });

  it('names, as on asAt, only the records dated by then', () => {
    const byId = new Map(challenges().map((challenge) => [challenge.challengeId, challenge]));
    const [bRaised, bEscalated] = byId.get('ch-b')!.eventIds;
    expect(byId.get('ch-b')!.eventIds).toHaveLength(2);
    expect(challengeListItem(byId.get('ch-b')!, '2020-01-19').eventIds).toEqual([bRaised]);
    expect(challengeListItem(byId.get('ch-b')!, '2020-01-20').eventIds).toEqual([bRaised, bEscalated]);
    const [cRaised] = byId.get('ch-c')!.eventIds;
    expect(byId.get('ch-c')!.eventIds).toHaveLength(2);
    expect(challengeListItem(byId.get('ch-c')!, '2020-02-03').eventIds).toEqual([cRaised]);
    const [dRaised] = byId.get('ch-d')!.eventIds;
    expect(byId.get('ch-d')!.eventIds).toHaveLength(2);
    expect(challengeListItem(byId.get('ch-d')!, '2020-02-04').eventIds).toEqual([dRaised]);
  });

  it('pages from the last item of the previous page, including across a day with two challenges', () => {
    const all = challenges().sort((a, b) => (a.raisedOn === b.raisedOn ? (a._id < b._id ? 1 : -1) : a.raisedOn < b.raisedOn ? 1 : -1));
    const first = listed({}, undefined, 1);
    expect(first).toEqual(['ch-d']);
    const second = listed({}, challengeListPosition(all[0]), 2);
    expect(second).toEqual(['ch-c', 'ch-b']);
    expect(listed({}, challengeListPosition(all[2]), 2)).toEqual(['ch-a']);
    expect(listed({ raisedBy: 'iro-1' }, challengeListPosition(all[1]))).toEqual(['ch-a']);
  });
});
