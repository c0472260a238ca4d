import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHALLENGE_CATEGORIES, CHALLENGE_OUTCOMES } from '../../../../src/events/codes';
import { STAGE_KEYS } from '../../../../src/projections/issues-resolution/challenge-stages';

export class DateIntervalResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'exclusive; null while it lasts' }) until!: string | null;
}

export class StageSpellResponse {
  @ApiProperty({ enum: STAGE_KEYS }) stage!: string;
  @ApiProperty({ format: 'date' }) enteredOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null at Cafcass, which has no IRP deadline' }) responseDueBy!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the first response at this stage' }) respondedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the record of that response' }) respondedEventId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'escalated or resolved on' }) leftOn!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days from entering to leaving the stage' }) workingDays!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'answered (a response, or the resolution at this stage) on or before the deadline; false when escalated or still unanswered after it; null while pending, when escalated before it with no response (not measured), and at Cafcass' })
  deadlineMet!: boolean | null;
  @ApiProperty({ description: 'the raising or escalation that entered the stage' }) eventId!: string;
}

export class ChallengeSummaryResponse {
  @ApiProperty() challengeId!: string;
  @ApiProperty({ type: [String] }) childIds!: string[];
  @ApiProperty({ enum: CHALLENGE_CATEGORIES }) category!: string;
  @ApiProperty() raisedBy!: string;
  @ApiProperty({ format: 'date' }) raisedOn!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) addressedTo!: string | null;
  @ApiProperty({ enum: STAGE_KEYS, description: 'the stage it was at on asAt (today when none is given)' }) stage!: string;
  @ApiProperty({ enum: STAGE_KEYS }) highestStage!: string;
  @ApiProperty({ type: [StageSpellResponse] }) stages!: StageSpellResponse[];
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ enum: CHALLENGE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) resolvedOn!: string | null;
  @ApiProperty({ enum: STAGE_KEYS, nullable: true }) resolvedAtStage!: string | null;
  @ApiProperty() recoveryPlanAgreed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the record of the resolution' }) resolvedEventId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days from raised to resolved' }) workingDaysToResolve!: number | null;
  @ApiProperty({ type: [DateIntervalResponse], description: 'the days it was overdue at a stage: from the day after the deadline until the stage was answered (until null: still unanswered)' })
  overdueIntervals!: DateIntervalResponse[];
  @ApiProperty({ description: 'a child it names was looked after on the day it was raised' }) lookedAfterAtRaising!: boolean;
  @ApiProperty({ description: 'a child it names was on a child protection plan on the day it was raised' }) protectionAtRaising!: boolean;
  @ApiProperty({ type: [String], description: 'the records it is derived from (with asAt: those dated by then)' }) eventIds!: string[];
}

export class ChallengeListResponse {
  @ApiProperty({ type: [ChallengeSummaryResponse], description: 'newest raised first' }) items!: ChallengeSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}
