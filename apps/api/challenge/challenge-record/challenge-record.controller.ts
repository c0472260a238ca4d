import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { foldChallenge } from '../../../../src/challenge/evolve-challenge';
import { challengeStream } from '../../../../src/events/streams';
import { NotFoundResponse, ValidationErrorResponse } from '../../../../libs/nest/http/error-responses';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { streamHistory, StreamHistoryResponse } from '../../history/stream-history.response';
import { ChallengeIdParams } from '../challenge-id.params';
import { challengeRecord } from './challenge-record';
import { ChallengeRecordResponse } from './challenge-record.response';

@ApiTags('challenges')
@Controller('challenges/:id')
@ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'id is not a valid id' })
@ApiNotFoundResponse({ type: NotFoundResponse, description: 'no challenge with this id has been raised' })
export class ChallengeRecordController {
  constructor(private readonly reader: StreamReader) {}

  @Get()
  @ApiOperation({ summary: 'The challenge today, with its stage history (stage, entered on, deadline, left on)' })
  @ApiOkResponse({ type: ChallengeRecordResponse, headers: { ETag: { description: 'the stream revision, for If-Match' } } })
  async challengeRecord(@Param() { id }: ChallengeIdParams, @Res({ passthrough: true }) response: Response): Promise<ChallengeRecordResponse> {
    const loaded = await this.reader.load(challengeStream(id), foldChallenge);
    if (!loaded.state.raised) throw notFound(id);
    const revision = loaded.revision as number;
    response.setHeader('ETag', `"${revision}"`);
    return challengeRecord(loaded.state, revision, this.reader.today());
  }

  @Get('history')
  @ApiOperation({ summary: "Every event of the challenge's stream, in order" })
  @ApiOkResponse({ type: StreamHistoryResponse })
  async history(@Param() { id }: ChallengeIdParams): Promise<StreamHistoryResponse> {
    const loaded = await this.reader.load(challengeStream(id), (events) => events);
    if (loaded.events.length === 0) throw notFound(id);
    return streamHistory(loaded.events);
  }
}

const notFound = (id: string) =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'challenge-not-found', message: `No challenge ${id} has been raised.` });
