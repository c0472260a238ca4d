import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isKnownChild } from '../../../../src/projections/drift-and-delay/child-facts';
import { oversightAt } from '../../../../src/projections/drift-and-delay/oversight-at';
import { OVERSIGHT, OversightDocument } from '../../../../src/projections/drift-and-delay/oversight-document';
import { NotFoundResponse, ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { Document } from '../../../../libs/read-store/read-store.port';
import { ChildIdParams } from '../../case/child-id.params';
import { AsAtQuery } from '../as-at.query';
import { FreshReadModels } from '../fresh-read-models';
import { QueryDate } from '../query-date';
import { ChildOversightResponse } from './child-oversight.response';

@ApiTags('oversight')
@Controller('children/:childId/oversight')
export class ChildOversightController {
  constructor(
    private readonly readModels: FreshReadModels,
    private readonly queryDate: QueryDate,
  ) {}

  @Get()
  @ApiOperation({ summary: "A child's drift and delay on a date: status, IRO, what is due next and how overdue, open challenges, flags with evidence" })
  @ApiOkResponse({ type: ChildOversightResponse })
  @ApiBadRequestResponse({ type: ValidationErrorResponse })
  @ApiNotFoundResponse({ type: NotFoundResponse, description: 'no record of this child in the drift-and-delay read model, or its registration was voided and not entered again' })
  async oversight(@Param() { childId }: ChildIdParams, @Query() { asAt }: AsAtQuery): Promise<ChildOversightResponse> {
    const document = await this.readModels.get<OversightDocument & Document>(OVERSIGHT, childId);
    if (!document || document.facts.length === 0 || !isKnownChild(document.facts)) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered', message: `Child ${childId} is not registered.` });
    }
    return oversightAt(document, this.queryDate.orToday(asAt));
  }
}
