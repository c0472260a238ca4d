import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  clinicCandidatesFilter, clinicCandidatesPage, ClinicCriteria, ClinicPageCursor, rankClinicCandidates,
} from '../../../../src/projections/drift-and-delay/clinic-candidates';
import { DriftFlagName } from '../../../../src/projections/drift-and-delay/drift-flag';
import { OVERSIGHT, OversightDocument } from '../../../../src/projections/drift-and-delay/oversight-document';
import { RuleViolationResponse, ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { RequestWithActor } from '../../../../libs/nest/actor/current-actor.decorator';
import { RuleViolationError } from '../../../../libs/nest/commands/rule-violation.error';
import { badRequest } from '../../../../libs/nest/http/field-errors';
import { Document } from '../../../../libs/read-store/read-store.port';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../page-cursor';
import { FreshReadModels } from '../fresh-read-models';
import { QueryDate } from '../query-date';
import { ClinicCandidatesQuery, flagNamesOf } from './clinic-candidates.query';
import { ClinicCandidatesResponse } from './clinic-candidates.response';

/** A page's cursor: where the list stood, and the query it was given out for (the same flags, iroId and asAt go with it). */
type ClinicCursor = ClinicPageCursor & { query: string };

const isClinicCursor = (value: unknown): value is ClinicCursor =>
  typeof value === 'object' && value !== null &&
  Number.isInteger((value as ClinicCursor).seen) && (value as ClinicCursor).seen >= 0 &&
  typeof (value as ClinicCursor).listed === 'string' && typeof (value as ClinicCursor).query === 'string';

const queryOf = (query: ClinicCandidatesQuery, flags: readonly string[]): string =>
  JSON.stringify([[...flags].sort(), query.iroId ?? null, query.asAt ?? null]);

@ApiTags('oversight')
@Controller('clinic/candidates')
export class ClinicCandidatesController {
  constructor(
    private readonly readModels: FreshReadModels,
    private readonly queryDate: QueryDate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The challenge-clinic candidates: children whose records show drift and delay on a date, ranked' })
  @ApiOkResponse({ type: ClinicCandidatesResponse })
  @ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'among others, flags naming a flag that does not exist (the message lists the valid ones)' })
  @ApiConflictResponse({
    type: RuleViolationResponse,
    description: 'clinic-list-changed: the children ranked on the pages before the cursor changed meanwhile; ask again from the first page',
  })
  async candidates(@Query() query: ClinicCandidatesQuery, @Req() request: RequestWithActor): Promise<ClinicCandidatesResponse> {
    const actor = request.user;
    const after = decodeCursor(query.cursor, isClinicCursor);
    const flags = flagNamesOf(query.flags) as DriftFlagName[];
    const queried = queryOf(query, flags);
    if (after && after.query !== queried) {
      throw badRequest([{ field: 'cursor', messages: ['cursor was given out for other flags, iroId or asAt: send the same ones with it'] }]);
    }
    const asAt = this.queryDate.orToday(query.asAt);
    // an IRO's list is their children now (the access rule), seen as on asAt
    const criteria: ClinicCriteria =
      actor?.role === 'iro'
        ? { flags, asAt, allocatedNow: { iroId: actor.userId, today: this.queryDate.orToday(undefined) } }
        : { flags, asAt, iroId: query.iroId };
    // rankClinicCandidates keeps only the IRO's children itself: in memory, one filter for every IRO's list is
    // tested once per document written, where one filter per IRO would be tested again per IRO
    const asked = this.readModels.keepsDocumentsInMemory ? { ...criteria, iroId: undefined, allocatedNow: undefined } : criteria;
    const documents = await this.readModels.findReadOnly<OversightDocument & Document>(OVERSIGHT, clinicCandidatesFilter(asked));
    const page = clinicCandidatesPage(rankClinicCandidates(documents, criteria), query.limit ?? DEFAULT_PAGE_SIZE, after);
    if ('changed' in page) {
      throw new RuleViolationError({
        rule: 'clinic-list-changed',
        message:
          'The children ranked on the pages before this one have changed since they were given (records written meanwhile ' +
          'moved a child across the pages): going on would skip or repeat a child. Ask for the list again from the first page.',
      });
    }
    return { items: page.items, nextCursor: page.next ? encodeCursor({ ...page.next, query: queried } satisfies ClinicCursor) : null };
  }
}
