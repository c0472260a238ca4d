import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags, getSchemaPath,
} from '@nestjs/swagger';
import { Response } from 'express';
import { FIGURE_IDS, FigureId, isFigureId } from '../../../src/reporting/figure-ids';
import { badRequest, FieldError } from '../../../libs/nest/http/field-errors';
import { ValidationErrorResponse } from '../../../libs/nest/http/error-responses';
import { CONTENT_TYPES, isReportFormat, REPORT_FORMATS, renderReport, ReportFormat } from '../../../libs/reporting/render-report';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { calendarDateInLondon } from '../../../src/calendar/calendar-date';
import { Clock, CLOCK } from '../../../src/clock/clock';
import { reportingYearNotStarted } from '../../../src/reporting/reporting-period';
import { AnnualReportService, FigureTrace, ReportChanges } from './annual-report.service';
import { asOfNoLaterThan, parseReportInstant, parseReportYear } from '../../../libs/reporting/report-instant';
import { AnnualReportResponse, FigureTraceResponse, ReportChangesResponse, ReportFigureResponse } from './report.responses';

type QueryParameters = Record<string, unknown>;

/**
 * Reads the query's parameters, collecting every malformed one for a single 400; a
 * parameter the endpoint does not take is one of them (`?asof=` must not quietly give
 * today's figures).
 */
class QueryReader {
  readonly errors: FieldError[] = [];
  constructor(
    private readonly query: QueryParameters,
    takes: readonly string[],
    private readonly now: Date,
  ) {
    for (const name of Object.keys(query)) {
      if (!takes.includes(name)) {
        this.errors.push({ field: name, messages: [`${name} is not a parameter of this request (it takes ${takes.join(', ')})`] });
      }
    }
  }

  year(text: string): number {
    const year = parseReportYear(text);
    if (year === undefined) this.errors.push({ field: 'year', messages: ['year must be a reporting year such as 2019 (1 April 2019 to 31 March 2020)'] });
    const notStarted = year === undefined ? undefined : reportingYearNotStarted(year, calendarDateInLondon(this.now));
    if (notStarted) this.errors.push({ field: 'year', messages: [notStarted] });
    return year ?? 0;
  }

  instant(name: string, required: boolean): string | null {
    const raw = this.query[name];
    if (raw === undefined) {
      if (required) this.errors.push({ field: name, messages: [`${name} is required: an ISO 8601 instant such as 2020-04-30T23:59:59Z`] });
      return null;
    }
    const instant = typeof raw === 'string' ? parseReportInstant(raw) : undefined;
    if (instant === undefined) this.errors.push({ field: name, messages: [`${name} must be an ISO 8601 instant such as 2020-04-30T23:59:59Z, or a date, on a day that exists`] });
    return instant === undefined ? null : asOfNoLaterThan(instant, this.now);
  }

  format(): ReportFormat {
    const raw = this.query.format ?? 'json';
    if (typeof raw === 'string' && isReportFormat(raw)) return raw;
    this.errors.push({ field: 'format', messages: [`format must be one of ${REPORT_FORMATS.join(', ')}`] });
    return 'json';
  }

  figureId(text: string): FigureId {
    if (isFigureId(text)) return text;
    this.errors.push({ field: 'figureId', messages: [`figureId must be a figure of the annual report, e.g. ${FIGURE_IDS[0]}`] });
    return FIGURE_IDS[0];
  }

  check(): void {
    if (this.errors.length > 0) throw badRequest(this.errors);
  }
}

@ApiTags('reports')
@ApiExtraModels(AnnualReportResponse, ReportFigureResponse)
@Controller('reports/iro-annual/:year')
@ApiParam({ name: 'year', type: String, description: 'the reporting year: 2019 is 1 April 2019 to 31 March 2020', example: '2019' })
@ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'a bad year (or one not started yet), as-of instant, format or figure id' })
export class ReportsController {
  constructor(
    private readonly reports: AnnualReportService,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private reader(query: QueryParameters, takes: readonly string[]): QueryReader {
    return new QueryReader(query, takes, this.clock.now());
  }

  @Get()
  @ApiOperation({
    summary: 'The annual IRO report for a reporting year, with the previous year beside it',
    description:
      'json is exact, with the ids behind every figure, and marked notForPublication; csv, md and html apply disclosure ' +
      'control (counts from 1 to the threshold show as "c", and the rates built on them are withheld). Without asOf the ' +
      'current and previous years come from the annual-report read model; with asOf (or another year) the events ' +
      'recorded up to that instant are replayed.',
  })
  @ApiQuery({ name: 'asOf', type: String, required: false, description: 'only events recorded up to this instant count (an ISO 8601 instant, or a date: the end of that day in the UK); one after now is taken as now, and the answer gives the instant used' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiProduces(...Object.values(CONTENT_TYPES).map((type) => type.split(';')[0]))
  @ApiOkResponse({
    description: 'the report: exact JSON (shape in docs/figures.md), or a published csv, md or html document',
    content: {
      [CONTENT_TYPES.json.split(';')[0]]: { schema: { $ref: getSchemaPath(AnnualReportResponse) } },
      ...Object.fromEntries(
        REPORT_FORMATS.filter((format) => format !== 'json').map((format) => [CONTENT_TYPES[format].split(';')[0], { schema: { type: 'string' } }]),
      ),
    },
  })
  async annualReport(@Param('year') yearText: string, @Query() query: QueryParameters, @Res() response: Response): Promise<void> {
    const reader = this.reader(query, ['asOf', 'format']);
    const year = reader.year(yearText);
    const asOf = reader.instant('asOf', false);
    const format = reader.format();
    reader.check();
    const report = await this.reports.annualReport(year, asOf);
    const body = await renderReport(report, format, this.config.disclosureThreshold);
    response.status(200).type(CONTENT_TYPES[format]).send(body);
  }

  @Get('changes')
  @ApiOperation({ summary: 'The figures that differ between two as-of instants, and the records whose arrival moved them' })
  @ApiQuery({ name: 'from', type: String, required: true, description: 'an ISO 8601 instant, or a date (the end of that day in the UK)' })
  @ApiQuery({ name: 'to', type: String, required: true, description: 'an ISO 8601 instant or a date, not before from; one after now is taken as now' })
  @ApiOkResponse({ type: ReportChangesResponse, description: 'the figures that differ and the records whose arrival moved them' })
  async changes(@Param('year') yearText: string, @Query() query: QueryParameters): Promise<ReportChanges> {
    const reader = this.reader(query, ['from', 'to']);
    const year = reader.year(yearText);
    const from = reader.instant('from', true);
    const to = reader.instant('to', true);
    if (from && to && from > to) reader.errors.push({ field: 'to', messages: ['to must not be before from'] });
    reader.check();
    return this.reports.changes(year, from!, to!);
  }

  @Get('figures/:figureId')
  @ApiOperation({ summary: "One figure's numerator and denominator ids (or its ids), each with the records that put it there" })
  @ApiParam({ name: 'figureId', enum: FIGURE_IDS })
  @ApiQuery({ name: 'asOf', type: String, required: false, description: 'only events recorded up to this instant count (an ISO 8601 instant, or a date: the end of that day in the UK); one after now is taken as now, and the answer gives the instant used' })
  @ApiOkResponse({ type: FigureTraceResponse, description: "the figure's ids, each with its history links and the counting records behind it" })
  async figure(@Param('year') yearText: string, @Param('figureId') figureText: string, @Query() query: QueryParameters): Promise<FigureTrace> {
    const reader = this.reader(query, ['asOf']);
    const year = reader.year(yearText);
    const figureId = reader.figureId(figureText);
    const asOf = reader.instant('asOf', false);
    reader.check();
    return this.reports.trace(year, figureId, asOf);
  }
}
