import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../../src/config/local-authority-config';
import { caseloadsAt, caseloadsFilter } from '../../../../src/projections/caseloads/caseloads';
import { OVERSIGHT, OversightDocument } from '../../../../src/projections/drift-and-delay/oversight-document';
import { ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { Document } from '../../../../libs/read-store/read-store.port';
import { AsAtQuery } from '../as-at.query';
import { FreshReadModels } from '../fresh-read-models';
import { QueryDate } from '../query-date';
import { CaseloadsResponse } from './caseloads.response';

@ApiTags('oversight')
@Controller('caseloads')
export class CaseloadsController {
  constructor(
    private readonly readModels: FreshReadModels,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
    private readonly queryDate: QueryDate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'IRO caseloads on a date, against the IRO Handbook range (50-70) and the local target (not paged: one item per IRO)' })
  @ApiOkResponse({ type: CaseloadsResponse })
  @ApiBadRequestResponse({ type: ValidationErrorResponse })
  async caseloads(@Query() { asAt }: AsAtQuery): Promise<CaseloadsResponse> {
    const date = this.queryDate.orToday(asAt);
    const documents = await this.readModels.find<OversightDocument & Document>(OVERSIGHT, caseloadsFilter(date));
    return caseloadsAt(documents, date, this.config);
  }
}
