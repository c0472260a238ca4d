import { Module } from '@nestjs/common';
import { CaseloadsController } from './caseloads/caseloads.controller';
import { ChallengeChildren } from './challenge-children';
import { ChallengeListController } from './challenge-list/challenge-list.controller';
import { ChildOversightController } from './child-oversight/child-oversight.controller';
import { ClinicCandidatesController } from './clinic-candidates/clinic-candidates.controller';
import { IssuesResolutionAnalysisController } from './issues-resolution-analysis/issues-resolution-analysis.controller';
import { FreshReadModels } from './fresh-read-models';
import { QueryDate } from './query-date';

/**
 * The read-model queries: the challenge list and the Issues Resolution stage analysis
 * (issues-resolution read model, with the children's days from drift-and-delay), a child's drift and delay and the clinic candidates
 * (drift-and-delay), and IRO caseloads (computed from drift-and-delay). They read the
 * READ_STORE the projector keeps current (waiting for it to catch up when it runs in
 * this process), and evaluate dates with the injected CLOCK.
 */
@Module({
  controllers: [
    ChallengeListController,
    IssuesResolutionAnalysisController,
    ChildOversightController,
    ClinicCandidatesController,
    CaseloadsController,
  ],
  providers: [QueryDate, FreshReadModels, ChallengeChildren],
})
export class OversightQueriesModule {}
