import { Module } from '@nestjs/common';
import { AllocateIroController } from './allocate-iro/allocate-iro.controller';
import { AllocateIroHandler } from './allocate-iro/allocate-iro.handler';
import { ChangeLegalStatusController } from './change-legal-status/change-legal-status.controller';
import { ChangeLegalStatusHandler } from './change-legal-status/change-legal-status.handler';
import { ChangePlacementController } from './change-placement/change-placement.controller';
import { ChangePlacementHandler } from './change-placement/change-placement.handler';
import { ChildRecordController } from './child-record/child-record.controller';
import { EndCareController } from './end-care/end-care.controller';
import { EndCareHandler } from './end-care/end-care.handler';
import { EndCPPlanController } from './end-cp-plan/end-cp-plan.controller';
import { EndCPPlanHandler } from './end-cp-plan/end-cp-plan.handler';
import { HoldCPConferenceController } from './hold-cp-conference/hold-cp-conference.controller';
import { HoldCPConferenceHandler } from './hold-cp-conference/hold-cp-conference.handler';
import { HoldReviewController } from './hold-review/hold-review.controller';
import { HoldReviewHandler } from './hold-review/hold-review.handler';
import { RegisterChildController } from './register-child/register-child.controller';
import { RegisterChildHandler } from './register-child/register-child.handler';
import { StartCareController } from './start-care/start-care.controller';
import { StartCareHandler } from './start-care/start-care.handler';
import { StartCPPlanController } from './start-cp-plan/start-cp-plan.controller';
import { StartCPPlanHandler } from './start-cp-plan/start-cp-plan.handler';
import { VoidChildRecordController } from './void-child-record/void-child-record.controller';
import { VoidChildRecordHandler } from './void-child-record/void-child-record.handler';

/** A child's case: the commands on stream child-<childId> (one folder each) and the reads of it. */
@Module({
  controllers: [
    RegisterChildController,
    StartCareController,
    ChangePlacementController,
    ChangeLegalStatusController,
    EndCareController,
    AllocateIroController,
    HoldReviewController,
    HoldCPConferenceController,
    StartCPPlanController,
    EndCPPlanController,
    VoidChildRecordController,
    ChildRecordController,
  ],
  providers: [
    RegisterChildHandler,
    StartCareHandler,
    ChangePlacementHandler,
    ChangeLegalStatusHandler,
    EndCareHandler,
    AllocateIroHandler,
    HoldReviewHandler,
    HoldCPConferenceHandler,
    StartCPPlanHandler,
    EndCPPlanHandler,
    VoidChildRecordHandler,
  ],
})
export class CaseModule {}
