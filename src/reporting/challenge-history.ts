import { CalendarDate } from '../calendar/calendar-date';
import { ChallengeCategory, ChallengeOutcome, ChallengeStage, stageRank } from '../events/codes';
import { ChallengeFacts } from './report-facts';

/** A challenge as the figures read it; undefined when its raising was voided. */
export interface ChallengeHistory {
  challengeId: string;
  childIds: string[];
  raisedOn: CalendarDate;
  category: ChallengeCategory;
  escalations: { on: CalendarDate; toStage: ChallengeStage }[];
  resolutions: { on: CalendarDate; outcome: ChallengeOutcome }[];
}

export function deriveChallengeHistory(challenge: ChallengeFacts): ChallengeHistory | undefined {
  let history: ChallengeHistory | undefined;
  const escalations: ChallengeHistory['escalations'] = [];
  const resolutions: ChallengeHistory['resolutions'] = [];
  for (const fact of challenge.facts) {
    if (fact.type === 'ChallengeRaised') {
      history = {
        challengeId: challenge.challengeId, childIds: fact.childIds, raisedOn: fact.raisedOn, category: fact.category,
        escalations, resolutions,
      };
    } else if (fact.type === 'ChallengeEscalated') {
      escalations.push({ on: fact.escalatedOn, toStage: fact.toStage });
    } else {
      resolutions.push({ on: fact.resolvedOn, outcome: fact.outcome });
    }
  }
  return history;
}

/** The highest stage reached by `date`: escalations dated on or before it count. */
export function highestStageBy(challenge: ChallengeHistory, date: CalendarDate): ChallengeStage {
  let highest: ChallengeStage = 1;
  for (const escalation of challenge.escalations) {
    if (escalation.on <= date && stageRank(escalation.toStage) > stageRank(highest)) highest = escalation.toStage;
  }
  return highest;
}

/** The first resolution dated on or before `date`, if any. */
export function resolutionBy(challenge: ChallengeHistory, date: CalendarDate): ChallengeHistory['resolutions'][number] | undefined {
  let first: ChallengeHistory['resolutions'][number] | undefined;
  for (const resolution of challenge.resolutions) {
    if (resolution.on <= date && (first === undefined || resolution.on < first.on)) first = resolution;
  }
  return first;
}
