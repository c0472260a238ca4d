import { LocalAuthorityConfig, DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../config/local-authority-config';
import { StoredOversightEvent } from '../../events/envelope';
import { driftAndDelayProjection } from '../drift-and-delay/drift-and-delay.projection';
import { OVERSIGHT, OversightDocument } from '../drift-and-delay/oversight-document';
import { ChallengeDocument, CHALLENGES } from '../issues-resolution/challenge-document';
import { ChallengeWithChildren, withChildrenAtRaising } from '../issues-resolution/children-at-raising';
import { issuesResolutionProjection } from '../issues-resolution/issues-resolution.projection';
import { ProjectionDocument } from '../projection';
import { project } from './in-memory-read-model';

/** The challenges the issues-resolution read model holds, with their children at raising from the drift-and-delay read model, as the queries give them. */
export function challengesWithChildren(
  events: readonly StoredOversightEvent[],
  config: LocalAuthorityConfig = DEFAULT_LOCAL_AUTHORITY_CONFIG,
): ChallengeWithChildren[] {
  const oversight = project(driftAndDelayProjection, events, config);
  return project(issuesResolutionProjection, events, config)
    .all<ChallengeDocument>(CHALLENGES)
    .map((challenge) => withChildrenAtRaising(challenge, (childId) => oversight.get<OversightDocument & ProjectionDocument>(OVERSIGHT, childId)));
}
