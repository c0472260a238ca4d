import { foldChallenge } from '../../../../src/challenge/evolve-challenge';
import { OversightEvent } from '../../../../src/events/oversight-events';
import { challengeEscalated, challengeRaised, challengeResolved, challengeResponded } from '../../../../src/testing/oversight-history';
import { challengeRecord } from './challenge-record';

const recordOn = (today: string, ...events: OversightEvent[]) =>
  challengeRecord(foldChallenge(events.map((event, i) => ({ ...event, id: `e${i}` }))), events.length - 1, today);

// raised Monday 2 November 2026: stage 1 due Monday 9 November
const raised = challengeRaised({ challengeId: 'CH-1', raisedOn: '2026-11-02' });

describe('a stage overdue in the challenge record (past its deadline and no answer by then)', () => {
  it('is overdue the day after its deadline when nothing answered it', () => {
    expect(recordOn('2026-11-09', raised).stageHistory[0].overdue).toBe(false);
    expect(recordOn('2026-11-10', raised).stageHistory[0].overdue).toBe(true);
  });

  it('is not overdue once answered in time, and stays so after the deadline', () => {
    const record = recordOn('2026-11-26', raised, challengeResponded({ challengeId: 'CH-1', respondedOn: '2026-11-05', stage: 1 }));
    expect(record.stageHistory).toEqual([
      { stage: 1, enteredOn: '2026-11-02', responseDueBy: '2026-11-09', leftOn: null, overdue: false, deadlineMet: true },
    ]);
  });

  it('is not overdue today once answered late: it was overdue only until the answer', () => {
    const record = recordOn('2026-11-26', raised, challengeResponded({ challengeId: 'CH-1', respondedOn: '2026-11-16', stage: 1 }));
    expect(record.stageHistory[0].overdue).toBe(false);
  });

  it('counts a response only at the stage it answered', () => {
    const record = recordOn(
      '2026-11-26',
      raised,
      challengeResponded({ challengeId: 'CH-1', respondedOn: '2026-11-05', stage: 1 }),
      challengeEscalated({ challengeId: 'CH-1', escalatedOn: '2026-11-06', fromStage: 1, toStage: 2 }),
    );
    expect(record.stageHistory.map((visit) => [visit.stage, visit.overdue])).toEqual([[1, false], [2, true]]);
  });
});

describe("whether a stage's deadline was met, in the challenge record (as GET /challenges gives it)", () => {
  it('was missed by a stage left after its deadline with no answer before, though it is not overdue now', () => {
    const record = recordOn(
      '2026-11-26',
      raised,
      challengeEscalated({ challengeId: 'CH-1', escalatedOn: '2026-11-06', fromStage: 1, toStage: 2 }),
      challengeResolved({ challengeId: 'CH-1', resolvedOn: '2026-11-20', stage: 2 }),
    );
    // stage 1 escalated before its deadline with no response: not measured (an escalation is not an answer);
    // stage 2 entered Friday 6 November, due Friday 13 November, left at the resolution on 20 November
    expect(record.stageHistory.map((visit) => [visit.stage, visit.overdue, visit.deadlineMet])).toEqual([[1, false, null], [2, false, false]]);
  });

  it('is not known while a stage is open and answered by nothing, and never at Cafcass', () => {
    expect(recordOn('2026-11-26', raised).stageHistory[0].deadlineMet).toBeNull();
    const atCafcass = recordOn('2026-11-26', raised, challengeEscalated({ challengeId: 'CH-1', escalatedOn: '2026-11-04', fromStage: 1, toStage: 'cafcass' }));
    expect(atCafcass.stageHistory.map((visit) => visit.deadlineMet)).toEqual([null, null]);
  });
});
