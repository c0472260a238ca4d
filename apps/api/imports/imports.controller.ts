import {
  Body, Controller, HttpCode, HttpStatus, Inject, Post, Res, UploadedFile, UploadedFiles, UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiResponse, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { importCinCensus } from '../../../libs/interchange/cin/import-cin-census';
import { importSsda903Return } from '../../../libs/interchange/ssda903/import-ssda903-return';
import { EVENT_STORE, EventStore } from '../../../libs/event-store/event-store.port';
import { CurrentActor } from '../../../libs/nest/actor/current-actor.decorator';
import { RequestRefusedResponse, ValidationErrorResponse } from '../../../libs/nest/http/error-responses';
import { Clock, CLOCK, today } from '../../../src/clock/clock';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Actor } from '../../../src/events/envelope';
import { ImportAnswer, importAnswerOf, ISSUES_LISTED } from './import-answer';
import { ImportAnswerResponse } from './import-answer.response';
import { importRequestOf } from './import-request';
import { ImportUpload, UPLOAD_LIMITS, UPLOAD_LIMITS_TEXT } from './upload-limits';

/** What multer (memory storage) gives for each uploaded file, as far as the import needs it. */
interface UploadedImportFile {
  originalname: string;
  buffer: Buffer;
}

const ISSUES_REFUSED =
  `the validation report: the {what} was refused, nothing appended; the first ${ISSUES_LISTED} issues are listed, issueCount counts them all`;

const FORM_FIELDS = {
  year: { type: 'string', description: 'the collection year, e.g. 2019 for 2019-20 (default: read from the files)' },
  dryRun: { type: 'string', enum: ['true', 'false'], description: 'check and decide everything, append nothing' },
  skipInvalidChildren: {
    type: 'string', enum: ['true', 'false'],
    description: 'import every child whose rows are all valid and list the others, instead of refusing the whole set',
  },
};

/**
 * ADMIN ONLY: bulk imports of the statutory returns (the access policy allows these routes to
 * the admin role alone). Each answers with the validation report: 200 when the files were
 * imported (or, in a dry run, would be), 422 when they were refused, with the failures by
 * file, row, column, value and rule (the first ISSUES_LISTED, and their count: the CLI writes
 * every one as CSV). Nothing is appended when a request is refused. Uploads are limited
 * (upload-limits.ts): 413 past them.
 */
@ApiTags('imports (admin)')
@Controller('imports')
@ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'no file, an unknown form field, or a malformed year or flag' })
@ApiPayloadTooLargeResponse({ type: RequestRefusedResponse, description: `the upload is over its limits: ${UPLOAD_LIMITS_TEXT}` })
@ApiResponse({ status: HttpStatus.LENGTH_REQUIRED, type: RequestRefusedResponse, description: 'the upload did not send its Content-Length' })
export class ImportsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
  ) {}

  @Post('ssda903')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(ImportUpload('files', UPLOAD_LIMITS.files))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object', required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } }, ...FORM_FIELDS },
    },
  })
  @ApiOperation({
    summary: 'Admin only: import an SSDA903 return (header, episodes and reviews CSV files, recognised by their header rows)',
    description: 'Other SSDA903 tables are recognised and reported as not imported. Re-importing the same files appends nothing.',
  })
  @ApiOkResponse({ type: ImportAnswerResponse, description: 'the validation report: the return was imported (or would be, in a dry run)' })
  @ApiUnprocessableEntityResponse({ type: ImportAnswerResponse, description: ISSUES_REFUSED.replace('{what}', 'return') })
  async importSsda903(
    @UploadedFiles() files: UploadedImportFile[] | undefined,
    @Body() fields: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportAnswer> {
    const request = importRequestOf(fields, files?.length ?? 0, 'files');
    const report = await importSsda903Return(
      (files ?? []).map((file) => ({ name: file.originalname, content: file.buffer })),
      { store: this.store, config: this.config, today: today(this.clock), actor, ...request },
    );
    if (!report.accepted) response.status(HttpStatus.UNPROCESSABLE_ENTITY);
    return importAnswerOf(report);
  }

  @Post('cin')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(ImportUpload('file', 1))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, ...FORM_FIELDS } },
  })
  @ApiOperation({ summary: 'Admin only: import the child protection records of a CIN census XML file' })
  @ApiOkResponse({ type: ImportAnswerResponse, description: 'the validation report: the census was imported (or would be, in a dry run)' })
  @ApiUnprocessableEntityResponse({ type: ImportAnswerResponse, description: ISSUES_REFUSED.replace('{what}', 'census') })
  async importCin(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() fields: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportAnswer> {
    const request = importRequestOf(fields, file ? 1 : 0, 'file');
    const report = await importCinCensus(
      { name: file!.originalname, content: file!.buffer },
      { store: this.store, config: this.config, today: today(this.clock), actor, ...request },
    );
    if (!report.accepted) response.status(HttpStatus.UNPROCESSABLE_ENTITY);
    return importAnswerOf(report);
  }
}
