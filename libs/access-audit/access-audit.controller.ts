import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationErrorResponse } from '../nest/http/error-responses';
import { AccessRecordPageResponse } from './access-record-page.response';
import { Clock, CLOCK, today } from '../../src/clock/clock';
import { EventStore } from '../event-store/event-store.port';
import { badRequest } from '../nest/http/field-errors';
import { wholeNumberParameter } from '../nest/http/whole-number-parameter';
import { ACCESS_AUDIT_STORE } from './access-audit-store';
import { AccessAuditFilter, AccessAuditQueryError, AccessRecordPage, findAccessRecords } from './access-audit-query';

const PARAMETERS = ['childId', 'userId', 'from', 'to', 'limit', 'cursor'];

@ApiTags('access audit')
@Controller('audit/access')
export class AccessAuditController {
  constructor(
    @Inject(ACCESS_AUDIT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who read which child\'s record, and when (auditors and admins)',
    description: 'Every read of a child\'s case, history, oversight document, a challenge or a figure trace naming children, oldest first. Refused attempts appear with outcome "denied".',
  })
  @ApiQuery({ name: 'childId', type: String, required: false, description: 'reads that named this child' })
  @ApiQuery({ name: 'userId', type: String, required: false, description: 'reads by this user' })
  @ApiQuery({ name: 'from', type: String, required: false, description: 'yyyy-mm-dd or ISO instant; default a year before `to`' })
  @ApiQuery({ name: 'to', type: String, required: false, description: 'yyyy-mm-dd (to its end) or ISO instant; default today' })
  @ApiQuery({ name: 'limit', type: 'integer', required: false, description: '1-1000, default 100' })
  @ApiQuery({ name: 'cursor', type: String, required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ type: AccessRecordPageResponse, description: 'the reads in the range, oldest first, a page at a time' })
  @ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'a parameter it does not take, or a bad date, limit or cursor' })
  async accessRecords(@Query() query: Record<string, unknown>): Promise<AccessRecordPage> {
    const problems: { field: string; messages: string[] }[] = [];
    for (const [name, value] of Object.entries(query)) {
      if (!PARAMETERS.includes(name)) problems.push({ field: name, messages: [`${name} is not a parameter of this query (${PARAMETERS.join(', ')})`] });
      else if (typeof value !== 'string') problems.push({ field: name, messages: [`${name} may be given once`] });
    }
    if (problems.length > 0) throw badRequest(problems);
    const text = query as Record<string, string | undefined>;
    const filter: AccessAuditFilter = {
      childId: text.childId,
      userId: text.userId,
      from: text.from,
      to: text.to,
      limit: text.limit === undefined ? undefined : wholeNumberParameter(text.limit),
      cursor: text.cursor,
    };
    try {
      return await findAccessRecords(this.store, filter, today(this.clock));
    } catch (error) {
      if (error instanceof AccessAuditQueryError) {
        throw badRequest(error.problems.map((message) => ({ field: message.split(' ')[0], messages: [message] })));
      }
      throw error;
    }
  }
}
