import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { FIGURE_IDS } from '../../../src/reporting/figure-ids';

/** The OpenAPI shapes of the annual report's JSON answers (docs/figures.md, ../shared/FIGURES.md "The report as JSON"). */

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const percents = { type: 'object', additionalProperties: { type: 'number', nullable: true } } as const;
const cohort = {
  type: 'object', properties: { children: { type: 'integer' }, families: { type: 'integer' } }, required: ['children', 'families'],
} as const;
const FIGURE_VALUE = {
  nullable: true,
  description:
    'a count, rate, mean or percent (number); a stage (string, challenges.mostCommonHighestStage); counts per key (a breakdown, ' +
    'iro.caseloadsAtYearEnd per IRO id); { children, families } (cp.repeatPlanCohort); null with a reason when it cannot be computed',
  // anyOf: { children, families } is also a map of integers, and oneOf allows one match only
  anyOf: [{ type: 'number' }, { type: 'string' }, counts, cohort],
} as ApiPropertyOptions;
const ITEM_KINDS = ['child', 'review', 'conference', 'plan', 'challenge', 'iro'];

export class ReportPeriodResponse {
  @ApiProperty({ format: 'date', example: '2019-04-01' }) start!: string;
  @ApiProperty({ format: 'date', example: '2020-03-31' }) end!: string;
}

/** One year of a figure, with the ids behind it. */
export class YearFigureResponse {
  @ApiProperty(FIGURE_VALUE) value!: unknown;
  @ApiPropertyOptional({ type: 'integer', description: 'a percent or rate: its numerator' }) numerator?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'a percent or rate: its denominator (the population for a rate per 10,000)' }) denominator?: number;
  @ApiPropertyOptional({ description: 'why value is null' }) reason?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'reviews.iroVisitedBeforeReviewPercent: reviews whose visit is not known' }) notKnown?: number;
  @ApiPropertyOptional({ ...percents, description: 'a breakdown with percents: the percent per key (null when the total is 0)' } as ApiPropertyOptions)
  percent?: Record<string, number | null>;
  @ApiPropertyOptional({ type: [String], description: 'a count or breakdown: the ids counted (children, reviews, conferences, plans, challenges or IROs)' })
  ids?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'a breakdown: the ids under each key' })
  idsByKey?: Record<string, string[]>;
  @ApiPropertyOptional({ type: [String], description: 'a percent or rate: the ids in its numerator' }) numeratorIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'a percent or rate: the ids in its denominator' }) denominatorIds?: string[];
}

export class ReportFigureResponse extends YearFigureResponse {
  @ApiProperty({ type: YearFigureResponse, description: 'the same figure for the year before' }) previousYear!: YearFigureResponse;
  @ApiProperty({
    nullable: true,
    description: 'this year less last year, per key for a breakdown (keys in the breakdown\'s order); null when either side is not a number or, for a breakdown, has no such key (an IRO with no caseload last year)',
    anyOf: [{ type: 'number' }, percents],
  } as ApiPropertyOptions)
  change!: number | Record<string, number | null> | null;
}

/** Every figure by its id: one required property per figure id. */
export class AnnualReportFiguresResponse {}
for (const id of FIGURE_IDS) ApiProperty({ type: ReportFigureResponse })(AnnualReportFiguresResponse.prototype, id);

export class AnnualReportResponse {
  @ApiProperty({ example: 2019 }) year!: number;
  @ApiProperty({ type: ReportPeriodResponse }) period!: ReportPeriodResponse;
  @ApiProperty({
    type: Boolean, nullable: true,
    description: 'whether the year had ended by the report\'s instant (asOf, else generatedAt): when false, the report is provisional and its ' +
      'figures at year end count what was open then as still open on 31 March',
  })
  yearEnded!: boolean | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'only events recorded up to this instant counted; null: all' })
  asOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) generatedAt!: string | null;
  @ApiProperty({ enum: [true], description: 'the JSON is exact, with ids: never published (csv, md and html are)' }) notForPublication!: true;
  @ApiProperty() localAuthority!: string;
  @ApiProperty({ type: () => AnnualReportFiguresResponse, description: 'every figure of ../shared/FIGURES.md, by id' })
  figures!: Record<string, ReportFigureResponse>;
}

/** What a figure measures in one year, without its ids. */
export class FigureMeasuresYearResponse {
  @ApiProperty(FIGURE_VALUE) value!: unknown;
  @ApiPropertyOptional({ type: 'integer' }) numerator?: number;
  @ApiPropertyOptional({ type: 'integer' }) denominator?: number;
  @ApiPropertyOptional(percents as ApiPropertyOptions) percent?: Record<string, number | null>;
}

export class FigureMeasuresResponse extends FigureMeasuresYearResponse {
  @ApiProperty({ type: FigureMeasuresYearResponse }) previousYear!: FigureMeasuresYearResponse;
}

export class ArrivedRecordResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'ReviewHeld' }) type!: string;
  @ApiProperty({ example: 'child-ada' }) stream!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'integer', description: 'global position in the store' }) position!: number;
}

export class PreviousYearIdsMovedResponse {
  @ApiProperty({ type: [String], description: "ids the previous year's figure names as of to and not as of from" }) idsAdded!: string[];
  @ApiProperty({ type: [String], description: "ids the previous year's figure names as of from and not as of to" }) idsRemoved!: string[];
}

export class FigureChangeResponse {
  @ApiProperty({ enum: FIGURE_IDS }) figureId!: string;
  @ApiProperty({ type: FigureMeasuresResponse, description: 'as of from' }) from!: FigureMeasuresResponse;
  @ApiProperty({ type: FigureMeasuresResponse, description: 'as of to' }) to!: FigureMeasuresResponse;
  @ApiProperty({ type: [String], description: "ids the year's figure names as of to and not as of from" }) idsAdded!: string[];
  @ApiProperty({ type: [String], description: "ids the year's figure names as of from and not as of to" }) idsRemoved!: string[];
  @ApiProperty({ type: PreviousYearIdsMovedResponse, description: "the same for the previous year's figure" })
  previousYear!: PreviousYearIdsMovedResponse;
  @ApiProperty({ type: [ArrivedRecordResponse], description: 'the records recorded in between that moved the figure' })
  movedBy!: ArrivedRecordResponse[];
}

export class ReportChangesResponse {
  @ApiProperty({ example: 2019 }) year!: number;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'whether the year had ended by to: when false, the figures at year end are provisional' })
  yearEnded!: boolean | null;
  @ApiProperty({ type: [FigureChangeResponse], description: 'the figures whose measures or ids differ' }) figures!: FigureChangeResponse[];
  @ApiProperty({ type: [ArrivedRecordResponse], description: 'every record recorded in between' }) arrived!: ArrivedRecordResponse[];
}

export class TracedEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'CareStarted' }) type!: string;
  @ApiProperty({ description: 'the date the record is effective (empty when it has none)', example: '2019-06-03' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

export class TracedLinkResponse {
  @ApiProperty({ example: '/children/ada/history', description: "where the records are read: a child's or a challenge's history" })
  history!: string;
  @ApiProperty({ type: [TracedEventResponse], description: 'the counting records that put the id in the figure' }) events!: TracedEventResponse[];
}

export class TracedItemResponse {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['lookedAfter', 'protection'],
    description: 'a breakdown: the keys the id counts under (several when it counts in more than one, as a challenge in challenges.lookedAfterVsProtection can)',
  })
  keys?: string[];
  @ApiProperty({ type: [TracedLinkResponse] }) links!: TracedLinkResponse[];
}

export class FigureTraceResponse {
  @ApiProperty({ example: 2019 }) year!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: "whether the year had ended by the trace's instant: when false, a figure at year end is provisional" })
  yearEnded!: boolean | null;
  @ApiProperty({ enum: FIGURE_IDS }) figureId!: string;
  @ApiProperty({ enum: ITEM_KINDS, description: 'what the ids name' }) kind!: string;
  @ApiProperty({ ...FIGURE_VALUE, description: `${FIGURE_VALUE.description}; a breakdown's count for a key is the number of its ids whose keys include it` } as ApiPropertyOptions)
  value!: unknown;
  @ApiPropertyOptional({ type: [TracedItemResponse], description: 'a percent or rate: its numerator ids' }) numerator?: TracedItemResponse[];
  @ApiPropertyOptional({ type: [TracedItemResponse], description: 'a percent or rate: its denominator ids' }) denominator?: TracedItemResponse[];
  @ApiPropertyOptional({ type: [TracedItemResponse], description: 'a count or breakdown: its ids (for a breakdown, each with its keys)' }) ids?: TracedItemResponse[];
}
