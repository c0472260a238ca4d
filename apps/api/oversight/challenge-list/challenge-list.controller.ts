import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChallengeDocument, CHALLENGES } from '../../../../src/projections/issues-resolution/challenge-document';
import {
  CHALLENGE_LIST_SORT, challengeListFilter, challengeListItem, challengeListPosition, ChallengeListPosition,
} from '../../../../src/projections/issues-resolution/challenge-list';
import { ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { badRequest } from '../../../../libs/nest/http/field-errors';
import { Document } from '../../../../libs/read-store/read-store.port';
import { ChallengeChildren } from '../challenge-children';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../page-cursor';
import { FreshReadModels } from '../fresh-read-models';
import { QueryDate } from '../query-date';
import { ChallengeListQuery } from './challenge-list.query';
import { ChallengeListResponse } from './challenge-list.response';

const isListPosition = (value: unknown): value is ChallengeListPosition =>
  typeof value === 'object' && value !== null &&
  typeof (value as ChallengeListPosition).raisedOn === 'string' &&
  typeof (value as ChallengeListPosition).challengeId === 'string';

@ApiTags('oversight')
@Controller('challenges')
export class ChallengeListController {
  constructor(
    private readonly readModels: FreshReadModels,
    private readonly queryDate: QueryDate,
    private readonly challengeChildren: ChallengeChildren,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The challenges with their stage history, filtered, newest first, a page at a time (from the issues-resolution read model)' })
  @ApiOkResponse({ type: ChallengeListResponse })
  @ApiBadRequestResponse({ type: ValidationErrorResponse })
  async list(@Query() query: ChallengeListQuery): Promise<ChallengeListResponse> {
    if (query.from && query.to && query.from > query.to) {
      throw badRequest([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    const after = decodeCursor(query.cursor, isListPosition);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const asAt = this.queryDate.orToday(query.asAt);
    const filter = challengeListFilter({ ...query, asAt }, after);
    const found = await this.readModels.findReadOnly<ChallengeDocument & Document>(CHALLENGES, filter, { sort: { ...CHALLENGE_LIST_SORT }, limit: limit + 1 });
    const items = found.slice(0, limit);
    const withChildren = await this.challengeChildren.atRaising(items);
    return {
      items: withChildren.map((item) => challengeListItem(item, asAt)) as unknown as ChallengeListResponse['items'],
      nextCursor: found.length > limit ? encodeCursor(challengeListPosition(items[items.length - 1])) : null,
    };
  }
}
