import {
  Body, Controller, HttpCode, HttpStatus, Inject, Post, Res, UploadedFile, UploadedFiles, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { importCinCensus } from '../../../libs/interchange/cin/import-cin-census';
import { ImportReport } from '../../../libs/interchange/report/import-report';
import { importSsda903Return } from '../../../libs/interchange/ssda903/import-ssda903-return';
import { EVENT_STORE, EventStore } from '../../../libs/event-store/event-store.port';
import { CurrentActor } from '../../../libs/nest/actor/current-actor.decorator';
import { ValidationErrorResponse } from '../../../libs/nest/http/error-responses';
import { Clock, CLOCK, today } from '../../../src/clock/clock';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Actor } from '../../../src/events/envelope';
import { ImportFormFields, importRequestOf } from './import-request';

/** What multer (memory storage) gives for each uploaded file, as far as the import needs it. */
interface UploadedImportFile {
  originalname: string;
  buffer: Buffer;
}

/** Up to 500 MB per file: a large authority's episodes table for one year is a few MB. */
const UPLOAD_LIMITS = { limits: { fileSize: 500 * 1024 * 1024 } };

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
 * imported (or, in a dry run, would be), 422 when they were refused, with every failure by
 * file, row, column, value and rule. Nothing is appended when a request is refused.
 */
@ApiTags('imports (admin)')
@Controller('imports')
@ApiBadRequestResponse({ type: ValidationErrorResponse, description: 'no file, or a malformed year or flag' })
export class ImportsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
  ) {}

  @Post('ssda903')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(FilesInterceptor('files', 20, UPLOAD_LIMITS))
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
  @ApiOkResponse({ description: 'the validation report: the return was imported (or would be, in a dry run)' })
  @ApiUnprocessableEntityResponse({ description: 'the validation report: the return was refused, nothing appended' })
  async importSsda903(
    @UploadedFiles() files: UploadedImportFile[] | undefined,
    @Body() fields: ImportFormFields,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReport> {
    const request = importRequestOf(fields, files?.length ?? 0, 'files');
    const report = await importSsda903Return(
      (files ?? []).map((file) => ({ name: file.originalname, content: file.buffer })),
      { store: this.store, config: this.config, today: today(this.clock), actor, ...request },
    );
    if (!report.accepted) response.status(HttpStatus.UNPROCESSABLE_ENTITY);
    return report;
  }

  @Post('cin')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(FileInterceptor('file', UPLOAD_LIMITS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, ...FORM_FIELDS } },
  })
  @ApiOperation({ summary: 'Admin only: import the child protection records of a CIN census XML file' })
  @ApiOkResponse({ description: 'the validation report: the census was imported (or would be, in a dry run)' })
  @ApiUnprocessableEntityResponse({ description: 'the validation report: the census was refused, nothing appended' })
  async importCin(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() fields: ImportFormFields,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReport> {
    const request = importRequestOf(fields, file ? 1 : 0, 'file');
    const report = await importCinCensus(
      { name: file!.originalname, content: file!.buffer },
      { store: this.store, config: this.config, today: today(this.clock), actor, ...request },
    );
    if (!report.accepted) response.status(HttpStatus.UNPROCESSABLE_ENTITY);
    return report;
  }
}
