import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CaseState } from '../../../../src/case/case-state';
import { foldCase } from '../../../../src/case/evolve-case';
import { childStream } from '../../../../src/events/streams';
import { NotFoundResponse, ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { LoadedStream, StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { streamHistory, StreamHistoryResponse } from '../../history/stream-history.response';
import { ChildIdParams } from '../child-id.params';
import { childRecord } from './child-record';
import { ChildRecordResponse } from './child-record.response';

@ApiTags('children')
@Controller('children/:childId')
@ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'childId is not a valid id' })
@ApiNotFoundResponse({ type: NotFoundResponse, description: 'no child with this id is registered' })
export class ChildRecordController {
  constructor(private readonly reader: StreamReader) {}

  @Get()
  @ApiOperation({ summary: "The child's case today: in care or not, placement, legal status, IRO, open CP plan, what is due next" })
  @ApiOkResponse({ type: ChildRecordResponse, headers: { ETag: { description: 'the stream revision, for If-Match' } } })
  async childRecord(@Param() { childId }: ChildIdParams, @Res({ passthrough: true }) response: Response): Promise<ChildRecordResponse> {
    const loaded = await this.loadRegistered(childId);
    const revision = loaded.revision as number;
    response.setHeader('ETag', `"${revision}"`);
    return childRecord(childId, loaded.state, revision, this.reader.today());
  }

  @Get('history')
  @ApiOperation({ summary: "Every event of the child's stream, in order, with when it happened and when it was recorded" })
  @ApiOkResponse({ type: StreamHistoryResponse })
  async history(@Param() { childId }: ChildIdParams): Promise<StreamHistoryResponse> {
    const loaded = await this.reader.load(childStream(childId), (events) => events);
    if (loaded.events.length === 0) throw notRegistered(childId);
    return streamHistory(loaded.events);
  }

  private async loadRegistered(childId: string): Promise<LoadedStream<CaseState>> {
    const loaded = await this.reader.load(childStream(childId), foldCase);
    if (!loaded.state.registered) throw notRegistered(childId);
    return loaded;
  }
}

const notRegistered = (childId: string) =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'child-not-registered', message: `Child ${childId} is not registered.` });
