import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChallengeDocument, CHALLENGES } from '../../../../src/projections/issues-resolution/challenge-document';
import {
  analyseIssuesResolution, issuesResolutionCohortFilter,
} from '../../../../src/projections/issues-resolution/issues-resolution-analysis';
import { reportingPeriod, reportingYearOf } from '../../../../src/reporting/reporting-period';
import { ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { badRequest } from '../../../../libs/nest/http/field-errors';
import { Document } from '../../../../libs/read-store/read-store.port';
import { ChallengeChildren } from '../challenge-children';
import { FreshReadModels } from '../fresh-read-models';
import { QueryDate } from '../query-date';
import { IssuesResolutionAnalysisQuery } from './issues-resolution-analysis.query';
import { ChallengeGroupSummaryResponse, IssuesResolutionAnalysisResponse, StageFiguresResponse } from './issues-resolution-analysis.response';

@ApiTags('oversight')
@Controller('analysis/issues-resolution')
@ApiExtraModels(StageFiguresResponse, ChallengeGroupSummaryResponse)
export class IssuesResolutionAnalysisController {
  constructor(
    private readonly readModels: FreshReadModels,
    private readonly queryDate: QueryDate,
    private readonly challengeChildren: ChallengeChildren,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The Issues Resolution stage analysis of the challenges raised in a range, with their steps up to its end' })
  @ApiOkResponse({ type: IssuesResolutionAnalysisResponse })
  @ApiBadRequestResponse({ type: ValidationErrorResponse })
  async analyse(@Query() query: IssuesResolutionAnalysisQuery): Promise<IssuesResolutionAnalysisResponse> {
    const to = this.queryDate.orToday(query.to);
    const from = query.from ?? reportingPeriod(reportingYearOf(to)).start;
    if (from > to) {
      throw query.to === undefined
        ? badRequest([{ field: 'from', messages: [`from (${from}) must not be after to, which is today (${to}) when not given`] }])
        : badRequest([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    const cohort = await this.readModels.find<ChallengeDocument & Document>(CHALLENGES, issuesResolutionCohortFilter({ from, to }));
    return analyseIssuesResolution(await this.challengeChildren.atRaising(cohort), { from, to });
  }
}
