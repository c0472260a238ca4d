import { Module } from '@nestjs/common';
import { ChallengeRecordController } from './challenge-record/challenge-record.controller';
import { EscalateChallengeController } from './escalate-challenge/escalate-challenge.controller';
import { EscalateChallengeHandler } from './escalate-challenge/escalate-challenge.handler';
import { RaiseChallengeController } from './raise-challenge/raise-challenge.controller';
import { RaiseChallengeHandler } from './raise-challenge/raise-challenge.handler';
import { ResolveChallengeController } from './resolve-challenge/resolve-challenge.controller';
import { ResolveChallengeHandler } from './resolve-challenge/resolve-challenge.handler';
import { RespondToChallengeController } from './respond-to-challenge/respond-to-challenge.controller';
import { RespondToChallengeHandler } from './respond-to-challenge/respond-to-challenge.handler';
import { VoidChallengeRecordController } from './void-challenge-record/void-challenge-record.controller';
import { VoidChallengeRecordHandler } from './void-challenge-record/void-challenge-record.handler';

/** The Issues Resolution Process: the commands on stream challenge-<challengeId> (one folder each) and the reads of it. */
@Module({
  controllers: [
    RaiseChallengeController,
    EscalateChallengeController,
    RespondToChallengeController,
    ResolveChallengeController,
    VoidChallengeRecordController,
    ChallengeRecordController,
  ],
  providers: [
    RaiseChallengeHandler,
    EscalateChallengeHandler,
    RespondToChallengeHandler,
    ResolveChallengeHandler,
    VoidChallengeRecordHandler,
  ],
})
export class ChallengeModule {}
